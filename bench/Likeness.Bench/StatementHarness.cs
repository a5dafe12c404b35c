using System.Diagnostics;
using Likeness.Application;
using Likeness.Application.Licensing;
using Likeness.Application.Model;
using Likeness.Application.Royalties;
using Likeness.Domain.Common;
using Likeness.Domain.Licensing;
using Likeness.Storage.Sqlite;

namespace Likeness.Bench;

/// <summary>Statements for one period of many usage events over many licences, on a real SQLite file.</summary>
public static class StatementHarness
{
    public static async Task RunAsync(int events, int licenses)
    {
        var dir = Environment.GetEnvironmentVariable("LIKENESS_BENCH_KEEP") ?? Directory.CreateTempSubdirectory("likeness-bench-").FullName;
        try
        {
            await using var store = new SqliteStore(Path.Combine(dir, "bench.db"));
            using var core = await LikenessCore.OpenAsync(store, Likeness.Server.StoreFactory.SigningKeys(Path.Combine(dir, "bench.db"), null), TimeProvider.System, new LikenessOptions());
            var period = new Period(2026, 11);
            var sw = Stopwatch.StartNew();
            await store.WriteAsync(s =>
            {
                var at = period.Start;
                for (var p = 0; p < 100; p++)
                {
                    s.InsertParty(new PartyRecord($"prf_{p}", PartyKind.Performer, $"performer {p}", [], at), $"hash-p{p}");
                }

                s.InsertParty(new PartyRecord("std_0", PartyKind.Studio, "studio", [], at), "hash-s0");
                for (var l = 0; l < licenses; l++)
                {
                    var use = new LicenseUse(Modality.Voice, [Purpose.Dubbing], ["WORLD"], ["en"], at, at.AddYears(2), null, null, null, [], null, false);
                    var terms = new LicenseTerms("bench", "bench", [use], new Compensation(new Money("USD", 100 + l), new Money("USD", 7), null));
                    s.InsertRequest(new LicenseRequestRecord($"lrq_{l}", $"prf_{l % 100}", "std_0", RequestStatus.Approved, terms, "[]", null, null, $"lic_{l}", at, at, 0));
                    s.InsertLicense(new LicenseRecord($"lic_{l}", $"lrq_{l}", $"prf_{l % 100}", "std_0", terms, LicenseStatus.Active, null, at, false, 0, "token", null, 0));
                }

                return 0;
            });

            const int batch = 100_000;
            for (var done = 0; done < events; done += batch)
            {
                var from = done;
                await store.WriteAsync(s =>
                {
                    for (var i = from; i < Math.Min(from + batch, events); i++)
                    {
                        var l = i % licenses;
                        var settled = period.Start.AddSeconds(i % 2_500_000);
                        s.InsertRender(new RenderRecord($"rnd_{i:D9}", $"lic_{l}", "std_0", $"prf_{l % 100}", 0, RenderStatus.Completed, "{}", 5000, 5000, 1000 + (i % 4000),
                            "00", "[]", settled, settled, settled, 0, Domain.Royalties.Exact.One, 0));
                    }

                    return 0;
                });
            }

            Console.WriteLine($"loaded {events:N0} completed renders over {licenses:N0} licences in {sw.Elapsed.TotalSeconds:F1} s");

            sw.Restart();
            var aggregates = await store.ReadAsync(s => s.AggregateUsage(period.Start, period.End, null));
            Console.WriteLine($"  of which the usage aggregation alone: {aggregates.Count:N0} groups in {sw.Elapsed.TotalSeconds:F2} s");
            sw.Restart();
            var lines = await store.ReadAsync(s => StatementService.Lines(s, period, out _));
            sw.Stop();
            var totals = StatementService.Totals(lines.Where(l => l.Role == Domain.Royalties.RoyaltyCalculator.LicenseeRole));
            Console.WriteLine($"statements for {period}: {lines.Count:N0} lines for every payee and the studio's invoice in {sw.Elapsed.TotalSeconds:F2} s (billed {string.Join(", ", totals.Select(t => $"{t.Currency} {t.Minor:N0}"))})");
        }
        finally
        {
            if (Environment.GetEnvironmentVariable("LIKENESS_BENCH_KEEP") is null)
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }
}
