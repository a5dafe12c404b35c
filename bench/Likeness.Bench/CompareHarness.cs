using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Likeness.Application;
using Likeness.Application.Common;
using Likeness.Application.Contracts;
using Likeness.Application.Model;
using Likeness.Application.Ports;
using Likeness.Domain.Decisions;
using Likeness.Storage.Sqlite;

namespace Likeness.Bench;

/// <summary>Side by side, in one run, as ratios: our decision against Cedar's; the gateway's durable writes against the store's raw limit.</summary>
public static class CompareHarness
{
    public static async Task RunAsync(int decisions, int pairs, int clients)
    {
        await DecisionsAsync(decisions);
        await StorageAsync(pairs, clients);
    }

    private static async Task DecisionsAsync(int n)
    {
        var s = new DecisionScenario();
        var builder = new DecisionBuilder();
        var ours = s.Facts.Select((f, i) => RenderEvaluator.Decide(s.License, f, s.Budgets, false, builder)).ToArray();
        for (var i = 0; i < 200_000; i++)
        {
            RenderEvaluator.Decide(s.License, s.Facts[i & 3], s.Budgets, false, builder);
        }

        var samples = new long[n];
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < n; i++)
        {
            var t0 = Stopwatch.GetTimestamp();
            RenderEvaluator.Decide(s.License, s.Facts[i & 3], s.Budgets, false, builder);
            samples[i] = Stopwatch.GetTimestamp() - t0;
        }

