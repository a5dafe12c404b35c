using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Likeness.Application;
using Likeness.Application.Webhooks;
using Likeness.Server;
using Likeness.Server.Security;
using Likeness.Server.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Likeness.Bench;

/// <summary>
/// Webhook delivery from a server on a real SQLite file to a receiver on loopback. Events go straight into the outbox
/// (as a use case's command would write them), so what is timed is the pipeline after the commit: fan-out, signing,
/// HTTP, recording. First a burst (deliveries a second), then a paced load (commit-to-arrival latency).
/// </summary>
public static class WebhookHarness
{
    public static async Task RunAsync(int burst, int rate, int seconds)
    {
        var dir = Directory.CreateTempSubdirectory("likeness-bench-webhooks-").FullName;
        var arrivals = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        var receiver = await ReceiverAsync(arrivals);
        var settings = new ServerSettings(Path.Combine(dir, "bench.db"), "http://127.0.0.1:0")
        {
            Options = new LikenessOptions { WebhookPrivateAddresses = true },
            RateLimits = new RateLimits { PerKey = 0, PerAddress = 0, AuthFailuresPerMinute = 0 },
        };
        var server = await LikenessServer.BuildAsync(settings);
        await server.App.StartAsync();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(server.App.Urls.First()) };
            http.DefaultRequestHeaders.Authorization = new("Bearer", server.NewOperatorKey);
            var party = await (await http.PostAsJsonAsync("/v1/parties", new { kind = "studio", name = "Bench Studio" })).Content.ReadFromJsonAsync<JsonObject>();
            http.DefaultRequestHeaders.Authorization = new("Bearer", party!["apiKey"]!.GetValue<string>());
            var created = await http.PostAsJsonAsync("/v1/webhooks", new { url = receiver.Urls.First() + "/hook", events = new[] { "*" } });
            created.EnsureSuccessStatusCode();

            // The burst: every event committed at once, then timed until each has arrived.
            var sw = Stopwatch.StartNew();
            var ids = await PublishAsync(server.Core, burst);
            await UntilAsync(() => ids.All(arrivals.ContainsKey), TimeSpan.FromMinutes(5));
            var delivered = sw.Elapsed;
            Console.WriteLine($"burst: {burst:N0} events committed and delivered in {delivered.TotalSeconds:F2} s = {burst / delivered.TotalSeconds:N0} deliveries/s (at most {WebhookDispatcher.MaxInFlight} in flight)");

            // The paced load: `rate` events a second in commits every 10 ms; latency from each commit to its arrival.
            var committed = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
            var perTick = Math.Max(1, rate / 100);
            var ticks = seconds * 100;
            var clock = Stopwatch.StartNew();
            for (var t = 0; t < ticks; t++)
            {
                var due = TimeSpan.FromMilliseconds(10 * t) - clock.Elapsed;
                if (due > TimeSpan.Zero)
                {
                    await Task.Delay(due);
                }

                foreach (var id in await PublishAsync(server.Core, perTick))
                {
                    committed[id] = Stopwatch.GetTimestamp();
                }
            }

            await UntilAsync(() => committed.Keys.All(arrivals.ContainsKey), TimeSpan.FromMinutes(2));
            var latency = new Histogram();
            foreach (var (id, at) in committed)
            {
                latency.RecordMicros((long)Stopwatch.GetElapsedTime(at, arrivals[id]).TotalMicroseconds);
            }

            Console.WriteLine($"paced: {committed.Count:N0} events at {perTick * 100:N0}/s for {seconds} s; commit to arrival {latency.Summary()}");
        }
        finally
        {
            await server.App.StopAsync();
            await server.App.DisposeAsync();
            await receiver.StopAsync();
            await receiver.DisposeAsync();
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>Commits <paramref name="count"/> events (a closed statement each: every subscriber's) in one transaction.</summary>
    private static Task<List<string>> PublishAsync(LikenessCore core, int count) =>
        core.Store.WriteAsync(s =>
        {
            var now = core.Clock.GetUtcNow();
            var ids = new List<string>(count);
            for (var i = 0; i < count; i++)
            {
                ids.Add(WebhookOutbox.Publish(s, WebhookEventTypes.StatementClosed, now, new WebhookAudience(null, [], Everyone: true),
                    new Dictionary<string, object?> { ["period"] = "2026-11", ["n"] = i }));
            }

            return ids;
        });

    private static async Task<WebApplication> ReceiverAsync(ConcurrentDictionary<string, long> arrivals)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapPost("/hook", (HttpContext http) =>
        {
            arrivals.TryAdd(http.Request.Headers["webhook-id"].ToString(), Stopwatch.GetTimestamp());
            return Results.Ok();
        });
        await app.StartAsync();
        return app;
    }

    private static async Task UntilAsync(Func<bool> done, TimeSpan limit)
    {
        var sw = Stopwatch.StartNew();
        while (!done())
        {
            if (sw.Elapsed > limit)
            {
                throw new TimeoutException("the receiver did not get every event in time");
            }

            await Task.Delay(5);
        }
    }
}
