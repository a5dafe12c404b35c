using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Likeness.Application.Common;
using Likeness.Server;
using Likeness.Server.Security;

namespace Likeness.Bench;

/// <summary>
/// <c>bench web</c>: the web app's pages on a big store (the lists bench's store: 10,000 licences, 1,000,000 renders by
/// default): each page's time to the last byte over loopback (p50/p95/p99, signed in through the real sign-in form),
/// and the bytes a first load transfers (the page and its assets). Chromium's first paint is not measured here.
/// </summary>
public static partial class WebHarness
{
    public static async Task RunAsync(int renders, int licenses, int requests)
    {
        var dir = Directory.CreateTempSubdirectory("likeness-bench-web-").FullName;
        var db = Path.Combine(dir, "bench.db");
        var studioKey = Ids.NewApiKey();
        var performerKey = Ids.NewApiKey();
        try
        {
            var sw = Stopwatch.StartNew();
            await ListHarness.SeedAsync(db, renders, studioKey, performerKey, licenses);
            Console.WriteLine($"seeded {licenses:N0} licences and {renders:N0} renders in {sw.Elapsed.TotalSeconds:F1} s");
            var settings = new ServerSettings(db, "http://127.0.0.1:0") { RateLimits = new RateLimits { PerKey = 0, PerAddress = 0, AuthFailuresPerMinute = 0 } };
            var server = await LikenessServer.BuildAsync(settings);
            await server.App.StartAsync();
            try
            {
                var url = server.App.Urls.First();
                using var anonymous = new HttpClient { BaseAddress = new Uri(url) };
                var signIn = await anonymous.GetByteArrayAsync("/signin");
                var css = await anonymous.GetByteArrayAsync("/assets/site.css");
                var js = await anonymous.GetByteArrayAsync("/assets/local-time.js");
                Console.WriteLine($"first load of /signin: {signIn.Length + css.Length + js.Length:N0} bytes (page {signIn.Length:N0}, css {css.Length:N0}, js {js.Length:N0}); nothing from another origin");

                using var studio = await SignedInAsync(url, studioKey);
                using var performer = await SignedInAsync(url, performerKey);
                var inbox = await performer.GetByteArrayAsync("/inbox");
                Console.WriteLine($"first load of /inbox: {inbox.Length + css.Length + js.Length:N0} bytes (page {inbox.Length:N0})");
                await TimeAsync(performer, "/inbox", requests, "performer, Inbox");
                await TimeAsync(performer, "/licences", requests, "performer, Licences (her 100)");
                await TimeAsync(studio, "/licences", requests, $"studio, Licences (first 100 of {licenses:N0})");
                await TimeAsync(studio, "/licences?status=active", requests, "studio, Licences, status=active");
                await TimeAsync(studio, "/licences/lic_7", requests, "studio, one licence with its latest 100 renders");
                await TimeAsync(studio, "/requests/new", requests, "studio, request wizard");
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

    private static async Task TimeAsync(HttpClient http, string path, int requests, string label)
    {
        var latency = new Histogram();
        long bytes = 0;
        for (var i = 0; i < requests; i++)
        {
            var start = Stopwatch.GetTimestamp();
            using var response = await http.GetAsync(path);
            var body = await response.Content.ReadAsByteArrayAsync();
            latency.RecordMicros((long)Stopwatch.GetElapsedTime(start).TotalMicroseconds);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"{path}: {(int)response.StatusCode}");
            }

            bytes = body.Length;
        }

        Console.WriteLine($"{label} ({path}, {bytes:N0} bytes): {requests:N0} requests: {latency.Summary()}");
    }

    /// <summary>A client with a session: the sign-in form fetched for its antiforgery token, then posted with the key.</summary>
    private static async Task<HttpClient> SignedInAsync(string url, string key)
    {
        var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = new Uri(url) };
        var form = await http.GetStringAsync("/signin");
        var token = Token().Match(form).Groups[1].Value;
        using var response = await http.PostAsync("/signin", new FormUrlEncodedContent([new("apiKey", key), new("__RequestVerificationToken", token)]));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"sign-in: {(int)response.StatusCode}");
        }

        return http;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