        var total = Stopwatch.GetElapsedTime(start);
        var bytesPerDecision = (GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)n;
        Array.Sort(samples);
        double Ns(double p) => samples[Math.Min(n - 1, (int)(n * p / 100))] * 1e9 / Stopwatch.Frequency;
        var oursPerSecond = n / total.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"likeness decision (licence + 100-rule consent): median {Ns(50):F0} ns, p99 {Ns(99):F0} ns, {bytesPerDecision:F1} B/decision, {oursPerSecond:N0}/s; effects {string.Join(", ", ours)}"));

        var dir = Directory.CreateTempSubdirectory("likeness-cedar-").FullName;
        await File.WriteAllTextAsync(Path.Combine(dir, "policies.cedar"), s.CedarPolicies);
        await File.WriteAllTextAsync(Path.Combine(dir, "contexts.json"), s.CedarContexts);
        var cedarDir = FindCedarDir();
        if (!Directory.Exists(Path.Combine(cedarDir, "node_modules")))
        {
            await Run("npm", cedarDir, "install", "--no-audit", "--no-fund");
        }

        var output = await Run("node", cedarDir, "cedar-bench.mjs", Path.Combine(dir, "policies.cedar"), Path.Combine(dir, "contexts.json"), "200000");
        var cedar = JsonNode.Parse(output.Trim().Split('\n')[^1])!;
        var median = cedar["medianNs"]!.GetValue<double>();
        var p99 = cedar["p99Ns"]!.GetValue<double>();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{cedar["engine"]} (same rules, parsed once, no entities): median {median:F0} ns, p99 {p99:F0} ns, {cedar["perSecond"]!.GetValue<long>():N0}/s; decisions {cedar["decisions"]!.ToJsonString()}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ratio cedar / likeness: median {median / Ns(50):F1}×, p99 {p99 / Ns(99):F1}×, throughput {oursPerSecond / cedar["perSecond"]!.GetValue<double>():F1}× (pendingApproval is a permit awaiting approval; Cedar has no such state)"));
        Directory.Delete(dir, recursive: true);
    }

    private static async Task StorageAsync(int pairs, int clients)
    {
        var dir = Directory.CreateTempSubdirectory("likeness-bench-").FullName;
        try
        {
            await using var store = new SqliteStore(Path.Combine(dir, "gateway.db"));
            using var core = await LikenessCore.OpenAsync(store, Likeness.Server.StoreFactory.SigningKeys(Path.Combine(dir, "gateway.db"), null), TimeProvider.System, new LikenessOptions());
            var (studio, license) = await SetupAsync(core);

            using var sampler = Environment.GetEnvironmentVariable("LIKENESS_BENCH_ALLOCATIONS") == "1" ? new AllocationSampler() : null;
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var sw = Stopwatch.StartNew();
            var next = -1;
            await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
            {
                while (Interlocked.Increment(ref next) < pairs)
                {
                    var auth = await core.Renders.AuthorizeAsync(studio, new RenderBody(license, "voice", "dubbing", "JP", "ja", 2), null);
                    var id = JsonNode.Parse(auth.Body)!["renderId"]!.GetValue<string>();
                    await core.Renders.CompleteAsync(studio, id, new CompleteBody(1.5m, "ab" + new string('0', 62)), null);
                }
            }));
            var gateway = pairs / sw.Elapsed.TotalSeconds;
            var bytesPerPair = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / pairs;
            foreach (var line in sampler?.Top(25) ?? [])
            {
                Console.WriteLine("  allocated: " + line);
            }

            // The same rows, the same commands, no logic: what the store itself can do.
            var template = await store.ReadAsync(s => s.ListUsage(license, null, null, null, 1)[0]);
            sw.Restart();
            next = -1;
            await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < pairs)
                {
                    var id = $"raw_{i:D9}";
                    await store.WriteAsync(s =>
                    {
                        s.AdjustBudget(license, 0, 0, 2000, 0, 1);
                        s.AppendLedgerEntry(Entry, EntryLeaf);
                        s.InsertRender(template with { Id = id, Status = RenderStatus.Authorized });
                        return 0;
                    });
                    await store.WriteAsync(s =>
                    {
                        s.AdjustBudget(license, 0, 1500, -2000, 1, -1);
                        s.AppendLedgerEntry(Entry, EntryLeaf);
                        s.UpdateRender(template with { Id = id });
                        return 0;
                    });
                }
            }));
            var raw = pairs / sw.Elapsed.TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"durable authorize+complete through the gateway's use cases (no HTTP), {clients} clients: {gateway:N0} pairs/s, {bytesPerPair:N0} B allocated a pair; the same rows written raw: {raw:N0} pairs/s; ratio gateway / raw {gateway / raw:F2}"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static readonly byte[] Entry = System.Text.Encoding.UTF8.GetBytes(
        "{\"at\":\"2026-11-22T00:00:00.000Z\",\"kind\":\"render.authorized\",\"license\":\"lic\",\"render\":\"rnd\",\"requestSha256\":\"00\",\"requestedMs\":2000,\"reservedMs\":2000,\"use\":0,\"v\":1}");

    // The raw rows carry a leaf hash like the gateway's, made once: the raw path does no hashing.
    private static readonly byte[] EntryLeaf = Likeness.Ledger.Hashes.Leaf(Entry);

    /// <summary>A performer with open consent and a studio holding a licence for voice dubbing in Japan.</summary>
    internal static async Task<(PartyRecord Studio, string License)> SetupAsync(LikenessCore core)
    {
        var op = (await core.Parties.AuthenticateAsync((await core.Parties.InitializeAsync())!))!;
        async Task<(PartyRecord Party, string Id)> Party(string kind)
        {
            var view = Json.DeserializeStored<PartyView>((await core.Parties.CreateAsync(op, new CreatePartyBody(kind, kind), null)).Body);
            return ((await core.Parties.AuthenticateAsync(view.ApiKey!))!, view.Id);
        }

        var (performer, performerId) = await Party("performer");
        var (studio, _) = await Party("studio");
        await core.Consent.PutAsync(performer, performerId, """{"permission":[{"uid":"all","action":"render"}]}""", null);
        var now = DateTimeOffset.UtcNow;
        var request = await core.Requests.CreateAsync(studio, new LicenseRequestBody(performerId, "Benchmark",
            "Dubbing of one character into Japanese for the storage benchmark of the render gateway, synthetic lines only, never published.",
            [new UseBody("voice", ["dubbing"], ["JP"], ["ja"], now.AddDays(-1), now.AddYears(1))], new CompensationBody(new MoneyBody("USD", 100))), null);
        var license = await core.Requests.ApproveAsync(performer, Json.DeserializeStored<LicenseRequestView>(request.Body).Id, new ApproveBody(), null);
        return (studio, Json.DeserializeStored<LicenseView>(license.Body).Id);
    }

    private static string FindCedarDir()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            var candidate = Path.Combine(d.FullName, "bench", "cedar");
            if (File.Exists(Path.Combine(candidate, "cedar-bench.mjs")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("bench/cedar not found above " + AppContext.BaseDirectory);
    }

    private static async Task<string> Run(string file, string dir, params string[] args)
    {
        var psi = new ProcessStartInfo(file) { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEndAsync();
        var error = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        return p.ExitCode == 0 ? await output : throw new InvalidOperationException($"{file} {string.Join(' ', args)}: {await error}");
    }
}
