using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Likeness.Server;
using Likeness.Tests.Support.Fuzz;
using Microsoft.AspNetCore.Builder;

namespace Likeness.Bench;

/// <summary>
/// <c>bench fuzz</c>: the fuzz suite's generator (tests/Likeness.Harness/Fuzz) run longer than CI runs it, against a
/// server in this process on SQLite. Prints the seed and every failure class; exits non-zero when any case failed.
/// </summary>
public static class FuzzHarness
{
    public static async Task<int> RunAsync(int cases, int seed)
    {
        var dir = Directory.CreateTempSubdirectory("likeness-fuzz-").FullName;
        try
        {
            var built = await LikenessServer.BuildAsync(new ServerSettings(Path.Combine(dir, "fuzz.db"), "http://127.0.0.1:0"));
            await built.App.StartAsync();
            try
            {
                var endpoint = new HttpAllocationHarness.InProcessEndpoint(built.App.Urls.First(), built.NewOperatorKey!);
                var cast = await FuzzCast.CreateAsync(endpoint, built.Core.Clock.GetUtcNow());
                using var anonymous = endpoint.Client(null);
                var openApi = await anonymous.GetFromJsonAsync<JsonObject>("/openapi/v1.json");
                var runner = new FuzzRunner(endpoint, () => StoreCounts.ReadAsync(built.Core.Store), "Sqlite");
                var sw = Stopwatch.StartNew();
                var report = await runner.RunAsync(cast.Routes, cases, seed, openApi, done =>
                {
                    if (done % 5_000 == 0)
                    {
                        Console.Error.WriteLine($"{done} cases, {BenchCommands.Rate(done, sw)}");
                    }
                });
                Console.WriteLine(report);
                Console.WriteLine($"{report.Cases} cases in {sw.Elapsed.TotalSeconds:F1} s ({BenchCommands.Rate(report.Cases, sw)})");
                return report.Failures.Count == 0 ? 0 : 1;
            }
            finally
            {
                await built.App.StopAsync();
                await built.App.DisposeAsync();
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
