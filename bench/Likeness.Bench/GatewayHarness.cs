using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Likeness.Tests.Support;

namespace Likeness.Bench;

/// <summary>
/// The render gateway over HTTP: starts <c>likeness serve</c> nodes on loopback (SQLite, or PostgreSQL with 1..n
/// nodes), makes a studio with an unlimited licence, and drives authorize + complete pairs — closed loop (a fixed
/// number of clients, as fast as they go) or open loop (a fixed rate; latency counted from the scheduled start).
/// Bounded by a number of pairs and a number of seconds; aimed only at 127.0.0.1.
/// </summary>
public static class GatewayHarness
{
    /// <param name="Healthz">Send two GET /healthz per pair instead: the ceiling of HTTP itself on this machine.</param>
    public sealed record Options(string Provider, int Nodes, int Clients, int Pairs, int Seconds, int? Rate, bool Healthz = false);

    public static async Task RunAsync(Options o)
    {
        var dir = Directory.CreateTempSubdirectory("likeness-bench-").FullName;
        var db = o.Provider == "postgres" ? await (await PostgresCluster.Shared).CreateDatabaseAsync() : Path.Combine(dir, "gateway.db");
        var key = await NodeProcess.InitAsync(db);
        var nodes = new List<NodeProcess>();
        try
        {
            var started = Stopwatch.StartNew();
            nodes.Add(await NodeProcess.StartAsync(db, key));
            Console.WriteLine($"first node answering {started.Elapsed.TotalMilliseconds:F0} ms after its process started (`likeness serve`, {o.Provider})");
            for (var i = 1; i < o.Nodes; i++)
            {
                nodes.Add(await NodeProcess.StartAsync(db, key));
            }

            var (studioKey, licenseId) = await SetupAsync(nodes[0], key);
            using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 4096, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
            var clients = nodes.Select(n =>
            {
                var c = new HttpClient(handler, disposeHandler: false) { BaseAddress = new Uri(n.Url), Timeout = TimeSpan.FromSeconds(30) };
                c.DefaultRequestHeaders.Authorization = new("Bearer", studioKey);
                return c;
            }).ToArray();

            await DriveAsync(clients, licenseId, Math.Min(3000, o.Pairs), o.Clients, o.Seconds, null, "warm-up (JIT tiering)", o.Healthz);
            await DriveAsync(clients, licenseId, o.Pairs, o.Clients, o.Seconds, o.Rate, (o.Rate is { } r ? $"open loop at {r}/s" : $"closed loop, {o.Clients} clients") + (o.Healthz ? ", GET /healthz ×2" : ""), o.Healthz);
            foreach (var c in clients)
            {
                c.Dispose();
            }
        }
        finally
        {
            foreach (var n in nodes)
            {
                await n.DisposeAsync();
            }

            Directory.Delete(dir, recursive: true);
        }
    }

    private static async Task DriveAsync(HttpClient[] clients, string licenseId, int pairs, int concurrency, int seconds, int? rate, string label, bool healthz)
    {
        var histogram = new Histogram();
        var errors = 0;
        var next = -1;
        var deadline = Stopwatch.StartNew();
        var limit = TimeSpan.FromSeconds(seconds);
        var run = Guid.NewGuid().ToString("N")[..8];

        async Task Pair(int i, long scheduledTicks)
        {
            var c = clients[i % clients.Length];
            try
            {
                if (healthz)
                {
                    using var h1 = await c.GetAsync("/healthz");
                    using var h2 = await c.GetAsync("/healthz");
                    histogram.RecordMicros((Stopwatch.GetTimestamp() - scheduledTicks) * 1_000_000 / Stopwatch.Frequency);
                    return;
                }

                using var auth = await c.PostAsJsonAsync("/v1/renders", new
                {
                    licenseId, modality = "voice", purpose = "dubbing", territory = "JP", language = "ja", requestedSeconds = 2, deliverable = "bench",
                });
                if (auth.StatusCode != System.Net.HttpStatusCode.Created)
                {
                    Interlocked.Increment(ref errors);
                    return;
                }

                var id = (await auth.Content.ReadFromJsonAsync<JsonObject>())!["renderId"]!.GetValue<string>();
                using var done = await c.PostAsJsonAsync($"/v1/renders/{id}/complete", new { actualSeconds = 1.5, outputSha256 = "ab" + new string('0', 62) });
                if (!done.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref errors);
                    return;
                }

                histogram.RecordMicros((Stopwatch.GetTimestamp() - scheduledTicks) * 1_000_000 / Stopwatch.Frequency);
            }
            catch (HttpRequestException)
            {
                Interlocked.Increment(ref errors);
            }
        }

        if (rate is { } perSecond)
        {
            var inFlight = new List<Task>();
            var start = Stopwatch.GetTimestamp();
            for (var i = 0; i < pairs && deadline.Elapsed < limit; i++)
            {
                var scheduled = start + (long)(i * (double)Stopwatch.Frequency / perSecond);
                var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), scheduled);
                if (wait > TimeSpan.FromMilliseconds(1))
                {
                    await Task.Delay(wait);
                }

                inFlight.Add(Pair(i, scheduled));
                if (inFlight.Count > 4096)
                {
                    inFlight.RemoveAll(t => t.IsCompleted);
                }
            }

            await Task.WhenAll(inFlight);
        }
        else
        {
            await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < pairs && deadline.Elapsed < limit)
                {
                    await Pair(i, Stopwatch.GetTimestamp());
                }
            }));
        }

        var elapsed = deadline.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label} [{run}]: {histogram.Count:N0} pairs in {elapsed:F2} s = {histogram.Count / elapsed:N0} pairs/s ({(healthz ? "two GET /healthz" : "authorize + complete")}), errors {errors}; pair latency {histogram.Summary()}"));
    }

    private static async Task<(string StudioKey, string LicenseId)> SetupAsync(NodeProcess node, string operatorKey)
    {
        using var op = node.Client(operatorKey);
        var (_, performer) = await op.PostAsync("/v1/parties", new { kind = "performer", name = "Bench Performer" });
        var (_, studio) = await op.PostAsync("/v1/parties", new { kind = "studio", name = "Bench Studio" });
        using var p = node.Client(performer!["apiKey"]!.GetValue<string>());
        using var s = node.Client(studio!["apiKey"]!.GetValue<string>());
        var performerId = performer["id"]!.GetValue<string>();
        await p.SendAsync(HttpMethod.Put, $"/v1/performers/{performerId}/consent", new { permission = new object[] { new { uid = "all", action = "render" } } });
        var now = DateTimeOffset.UtcNow;
        var (_, request) = await s.PostAsync("/v1/license-requests", new
        {
            performerId, project = "Benchmark",
            description = "Dubbing of one character into Japanese for the load benchmark of the render gateway, synthetic lines only, never published.",
            uses = new[] { new { modality = "voice", purposes = new[] { "dubbing" }, territories = new[] { "JP" }, languages = new[] { "ja" }, from = now.AddDays(-1), to = now.AddYears(1) } },
            compensation = new { perRender = new { currency = "USD", minor = 100 }, perSecond = new { currency = "USD", minor = 10 } },
        });
        var (_, license) = await p.PostAsync($"/v1/license-requests/{request!["id"]}/approve", new { });
        return (studio["apiKey"]!.GetValue<string>(), license!["id"]!.GetValue<string>());
    }
}
