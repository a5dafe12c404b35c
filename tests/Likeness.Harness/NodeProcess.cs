using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace Likeness.Tests.Support;

/// <summary>
/// A <c>likeness serve</c> process on a free loopback port — a node as an operator would run it, which a test
/// can kill with SIGKILL. Waiting on other processes is bounded polling (<see cref="EventuallyAsync"/>).
/// </summary>
public sealed class NodeProcess : ILikenessEndpoint, IAsyncDisposable
{
    private readonly Process _process;
    private int _killed;

    private NodeProcess(Process process, string url, string operatorKey)
    {
        _process = process;
        Url = url;
        OperatorKey = operatorKey;
    }

    public string Url { get; }

    public string OperatorKey { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>Initialises the store with <c>likeness init</c> and returns the operator key.</summary>
    public static async Task<string> InitAsync(string db)
    {
        var (exit, output, error) = await CliProcess.RunAsync(["init", "--db", db, "--json", .. SigningKeyArgs(db)]);
        return exit == 0 ? JsonNode.Parse(output)!["operatorKey"]!.GetValue<string>() : throw new InvalidOperationException(error);
    }

    /// <summary>
    /// Starts <c>likeness serve</c> on the store, with <paramref name="serveOptions"/> added to its command line; over HTTPS
    /// when those name a certificate (<c>--cert</c>).
    /// </summary>
    public static async Task<NodeProcess> StartAsync(string db, string operatorKey, params string[] serveOptions)
    {
        int port;
        using (var l = new TcpListener(IPAddress.Loopback, 0))
        {
            l.Start();
            port = ((IPEndPoint)l.LocalEndpoint).Port;
        }

        var url = $"{(serveOptions.Contains("--cert") ? "https" : "http")}://127.0.0.1:{port}";
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "likeness.dll"), "serve", "--db", db, "--urls", url }.Concat(SigningKeyArgs(db)).Concat(serveOptions))
        {
            psi.ArgumentList.Add(a);
        }

        var process = Process.Start(psi)!;
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data?.StartsWith("Likeness listening", StringComparison.Ordinal) == true)
            {
                listening.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var exited = process.WaitForExitAsync();
        if (await Task.WhenAny(listening.Task, exited, Task.Delay(TimeSpan.FromSeconds(60))) != listening.Task)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"likeness serve did not start on {url}");
        }

        return new NodeProcess(process, url, operatorKey);
    }

    /// <summary>
    /// A PostgreSQL store's nodes all read one signing key file, as they would from a shared mount: here one per
    /// database, in the temporary folder. A SQLite store keeps it beside the database.
    /// </summary>
    public static string[] SigningKeyArgs(string db) =>
        db.StartsWith("Host=", StringComparison.Ordinal)
            ? ["--signing-key", Path.Combine(Path.GetTempPath(), "likeness-node-keys", Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(db)))[..16] + ".pem")]
            : [];

    public HttpClient Client(string? key)
    {
        var c = new HttpClient { BaseAddress = new Uri(Url), Timeout = TimeSpan.FromSeconds(30) };
        if (key is not null)
        {
            c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return c;
    }

    /// <summary>kill -9: no shutdown, no flush, no goodbye.</summary>
    public async Task KillAsync()
    {
        if (Interlocked.Exchange(ref _killed, 1) == 0)
        {
            _process.Kill();
        }

        await ExitedAsync();
    }

    /// <summary>Waits for the process to be gone, at most 30 s (its output pipes closing is not waited for).</summary>
    private async Task ExitedAsync()
    {
        try
        {
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException)
        {
            _process.Kill(entireProcessTree: true);
        }
    }

    /// <summary>Whether this node says it sequences the ledger.</summary>
    public async Task<bool> IsSequencerAsync()
    {
        try
        {
            using var c = Client(null);
            var (_, health) = await c.GetJsonAsync("/healthz");
            return health?["sequencer"]?.GetValue<bool>() == true;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    /// <summary>The size of the node's latest signed checkpoint; null while it has signed none (its sequencer may not have ticked yet).</summary>
    public async Task<long?> CheckpointSizeAsync()
    {
        using var client = Client(null);
        using var response = await client.GetAsync("/v1/ledger/checkpoint");
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }

        var note = await response.Content.ReadAsStringAsync();
        return long.Parse(note.Split('\n')[1], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Polls <paramref name="condition"/> until it holds or <paramref name="limit"/> passes; the result says which.</summary>
    public static async Task<bool> EventuallyAsync(Func<Task<bool>> condition, TimeSpan limit)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < limit)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(50);
        }

        return await condition();
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _killed, 1) == 0 && !_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await ExitedAsync();
        }

        _process.Dispose();
    }
}
