using System.Globalization;
using System.Text.Json.Nodes;
using Likeness.Tests.Support;
using Likeness.Tests.Support.Fuzz;
using Xunit;
using Xunit.Abstractions;

namespace Likeness.Tests.Fuzz;

/// <summary>
/// Issue 12's fuzz suite: every route of the OpenAPI document, from a valid request, one spot mutated at a time. The
/// seed comes from <c>LIKENESS_FUZZ_SEED</c> (or a fixed default) and is printed with every failure, all of which are
/// reported together, grouped by class. <c>bench fuzz --cases 50000</c> runs the same generator longer.
/// </summary>
public abstract class FuzzTests(Provider provider, int cases, ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>The seed when <c>LIKENESS_FUZZ_SEED</c> is not set.</summary>
    public const int DefaultSeed = 20261112; // bench fuzz uses the same default

    private TestServer _server = null!;

    // Thousands of cases from one address, some with wrong keys: the limits would answer 429 instead of judging the input.
    public async Task InitializeAsync() => _server = await TestServer.StartAsync(provider, adjust: s => s with { RateLimits = new Likeness.Server.Security.RateLimits { AuthFailuresPerMinute = 0, PerKey = 0, PerAddress = 0 } });

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _server.DeleteFiles();
    }

    /// <summary>The seed of this run.</summary>
    public static int Seed() =>
        int.TryParse(Environment.GetEnvironmentVariable("LIKENESS_FUZZ_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : DefaultSeed;

    [Fact]
    public async Task Bad_inputs_on_every_route_get_a_4xx_problem_and_change_nothing()
    {
        var cast = await FuzzCast.CreateAsync(_server, _server.Clock.GetUtcNow());
        var (status, doc) = await _server.Client(null).GetJsonAsync("/openapi/v1.json");
        Assert.Equal(200, status);
        var runner = new FuzzRunner(_server, () => StoreCounts.ReadAsync(_server.Server.Core.Store), provider.ToString());
        var report = await runner.RunAsync(cast.Routes, cases, Seed(), doc!.AsObject());
        if (report.Failures.Count == 0)
        {
            output.WriteLine(report.ToString());
        }

        Assert.True(report.Failures.Count == 0, report.ToString());
    }

    [Fact]
    public void The_same_seed_makes_the_same_cases()
    {
        var route = new RouteExample { Method = "POST", Template = "/v1/things/{id}", Id = "x", Body = JsonNode.Parse("""{"a":[1,"b",{"c":true}],"d":"e"}""") };
        string Run(int seed)
        {
            var g = new FuzzGenerator(seed);
            return string.Join("\n", Enumerable.Range(0, 200).Select(i => g.Next(route, i)).Select(c => c.Describe() + Convert.ToHexString(c.Request.Body ?? [])));
        }

        Assert.Equal(Run(7), Run(7));
        Assert.NotEqual(Run(7), Run(8));
    }
}

/// <summary>CI's run on SQLite: at least 2,000 cases.</summary>
public sealed class FuzzTestsOnSqlite(ITestOutputHelper output) : FuzzTests(Provider.Sqlite, 2_000, output);

/// <summary>A few hundred cases on PostgreSQL.</summary>
public sealed class FuzzTestsOnPostgres(ITestOutputHelper output) : FuzzTests(Provider.Postgres, 300, output);
