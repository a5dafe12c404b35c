using System.Net;
using System.Net.Sockets;
using Likeness.Tests.Support;

namespace Likeness.Tests.Operations;

/// <summary>A <c>likeness serve</c> process on a fresh SQLite store and a free port, reached as an <see cref="ILikenessEndpoint"/>.</summary>
public sealed class ServedNode : ILikenessEndpoint, IAsyncDisposable
{
    private ServedNode(ServeProcess process, string url, string db)
    {
        Process = process;
        Url = url;
        Db = db;
        OperatorKey = File.ReadAllText(db + ".operator-key").Trim();
    }

    public ServeProcess Process { get; }
    public string Url { get; }
    public string Db { get; }
    public string OperatorKey { get; }

    /// <summary>Starts <c>likeness serve</c> with <paramref name="options"/> and waits until it listens.</summary>
    public static async Task<ServedNode> StartAsync(params string[] options)
    {
        var db = Path.Combine(Directory.CreateTempSubdirectory("likeness-ops-").FullName, "ops.db");
        int port;
        using (var free = new TcpListener(IPAddress.Loopback, 0))
        {
            free.Start();
            port = ((IPEndPoint)free.LocalEndpoint).Port;
        }

        var url = $"http://127.0.0.1:{port}";
        var process = await ServeProcess.StartAsync("Likeness listening on", ["--db", db, "--urls", url, .. options]);
        return new ServedNode(process, url, db);
    }

    public HttpClient Client(string? key)
    {
        var c = new HttpClient { BaseAddress = new Uri(Url) };
        if (key is not null)
        {
            c.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        }

        return c;
    }

    public async ValueTask DisposeAsync()
    {
        await Process.DisposeAsync();
        try
        {
            Directory.Delete(Path.GetDirectoryName(Db)!, recursive: true);
        }
        catch (IOException)
        {
            // Best effort on a temporary folder.
        }
    }
}
