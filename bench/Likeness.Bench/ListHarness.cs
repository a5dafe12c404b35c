using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Likeness.Application;
using Likeness.Application.Common;
using Likeness.Application.Model;
using Likeness.Domain.Common;
using Likeness.Domain.Licensing;
using Likeness.Server;
using Likeness.Server.Security;
using Likeness.Storage.Sqlite;

namespace Likeness.Bench;

/// <summary>
/// Pages of 100 renders over HTTP from a SQLite store holding <c>renders</c> of them (one studio, 100 licences of 100
/// performers): a studio walking its renders (all, completed only, one licence's) and a performer walking hers, each
/// page after the last by its cursor, one request at a time; the latency of each page.
/// </summary>
public static class ListHarness
{
    public static async Task RunAsync(int renders, int pages)
    {
        var dir = Directory.CreateTempSubdirectory("likeness-bench-lists-").FullName;
        var db = Path.Combine(dir, "bench.db");
        var studioKey = Ids.NewApiKey();
        var performerKey = Ids.NewApiKey();
        try
        {
            var sw = Stopwatch.StartNew();
            await SeedAsync(db, renders, studioKey, performerKey);
            Console.WriteLine($"seeded {renders:N0} renders in {sw.Elapsed.TotalSeconds:F1} s");

            var settings = new ServerSettings(db, "http://127.0.0.1:0") { RateLimits = new RateLimits { PerKey = 0, PerAddress = 0, AuthFailuresPerMinute = 0 } };
            var server = await LikenessServer.BuildAsync(settings);
            await server.App.StartAsync();
            try
            {
                var url = server.App.Urls.First();
                await WalkAsync(url, studioKey, "/v1/renders?limit=100", pages, "studio, all renders");
                await WalkAsync(url, studioKey, "/v1/renders?status=completed&limit=100", pages, "studio, status=completed");
                await WalkAsync(url, studioKey, "/v1/renders?license=lic_7&limit=100", pages, "studio, one licence");
                await WalkAsync(url, performerKey, "/v1/renders?limit=100", pages, "performer, her renders");
            }
            finally
            {
                await server.App.StopAsync();
                await server.App.DisposeAsync();
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static async Task WalkAsync(string url, string key, string path, int pages, string label)
    {
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        http.DefaultRequestHeaders.Authorization = new("Bearer", key);
        var latency = new Histogram();
        string? cursor = null;
        var items = 0;
        for (var i = 0; i < pages; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var page = await http.GetFromJsonAsync<JsonObject>(path + (cursor is null ? "" : "&cursor=" + cursor));
            latency.RecordMicros((long)Stopwatch.GetElapsedTime(start).TotalMicroseconds);
            items += page!["items"]!.AsArray().Count;
            cursor = page["nextCursor"]?.GetValue<string>(); // at the end of the list, start again from the top
        }

        Console.WriteLine($"{label}: {pages:N0} pages ({items:N0} items): {latency.Summary()}");
    }

    /// <summary>
    /// A store of 100 performers, one studio and <paramref name="licenses"/> active licences (at least 100; licence
    /// <c>lic_j</c> is performer <c>prf_{j % 100}</c>'s), and <paramref name="renders"/> renders on the first 100.
    /// </summary>
    internal static async Task SeedAsync(string db, int renders, string studioKey, string performerKey, int licenses = 100)
    {
        await using var store = new SqliteStore(db);
        using var core = await LikenessCore.OpenAsync(store, StoreFactory.SigningKeys(db, null), TimeProvider.System, new LikenessOptions());
        var at = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        await store.WriteAsync(s =>
        {
            s.InsertParty(new PartyRecord("std_0", PartyKind.Studio, "studio", [], at), Ids.HashKey(studioKey));
            for (var p = 0; p < 100; p++)
            {
                s.InsertParty(new PartyRecord($"prf_{p}", PartyKind.Performer, $"performer {p}", [], at), p == 7 ? Ids.HashKey(performerKey) : $"hash-p{p}");
                var use = new LicenseUse(Modality.Voice, [Purpose.Dubbing], ["WORLD"], ["en"], at, at.AddYears(2), null, null, null, [], null, false);
                var terms = new LicenseTerms("bench", "bench", [use], new Compensation(new Money("USD", 100), new Money("USD", 7), null));
                s.InsertRequest(new LicenseRequestRecord($"lrq_{p}", $"prf_{p}", "std_0", RequestStatus.Approved, terms, "[]", null, null, $"lic_{p}", at, at, 0));
                s.InsertLicense(new LicenseRecord($"lic_{p}", $"lrq_{p}", $"prf_{p}", "std_0", terms, LicenseStatus.Active, null, at, false, 0, "token", null, 0));
            }

            for (var j = 100; j < licenses; j++)
            {
                var use = new LicenseUse(Modality.Voice, [Purpose.Dubbing], ["WORLD"], ["en"], at, at.AddYears(2), null, null, null, [], null, false);
                var terms = new LicenseTerms($"bench {j}", "bench", [use], new Compensation(new Money("USD", 100), new Money("USD", 7), null));
                var performer = $"prf_{j % 100}";
                s.InsertRequest(new LicenseRequestRecord($"lrq_{j}", performer, "std_0", RequestStatus.Approved, terms, "[]", null, null, $"lic_{j}", at, at, 0));
                s.InsertLicense(new LicenseRecord($"lic_{j}", $"lrq_{j}", performer, "std_0", terms, LicenseStatus.Active, null, at, false, 0, "token", null, 0));
            }

            return 0;
        });

        const int batch = 100_000;
        for (var done = 0; done < renders; done += batch)
        {
            var from = done;
            await store.WriteAsync(s =>
            {
                for (var i = from; i < Math.Min(from + batch, renders); i++)
                {
                    var l = i % 100;
                    var created = at.AddSeconds(i);
                    // One in ten still reserved (its reservation far ahead, so the sweeper leaves it alone).
                    var status = i % 10 == 0 ? RenderStatus.Authorized : RenderStatus.Completed;
                    s.InsertRender(new RenderRecord($"rnd_{i:D9}", $"lic_{l}", "std_0", $"prf_{l}", 0, status, "{}", 5000, 5000,
                        status == RenderStatus.Completed ? 1000 + (i % 4000) : null, status == RenderStatus.Completed ? "00" : null, "[]", created, created.AddYears(10),
                        status == RenderStatus.Completed ? created : null, 0, Domain.Royalties.Exact.One, 0));
                }

                return 0;
            });
        }
    }
}
