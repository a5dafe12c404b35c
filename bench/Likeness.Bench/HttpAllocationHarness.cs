using System.Globalization;
using System.Net.Http.Headers;
using Likeness.Server;
using Likeness.Tests.Support;
using Microsoft.AspNetCore.Builder;

namespace Likeness.Bench;

/// <summary>
/// The HTTP gateway in this process (Kestrel on loopback, SQLite in a temporary folder) driven by the lean client, to
/// count what a render pair allocates end to end and sample which types: the young-generation collections behind
/// the latency tail come from these bytes. The lean client's own share is small (a request array and a string a pair).
/// </summary>
public static class HttpAllocationHarness
{
    public static async Task RunAsync(int pairs, int clients, bool healthz)
    {
        var dir = Directory.CreateTempSubdirectory("likeness-bench-").FullName;
        try
        {
            // One studio on every connection, as the figures before session 4 measured: the per-key limit is off.
            var built = await LikenessServer.BuildAsync(new ServerSettings(Path.Combine(dir, "gateway.db"), "http://127.0.0.1:0")
            {
                RateLimits = new Likeness.Server.Security.RateLimits { PerKey = 0 },
            });
            await built.App.StartAsync();
            var endpoint = new InProcessEndpoint(built.App.Urls.First(), built.NewOperatorKey!);
            var (studioKey, licenseId, _) = await GatewayHarness.SetupAsync(endpoint, endpoint.OperatorKey);
            using var target = new GatewayHarness.RawTarget(endpoint.Url, keys: false);
            await target.OpenAsync(Enumerable.Repeat(new GatewayHarness.Studio(studioKey, licenseId), clients));

            async Task Drive(int n)
            {
                var next = -1;
                await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
                {
                    while (Interlocked.Increment(ref next) < n)
                    {
                        await GatewayHarness.RawPairAsync(target, healthz);
                    }
                }));
            }

            await Drive(pairs);
            using var sampler = new AllocationSampler();
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var gc0 = GC.CollectionCount(0);
            await Drive(pairs);
            var perPair = (GC.GetTotalAllocatedBytes(precise: true) - before) / pairs;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"HTTP gateway in process, {clients} clients{(healthz ? ", two GET /healthz a pair" : "")}: {perPair:N0} B allocated a pair (server and lean client), {GC.CollectionCount(0) - gc0} young collections for {pairs:N0} pairs"));
            foreach (var line in sampler.Top(30))
            {
                Console.WriteLine("  allocated: " + line);
            }

            await built.App.StopAsync();
            await built.App.DisposeAsync();
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    internal sealed class InProcessEndpoint(string url, string operatorKey) : ILikenessEndpoint
    {
        public string Url => url;

        public string OperatorKey => operatorKey;

        public HttpClient Client(string? key)
        {
            var c = new HttpClient { BaseAddress = new Uri(url) };
            if (key is not null)
            {
                c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
            }

            return c;
        }
    }
}
