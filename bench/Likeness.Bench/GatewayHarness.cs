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
    /// <param name="Client"><c>raw</c>: prepared bytes on keep-alive sockets (the lean client); <c>httpclient</c>: .NET's HttpClient with JSON serialization.</param>
    /// <param name="Keys">Send an Idempotency-Key with every request (lean client), as a render pipeline that retries would.</param>
    /// <param name="Studios">How many studios (keys and licences) the connections speak for, null for one per connection.
    /// With one studio for every connection (the workload of sessions 1 to 3), the nodes run without the per-key limit.</param>
    /// <param name="CapSeconds">A performer-wide monthly cap of that many synthetic seconds in the performer's consent (issue 16:
    /// the same run with and without caps compares what checking and counting them costs), null for none. Set it above what
    /// the run renders, so that every render is still permitted.</param>
    /// <param name="Serve">More options for every <c>likeness serve</c> node (<c>--serve "--metrics off"</c>), to compare a setting.</param>
    /// <param name="Contributors">With the raw client and more than 1: after the single-performer run, the same nodes drive
    /// renders naming that many contributors (the studio's licence and one of each other performer's), and the run prints
    /// their pair rate as a ratio of the single-performer rate (issue 16's goal: at least 0.4 with 4).</param>
    /// <param name="CompareCaps">With the raw client: the same nodes measure the HTTP ceiling, then pairs of a performer
    /// without caps, then pairs of one whose consent caps her (<see cref="CapSeconds"/>, default 10^9 s), and print each
    /// gateway ÷ ceiling ratio (issue 16's goal: capped within 10% of uncapped).</param>
    /// <param name="Rounds">With <see cref="Contributors"/> or <see cref="CompareCaps"/>: how many times the phases alternate; each figure is the median.</param>
    public sealed record Options(string Provider, int Nodes, int Clients, int Pairs, int Seconds, int? Rate, bool Healthz = false, string Client = "raw", bool Keys = false, int? Studios = null, int? CapSeconds = null, string Serve = "",
        int Contributors = 1, bool CompareCaps = false, int Rounds = 1);

    // Until the JIT has tiered the hot path up (with dynamic PGO) a node is markedly slower: a run measures the steady
    // state after this warm-up (5 s or 50,000 pairs at saturation, whichever ends first).
    private const int WarmUpPairs = 50_000;
    private const int WarmUpSeconds = 5;

    public static async Task RunAsync(Options o)
    {
        var dir = Directory.CreateTempSubdirectory("likeness-bench-").FullName;
        var db = o.Provider == "postgres" ? await (await PostgresCluster.Shared).CreateDatabaseAsync() : Path.Combine(dir, "gateway.db");
        var key = await NodeProcess.InitAsync(db);
        var nodes = new List<NodeProcess>();
        try
        {
            var started = Stopwatch.StartNew();
            // HttpClient sends one studio's key on every connection: without a studio per connection the per-key limit is off.
            string[] limits = o.Client != "raw" || (o.Studios is { } few && few < o.Clients) ? ["--rate-limit-key", "0"] : [];
            string[] serve = [.. limits, .. o.Serve.Split(' ', StringSplitOptions.RemoveEmptyEntries)];
            nodes.Add(await NodeProcess.StartAsync(db, key, serve));
            Console.WriteLine($"first node answering {started.Elapsed.TotalMilliseconds:F0} ms after its process started (`likeness serve`, {o.Provider})");
            for (var i = 1; i < o.Nodes; i++)
            {
                nodes.Add(await NodeProcess.StartAsync(db, key, serve));
            }

            var (studioKey, licenseId, agentKey) = await SetupAsync(nodes[0], key, o.CapSeconds);
            var what = (o.Rate is { } r ? $"open loop at {r}/s" : $"closed loop, {o.Clients} clients") + (o.Healthz ? ", GET /healthz ×2" : "") + $", {o.Client} client" + (o.Keys ? ", Idempotency-Keys" : "")
                + (o.CapSeconds is { } cap ? $", a performer cap of {cap} s a month" : "");
            if (o.Client == "raw" && (o.Contributors > 1 || o.CompareCaps))
            {
                await PhasesAsync(o, nodes, key, studioKey, licenseId, agentKey);
                return;
            }

            if (o.Client == "raw")
            {
                // Every connection is its own studio with its own key and licence, as a pipeline of many workers would be: the
                // per-key rate limit (RateLimits.PerKey) then never binds (docs/SECURITY.md).
                var distinct = await StudiosAsync(nodes[0], key, agentKey, studioKey, licenseId, Math.Min(o.Studios ?? o.Clients, o.Clients));
                var studios = Enumerable.Range(0, o.Clients).Select(i => distinct[i % distinct.Count]).ToList();
                var targets = nodes.Select(n => new RawTarget(n.Url, o.Keys)).ToArray();
                for (var t = 0; t < targets.Length; t++)
                {
                    await targets[t].OpenAsync(studios.Where((_, i) => i % targets.Length == t));
                }

                await DriveAsync(slot => RawPairAsync(targets[slot % targets.Length], o.Healthz), WarmUpPairs, o.Clients, WarmUpSeconds, null, "warm-up (JIT tiering, closed loop)");
                await SettleAsync(nodes);
                await DriveAsync(slot => RawPairAsync(targets[slot % targets.Length], o.Healthz), o.Pairs, o.Clients, o.Seconds, o.Rate, what);
                foreach (var t in targets)
                {
                    t.Dispose();
                }

                return;
            }

            using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 4096, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
            var clients = nodes.Select(n =>
            {
                var c = new HttpClient(handler, disposeHandler: false) { BaseAddress = new Uri(n.Url), Timeout = TimeSpan.FromSeconds(30) };
                c.DefaultRequestHeaders.Authorization = new("Bearer", studioKey);
                return c;
            }).ToArray();

            await DriveAsync(slot => HttpClientPairAsync(clients[slot % clients.Length], licenseId, o.Healthz), WarmUpPairs, o.Clients, WarmUpSeconds, null, "warm-up (JIT tiering, closed loop)");
            await SettleAsync(nodes);
            await DriveAsync(slot => HttpClientPairAsync(clients[slot % clients.Length], licenseId, o.Healthz), o.Pairs, o.Clients, o.Seconds, o.Rate, what);
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

    /// <summary>
    /// One node's prepared requests and a fixed pool of keep-alive connections: a pair waits for a free one (an open-loop
    /// pair's wait counts in its latency, which runs from its scheduled start).
    /// </summary>
    /// <summary>
    /// Phases on the same nodes, each warmed up, settled and measured in turn: the comparisons of issue 16's goals, made in
    /// one run so that the shared machine's load weighs on both sides alike.
    /// </summary>
    private static async Task PhasesAsync(Options o, List<NodeProcess> nodes, string operatorKey, string studioKey, string licenseId, string agentKey)
    {
        var count = Math.Min(o.Studios ?? o.Clients, o.Clients);
        var phases = new List<(string Label, List<Studio> Studios, bool Healthz)>();
        var single = await StudiosAsync(nodes[0], operatorKey, agentKey, studioKey, licenseId, count);
        if (o.CompareCaps)
        {
            phases.Add(("HTTP ceiling (GET /healthz ×2)", single, true));
        }

        phases.Add(("single performer" + (o.CompareCaps ? ", no caps" : ""), single, false));
        if (o.CompareCaps)
        {
            var (capKey, capLicense, capAgent) = await SetupAsync(nodes[0], operatorKey, o.CapSeconds ?? 1_000_000_000);
            phases.Add(($"single performer, a performer cap of {o.CapSeconds ?? 1_000_000_000} s a month", await StudiosAsync(nodes[0], operatorKey, capAgent, capKey, capLicense, count), false));
        }

        if (o.Contributors > 1)
        {
            phases.Add(($"{o.Contributors} contributors", await EnsembleStudiosAsync(nodes[0], operatorKey, single, o.Contributors), false));
        }

        // The phases alternate, round after round, and each phase's figure is its median: on a machine whose capacity drifts,
        // alternating keeps a drift from falling on one side of a comparison.
        var targets = new List<RawTarget>();
        foreach (var (label, studios, healthz) in phases)
        {
            var target = new RawTarget(nodes[0].Url, o.Keys);
            await target.OpenAsync(Enumerable.Range(0, o.Clients).Select(i => studios[i % studios.Count]));
            await DriveAsync(_ => RawPairAsync(target, healthz), WarmUpPairs, o.Clients, WarmUpSeconds, null, $"warm-up: {label}");
            targets.Add(target);
        }

        var measured = phases.Select(_ => new List<double>()).ToArray();
        for (var round = 0; round < o.Rounds; round++)
        {
            for (var i = 0; i < phases.Count; i++)
            {
                await SettleAsync(nodes);
                var target = targets[i];
                var healthz = phases[i].Healthz;
                measured[i].Add(await DriveAsync(_ => RawPairAsync(target, healthz), o.Pairs, o.Clients, o.Seconds, o.Rate, $"round {round + 1}: {phases[i].Label}, closed loop, {o.Clients} clients, raw client"));
            }
        }

        foreach (var t in targets)
        {
            t.Dispose();
        }

        var rates = measured.Select(m => m.Order().ElementAt(m.Count / 2)).ToList();

        var gateway = o.CompareCaps ? 1 : 0;
        for (var i = 0; i < phases.Count; i++)
        {
            var ratio = o.CompareCaps && i > 0 ? string.Create(CultureInfo.InvariantCulture, $"; ÷ HTTP ceiling {rates[i] / rates[0]:F3}") : "";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{phases[i].Label}: median {rates[i]:N0} pairs/s of {o.Rounds} rounds ({string.Join(", ", measured[i].Select(r => r.ToString("N0", CultureInfo.InvariantCulture)))}); ÷ single performer {rates[i] / rates[gateway]:F3}{ratio}"));
        }
    }

    /// <summary>
    /// For each studio, a licence of each of <paramref name="contributors"/> − 1 other performers: the studio then renders
    /// naming its own licence and those, in equal shares.
    /// </summary>
    private static async Task<List<Studio>> EnsembleStudiosAsync(ILikenessEndpoint node, string operatorKey, List<Studio> studios, int contributors)
    {
        using var op = node.Client(operatorKey);
        var others = new List<(HttpClient Client, string Id)>();
        for (var i = 1; i < contributors; i++)
        {
            var (_, performer) = await op.PostAsync("/v1/parties", new { kind = "performer", name = $"Bench Performer {i + 1}" });
            var p = node.Client(performer!["apiKey"]!.GetValue<string>());
            var id = performer["id"]!.GetValue<string>();
            await p.SendAsync(HttpMethod.Put, $"/v1/performers/{id}/consent", new { permission = new object[] { new { uid = "all", action = "render" } } });
            others.Add((p, id));
        }

        var made = new List<Studio>();
        foreach (var s in studios)
        {
            using var studio = node.Client(s.Key);
            var licences = new List<string> { s.LicenseId };
            foreach (var (p, id) in others)
            {
                licences.Add(await LicenseAsync(studio, p, id));
            }

            made.Add(s with { Contributors = [.. licences] });
        }

        foreach (var (p, _) in others)
        {
            p.Dispose();
        }

        return made;
    }

    /// <summary>A studio's key and the licence it renders under (or the licences of a render's contributors, the studio's first).</summary>
    internal sealed record Studio(string Key, string LicenseId, string[]? Contributors = null);

    /// <summary>A connection and the studio it speaks for, with that studio's authorize request prepared once.</summary>
    internal sealed class RawLease(RawHttpConnection connection, Studio studio, string host)
    {
        private byte[]? _authorize;

        public RawHttpConnection Connection { get; set; } = connection;

        public string Key => studio.Key;

        public string Host => host;

        private readonly string _authorizeJson = studio.Contributors is { } named
            ? $$"""{"contributors":[{{string.Join(",", named.Select((l, i) => $$"""{"licenseId":"{{l}}","role":"likeness","share":{{(10_000 / named.Length) + (i == 0 ? 10_000 % named.Length : 0)}}}"""))}}],"modality":"voice","purpose":"dubbing","territory":"JP","language":"ja","requestedSeconds":2,"deliverable":"bench"}"""
            : $$"""{"licenseId":"{{studio.LicenseId}}","modality":"voice","purpose":"dubbing","territory":"JP","language":"ja","requestedSeconds":2,"deliverable":"bench"}""";

        public byte[] Authorize(string? key) => key is null
            ? _authorize ??= RawHttpConnection.Request("POST", "/v1/renders", host, studio.Key, _authorizeJson)
            : RawHttpConnection.Request("POST", "/v1/renders", host, studio.Key, _authorizeJson, key);
    }

    internal sealed class RawTarget(string url, bool keys) : IDisposable
    {
        private readonly string _run = Guid.NewGuid().ToString("N")[..8];
        private long _pairs;

        private readonly System.Threading.Channels.Channel<RawLease> _idle = System.Threading.Channels.Channel.CreateUnbounded<RawLease>();
        private readonly System.Net.IPEndPoint _endpoint = System.Net.IPEndPoint.Parse(new Uri(url).Authority);

        /// <summary>Opens one connection for each studio.</summary>
        public async Task OpenAsync(IEnumerable<Studio> studios)
        {
            foreach (var s in studios)
            {
                _idle.Writer.TryWrite(new RawLease(await RawHttpConnection.OpenAsync(_endpoint), s, Host));
            }
        }

        public string Host { get; } = new Uri(url).Authority;

        /// <summary>The next pair's keys (null without keys): the same pair would send the same keys again on a retry.</summary>
        public (string? Authorize, string? Complete) NextKeys()
        {
            if (!keys)
            {
                return (null, null);
            }

            var n = Interlocked.Increment(ref _pairs);
            return ($"{_run}-a-{n}", $"{_run}-c-{n}");
        }

        public byte[] Healthz { get; } = RawHttpConnection.Request("GET", "/healthz", new Uri(url).Authority, null, null);

        public ValueTask<RawLease> RentAsync() => _idle.Reader.ReadAsync();

        public void Return(RawLease c) => _idle.Writer.TryWrite(c);

        /// <summary>A connection that failed is closed and replaced (for the same studio).</summary>
        public async Task ReplaceAsync(RawLease broken)
        {
            broken.Connection.Dispose();
            broken.Connection = await RawHttpConnection.OpenAsync(_endpoint);
            Return(broken);
        }

        public void Dispose()
        {
            while (_idle.Reader.TryRead(out var c))
            {
                c.Connection.Dispose();
            }
        }
    }

    private const string CompleteJson = """{"actualSeconds":1.5,"outputSha256":"ab00000000000000000000000000000000000000000000000000000000000000"}""";

    internal static async Task<bool> RawPairAsync(RawTarget target, bool healthz)
    {
        var lease = await target.RentAsync();
        var c = lease.Connection;
        try
        {
            if (healthz)
            {
                var ok = (await c.SendAsync(target.Healthz)).Status == 200 && (await c.SendAsync(target.Healthz)).Status == 200;
                target.Return(lease);
                return ok;
            }

            var (authorizeKey, completeKey) = target.NextKeys();
            var (status, body) = await c.SendAsync(lease.Authorize(authorizeKey));
            if (status != 201)
            {
                target.Return(lease);
                return false;
            }

            var id = RenderId(body.Span);
            var complete = RawHttpConnection.Request("POST", $"/v1/renders/{id}/complete", target.Host, lease.Key, CompleteJson, completeKey);
            var done = (await c.SendAsync(complete)).Status == 200;
            target.Return(lease);
            return done;
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException)
        {
            await target.ReplaceAsync(lease);
            return false;
        }
    }

    private static string RenderId(ReadOnlySpan<byte> json)
    {
        var marker = "\"renderId\":\""u8;
        var at = json.IndexOf(marker);
        var rest = json[(at + marker.Length)..];
        return System.Text.Encoding.ASCII.GetString(rest[..rest.IndexOf((byte)'"')]);
    }

    private static async Task<bool> HttpClientPairAsync(HttpClient c, string licenseId, bool healthz)
    {
        try
        {
            if (healthz)
            {
                using var h1 = await c.GetAsync("/healthz");
                using var h2 = await c.GetAsync("/healthz");
                return h1.IsSuccessStatusCode && h2.IsSuccessStatusCode;
            }

            using var auth = await c.PostAsJsonAsync("/v1/renders", new
            {
                licenseId,
                modality = "voice",
                purpose = "dubbing",
                territory = "JP",
                language = "ja",
                requestedSeconds = 2,
                deliverable = "bench",
            });
            if (auth.StatusCode != System.Net.HttpStatusCode.Created)
            {
                return false;
            }

            var id = (await auth.Content.ReadFromJsonAsync<JsonObject>())!["renderId"]!.GetValue<string>();
            using var done = await c.PostAsJsonAsync($"/v1/renders/{id}/complete", new { actualSeconds = 1.5, outputSha256 = "ab" + new string('0', 62) });
            return done.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    /// <summary>
    /// Runs <paramref name="pair"/> closed or open loop, bounded in count and time, and prints the figures. The pair is
    /// given a slot that picks its node: the worker's number in closed loop, the pair's number in open loop.
    /// </summary>
    private static async Task<double> DriveAsync(Func<int, Task<bool>> pair, int pairs, int concurrency, int seconds, int? rate, string label)
    {
        var histogram = new Histogram();
        var errors = 0;
        var next = -1;
        var deadline = Stopwatch.StartNew();
        var limit = TimeSpan.FromSeconds(seconds);
        var run = Guid.NewGuid().ToString("N")[..8];

        // The worst latency of each 100 ms of the run (by scheduled start), to see whether a tail comes in bursts.
        var windows = new long[Math.Max(1, seconds * 10 + 1)];
        var origin = Stopwatch.GetTimestamp();

        async Task Pair(int slot, long scheduledTicks)
        {
            if (await pair(slot))
            {
                var micros = (Stopwatch.GetTimestamp() - scheduledTicks) * 1_000_000 / Stopwatch.Frequency;
                histogram.RecordMicros(micros);
                var w = (int)Math.Clamp((scheduledTicks - origin) * 10 / Stopwatch.Frequency, 0, windows.Length - 1);
                long seen;
                while (micros > (seen = Interlocked.Read(ref windows[w])) && Interlocked.CompareExchange(ref windows[w], micros, seen) != seen)
                {
                }
            }
            else
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
            await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < pairs && deadline.Elapsed < limit)
                {
                    await Pair(worker, Stopwatch.GetTimestamp());
                }
            }));
        }

        var elapsed = deadline.Elapsed.TotalSeconds;
        if (Environment.GetEnvironmentVariable("LIKENESS_BENCH_TIMELINE") == "1")
        {
            var used = (int)Math.Min(windows.Length, Math.Ceiling(elapsed * 10));
            Console.WriteLine("worst latency per 100 ms (ms): " + string.Join(' ', windows.Take(used).Select(m => (m / 1000).ToString(CultureInfo.InvariantCulture))));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label} [{run}]: {histogram.Count:N0} pairs in {elapsed:F2} s = {histogram.Count / elapsed:N0} pairs/s ({(label.Contains("healthz", StringComparison.Ordinal) ? "two GET /healthz" : "authorize + complete")}), errors {errors}; pair latency {histogram.Summary()}"));
        return histogram.Count / elapsed;
    }

    /// <summary>
    /// Waits, after the warm-up at saturation, until the nodes have caught up with it: the signed checkpoint has stopped
    /// growing (every entry of the warm-up is integrated), then one more second for the SQLite checkpoint and the
    /// collector. Without it the first seconds of the measured run would measure the warm-up's backlog.
    /// </summary>
    private static async Task SettleAsync(IReadOnlyList<NodeProcess> nodes)
    {
        var settling = Stopwatch.StartNew();
        long? last = null;
        while (settling.Elapsed < TimeSpan.FromSeconds(60))
        {
            var size = await nodes[0].CheckpointSizeAsync();
            if (size is not null && size == last)
            {
                break;
            }

            last = size;
            await Task.Delay(TimeSpan.FromMilliseconds(600));
        }

        await Task.Delay(TimeSpan.FromSeconds(1));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"settled after the warm-up in {settling.Elapsed.TotalSeconds:F1} s (ledger checkpoint at {last:N0} entries)"));
    }

    /// <summary>
    /// <paramref name="count"/> studios, the first the one <see cref="SetupAsync"/> made, the others each with a licence of
    /// its own from the same performer.
    /// </summary>
    internal static async Task<List<Studio>> StudiosAsync(ILikenessEndpoint node, string operatorKey, string agentKey, string firstKey, string firstLicense, int count)
    {
        var studios = new List<Studio> { new(firstKey, firstLicense) };
        using var op = node.Client(operatorKey);
        var (_, license) = await node.Client(firstKey).GetJsonAsync($"/v1/licenses/{firstLicense}");
        var performerId = license!["performerId"]!.GetValue<string>();
        using var agent = node.Client(agentKey);
        for (var i = 1; i < count; i++)
        {
            var (_, studio) = await op.PostAsync("/v1/parties", new { kind = "studio", name = $"Bench Studio {i}" });
            using var s = node.Client(studio!["apiKey"]!.GetValue<string>());
            studios.Add(new Studio(studio["apiKey"]!.GetValue<string>(), await LicenseAsync(s, agent, performerId)));
        }

        return studios;
    }

    /// <summary>A performer with consent (capped when <paramref name="capSeconds"/> is given), a studio with a licence of hers, and an agent she granted the power to approve (its key).</summary>
    internal static async Task<(string StudioKey, string LicenseId, string AgentKey)> SetupAsync(ILikenessEndpoint node, string operatorKey, int? capSeconds = null)
    {
        using var op = node.Client(operatorKey);
        var (_, performer) = await op.PostAsync("/v1/parties", new { kind = "performer", name = "Bench Performer" });
        var (_, studio) = await op.PostAsync("/v1/parties", new { kind = "studio", name = "Bench Studio" });
        using var p = node.Client(performer!["apiKey"]!.GetValue<string>());
        using var s = node.Client(studio!["apiKey"]!.GetValue<string>());
        var performerId = performer["id"]!.GetValue<string>();
        object[] permission = capSeconds is { } cap
            ?
            [
                new { uid = "all", action = "render" },
                new
                {
                    uid = "bench-cap", action = "render",
                    constraint = new object[] { new { leftOperand = "meteredTime", @operator = "lteq", rightOperand = $"PT{cap}S", scope = "performer", period = "month" } },
                },
            ]
            : [new { uid = "all", action = "render" }];
        var (consented, _) = await p.SendAsync(HttpMethod.Put, $"/v1/performers/{performerId}/consent", new { permission });
        if (consented != 200)
        {
            throw new InvalidOperationException($"the performer's consent was refused ({consented})");
        }

        var (_, agent) = await op.PostAsync("/v1/parties", new { kind = "representative", name = "Bench Agent" });
        await p.PostAsync($"/v1/performers/{performerId}/representatives", new { party = agent!["id"]!.GetValue<string>(), role = "agent", powers = new[] { "approve" } });
        return (studio["apiKey"]!.GetValue<string>(), await LicenseAsync(s, p, performerId), agent["apiKey"]!.GetValue<string>());
    }

    /// <summary>The studio asks for an unlimited year of Japanese voice dubbing and the performer side approves it; the licence id.</summary>
    private static async Task<string> LicenseAsync(HttpClient studio, HttpClient performerSide, string performerId)
    {
        var now = DateTimeOffset.UtcNow;
        var (_, request) = await studio.PostAsync("/v1/license-requests", new
        {
            performerId,
            project = "Benchmark",
            description = "Dubbing of one character into Japanese for the load benchmark of the render gateway, synthetic lines only, never published.",
            uses = new[] { new { modality = "voice", purposes = new[] { "dubbing" }, territories = new[] { "JP" }, languages = new[] { "ja" }, from = now.AddDays(-1), to = now.AddYears(1) } },
            compensation = new { perRender = new { currency = "USD", minor = 100 }, perSecond = new { currency = "USD", minor = 10 } },
        });
        var (_, license) = await performerSide.PostAsync($"/v1/license-requests/{request!["id"]}/approve", new { });
        return license!["id"]!.GetValue<string>();
    }
}
