using System.Text.Json.Nodes;
using Likeness.Tests.Support;
using Xunit;

namespace Likeness.Tests.Planning;

/// <summary>
/// <c>GET /v1/performers/{id}/valuation</c> over HTTP, every figure checked by hand to the minor unit from the World's
/// licence (150 a second, 2,500 a render, USD) after one settled render of 10 s, and several scenarios compared in one call.
/// </summary>
public sealed class ValuationHttpTests() : WorldTests(Provider.Sqlite)
{
    private static readonly object Reshoot = new
    {
        name = "reshoot",
        shootingDaysSaved = 2,
        dailyBurn = new { currency = "USD", minor = 10_000_000 },
        markets = new[] { new { territory = "JP", language = "ja", revenue = new { currency = "USD", minor = 40_000_000 }, shareBps = 125 } },
        computePerMinute = new { currency = "USD", minor = 300 },
        qaPerMinute = new { currency = "USD", minor = 120 },
        syntheticSeconds = 90,
        model = new { marketValue = new { currency = "USD", minor = 5_000_000 } },
    };

    private static readonly object Advert = new
    {
        name = "advert",
        model = new { marketValue = new { currency = "USD", minor = 5_000_000 } },
        proposed = new { perSecond = new { currency = "USD", minor = 200 }, syntheticSeconds = 60, purposes = new[] { "advertising" }, territories = new[] { "US" } },
    };

    private async Task<JsonNode> ValueAsync(Actor who, object scenario)
    {
        var json = System.Text.Json.JsonSerializer.Serialize(scenario, System.Text.Json.JsonSerializerOptions.Web);
        var (status, view) = await W.As(who).GetJsonAsync($"/v1/performers/{W.Performer.Id}/valuation?scenario={Uri.EscapeDataString(json)}");
        Assert.True(status == 200, view?.ToJsonString());
        return view!;
    }

    private static long Minor(JsonNode view, string figure) => view[figure]!["amount"]!["minor"]!.GetValue<long>();

    [Fact]
    public async Task Every_figure_over_HTTP_matches_the_hand_calculation()
    {
        await W.RenderAsync(W.LicenseId, 10);
        var v = await ValueAsync(W.Performer, Reshoot);

        Assert.Equal(20_000_000, Minor(v, "savings"));      // 2 days × 10,000,000
        Assert.Equal(500_000, Minor(v, "expansion"));       // 40,000,000 × 1.25%
        Assert.Equal(4_000, Minor(v, "licensing"));         // 150 × 10 s + 2,500 × 1 render (no guarantee)
        Assert.Equal(630, Minor(v, "compute"));             // (300 + 120) × 90 s / 60
        // E = (10,000 ms + 1 render × 10,000 ms) × 12/12 = 20 s; spread = 1 + 10% (2 purposes) + 5% (2 territories) = 1.15;
        // R = 5,000,000 × 20 × 1.15 / 36,000 = 3,194.44… → 3,194.
        Assert.Equal(3_194, Minor(v, "depreciation"));
        Assert.Equal(20_492_176, Minor(v, "value"));        // 20,500,000 − (4,000 + 630 + 3,194)
        Assert.Equal("2026-11", v["asOf"]!.GetValue<string>());
        var month = v["exposure"]!.AsArray().Single(p => p!["month"]!.GetValue<string>() == "2026-11")!;
        Assert.Equal((10m, 1L), (month["seconds"]!.GetValue<decimal>(), month["renders"]!.GetValue<long>()));
        Assert.Equal("USD", v["value"]!["amount"]!["currency"]!.GetValue<string>());
    }

    [Fact]
    public async Task Several_scenarios_are_compared_in_one_call_with_a_chart_of_V_by_scenario()
    {
        await W.RenderAsync(W.LicenseId, 10);
        var v = await ValueAsync(W.Performer, new[] { Reshoot, Advert });
        var scenarios = v["scenarios"]!.AsArray();
        Assert.Equal(["reshoot", "advert"], scenarios.Select(s => s!["scenario"]!.GetValue<string>()));
        Assert.Equal(20_492_176, scenarios[0]!["value"]!.GetValue<long>());
        Assert.Equal("reshoot", v["scenario"]!.GetValue<string>());

        // advert: L = 200 × 60 s = 12,000 (the proposed terms); T = 0; R now = 3,194; V = −15,194. With the licence,
        // E' = 20 s + 60 s = 80 s, spread' = 1 + 25% (a second studio) + 20% (3 purposes) + 10% (3 territories) = 1.55:
        // R' = 5,000,000 × 80 × 1.55 / 36,000 = 17,222.2… → 17,222.
        var advert = scenarios[1]!;
        Assert.Equal((12_000L, 0L, 3_194L, -15_194L), (advert["licensing"]!.GetValue<long>(), advert["compute"]!.GetValue<long>(), advert["depreciation"]!.GetValue<long>(), advert["value"]!.GetValue<long>()));
        Assert.Equal(17_222, advert["depreciationWithProposed"]!.GetValue<long>());
        var chart = v["charts"]!["byScenario"]!.GetValue<string>();
        Assert.StartsWith("<svg", chart);
        Assert.Contains("reshoot: 20492176", chart);
        Assert.Contains("advert: -15194", chart);

        // The studio holding her licence sees the same licence and its own exposure; its proposal adds no other studio:
        // spread' = 1 + 20% + 10% = 1.3; R' = 5,000,000 × 80 × 1.3 / 36,000 = 14,444.4… → 14,444.
        var studio = await ValueAsync(W.Studio, new[] { Reshoot, Advert });
        Assert.Equal(20_492_176, studio["scenarios"]![0]!["value"]!.GetValue<long>());
        Assert.Equal(14_444, studio["scenarios"]![1]!["depreciationWithProposed"]!.GetValue<long>());
        var (other, _) = await W.As(W.OtherStudio).GetJsonAsync($"/v1/performers/{W.Performer.Id}/valuation?scenario={Uri.EscapeDataString("[]")}");
        Assert.Equal(404, other);
    }

    [Fact]
    public async Task Scenarios_in_two_currencies_or_too_many_are_refused()
    {
        var eur = new { model = new { marketValue = new { currency = "EUR", minor = 1 } } };
        var json = System.Text.Json.JsonSerializer.Serialize(new object[] { Reshoot, eur }, System.Text.Json.JsonSerializerOptions.Web);
        var (status, problem) = await W.As(W.Performer).GetJsonAsync($"/v1/performers/{W.Performer.Id}/valuation?scenario={Uri.EscapeDataString(json)}");
        Assert.Equal(400, status);
        Assert.Equal("invalid_scenario", problem!["code"]!.GetValue<string>());
        var nine = System.Text.Json.JsonSerializer.Serialize(Enumerable.Repeat(Advert, 9), System.Text.Json.JsonSerializerOptions.Web);
        Assert.Equal(400, (await W.As(W.Performer).GetJsonAsync($"/v1/performers/{W.Performer.Id}/valuation?scenario={Uri.EscapeDataString(nine)}")).Status);
    }
}
