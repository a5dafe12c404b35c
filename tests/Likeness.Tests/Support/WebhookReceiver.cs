using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Likeness.Tests.Support;

/// <summary>One webhook as a receiver got it: its three headers and the exact body.</summary>
public sealed record ReceivedWebhook(string Id, string Timestamp, string Signature, string Body)
{
    public JsonNode Json => JsonNode.Parse(Body)!;

    public string Type => Json["type"]!.GetValue<string>();
}

/// <summary>
/// A real HTTP receiver on a free loopback port: records every POST and answers with the status <see cref="Answer"/>
/// chooses (200 unless told), or holds the request open while <see cref="Hold"/> is set (to kill a server mid-delivery).
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedWebhook> _received = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private WebhookReceiver(WebApplication app) => _app = app;

    /// <summary>The URL to register.</summary>
    public string Url { get; private set; } = "";

    /// <summary>The status to answer the n-th request with (0-based); 200 by default.</summary>
    public Func<int, int> Answer { get; set; } = _ => 200;

    /// <summary>While true, requests are recorded but not answered until <see cref="ReleaseHeld"/>.</summary>
    public bool Hold { get; set; }

    public IReadOnlyList<ReceivedWebhook> Received => _received.ToArray();

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        var count = 0;
        app.MapPost("/hook", async (HttpContext http) =>
        {
            using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var n = Interlocked.Increment(ref count) - 1;
            receiver._received.Enqueue(new ReceivedWebhook(
                http.Request.Headers["webhook-id"].ToString(), http.Request.Headers["webhook-timestamp"].ToString(), http.Request.Headers["webhook-signature"].ToString(), body));
            receiver._arrived.Release();
            if (receiver.Hold)
            {
                await receiver._release.Task.WaitAsync(http.RequestAborted);
            }

            return Results.StatusCode(receiver.Answer(n));
        });
        await app.StartAsync();
        receiver.Url = app.Urls.First() + "/hook";
        return receiver;
    }

    /// <summary>Answers every held request (and stops holding).</summary>
    public void ReleaseHeld()
    {
        Hold = false;
        _release.TrySetResult();
        _release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>Waits (at most <paramref name="seconds"/>) until <paramref name="done"/> holds for what was received.</summary>
    public async Task<IReadOnlyList<ReceivedWebhook>> WaitForAsync(Func<IReadOnlyList<ReceivedWebhook>, bool> done, int seconds = 30)
    {
        var deadline = Stopwatch.StartNew();
        while (!done(Received))
        {
            var left = TimeSpan.FromSeconds(seconds) - deadline.Elapsed;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"the receiver did not get what was expected within {seconds} s; it got: {string.Join(", ", Received.Select(r => r.Type))}");
            }

            await _arrived.WaitAsync(left < TimeSpan.FromMilliseconds(200) ? left : TimeSpan.FromMilliseconds(200));
        }

        return Received;
    }

    /// <summary>
    /// Checks signatures with the Standard Webhooks reference library (npm <c>standardwebhooks</c>, installed by
    /// scripts/test.sh in tests/oracles): one result per webhook, true or the library's reason.
    /// </summary>
    public static async Task<IReadOnlyList<string>> VerifyWithReferenceAsync(IEnumerable<(ReceivedWebhook Hook, string Secret)> hooks, DateTimeOffset? now = null)
    {
        var oracle = OracleScript();
        var input = new JsonArray(hooks.Select(h => (JsonNode)new JsonObject
        {
            ["secret"] = h.Secret,
            ["body"] = h.Hook.Body,
            ["headers"] = new JsonObject { ["webhook-id"] = h.Hook.Id, ["webhook-timestamp"] = h.Hook.Timestamp, ["webhook-signature"] = h.Hook.Signature },
            ["now"] = now?.ToUnixTimeSeconds(),
        }).ToArray());
        var psi = new ProcessStartInfo("node", [oracle]) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        using var node = Process.Start(psi)!;
        await node.StandardInput.WriteAsync(input.ToJsonString());
        node.StandardInput.Close();
        var output = await node.StandardOutput.ReadToEndAsync();
        var error = await node.StandardError.ReadToEndAsync();
        await node.WaitForExitAsync();
        if (node.ExitCode != 0)
        {
            throw new InvalidOperationException($"the webhook oracle failed: {error}");
        }

        return JsonSerializer.Deserialize<JsonElement[]>(output)!.Select(e => e.ValueKind == JsonValueKind.True ? "true" : e.ToString()).ToArray();
    }

    private static string OracleScript()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            var script = Path.Combine(d.FullName, "tests", "oracles", "verify-webhooks.mjs");
            if (File.Exists(script))
            {
                return Directory.Exists(Path.Combine(d.FullName, "tests", "oracles", "node_modules", "standardwebhooks"))
                    ? script
                    : throw new InvalidOperationException("tests/oracles/node_modules is missing: run scripts/test.sh (it installs the npm oracles).");
            }
        }

        throw new FileNotFoundException("tests/oracles/verify-webhooks.mjs is expected in the repository.");
    }

    public async ValueTask DisposeAsync()
    {
        ReleaseHeld();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _arrived.Dispose();
    }
}
