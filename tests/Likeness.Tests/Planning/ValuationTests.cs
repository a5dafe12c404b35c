using Likeness.Domain.Valuation;
using Xunit;

namespace Likeness.Tests.Planning;

/// <summary>Valuation cases worked by hand to the minor unit (the working is in each comment; docs/PLANNING.md has the model).</summary>
public sealed class ValuationTests
{
    private static readonly ExposureModel Model = ExposureModel.Defaults(10_000_000); // $100,000.00 market value

    // 202612 (age 0, weight 12/12), 202601 (age 11, weight 1/12), 202512 (age 12: outside the window).
    private static readonly ExposureRow[] Rows =
    [
        new(202612, 1, 3_600_000, 0),
        new(202601, 2, 1_800_000, 18),
        new(202512, 1, 9_999_999, 0),
    ];

    private static readonly PricedTerms[] Actual =
    [
        new("lic_a", 150, 0, 0, 90_500, 0),          // 150 × 90.5 s = 13,575
        new("lic_b", 0, 2_000, 500_000, 0, 10),      // 2,000 × 10 = 20,000 < guarantee 500,000 → 500,000
    ];

    private static ValuationScenario Scenario(PricedTerms? proposed = null, long? synthetic = 100_001) => new(
        "reshoot", "USD", 3, 25_000_000,
        [new("JP", "ja", 100_000_000, 250), new("FR", "fr", 333_333, 3)],
        400, 200, synthetic, proposed);

    [Fact]
    public void Every_figure_matches_the_hand_calculation()
    {
        var r = Valuator.Value(Scenario(), Actual, Rows, new Breadth(2, 3), Model, 202612);

        Assert.Equal(75_000_000, r.Savings.Minor);            // 3 days × 25,000,000
        Assert.Equal(2_500_100, r.Expansion.Minor);           // 100,000,000 × 2.5% + 333,333 × 0.03% (99.9999 → 100)
        Assert.Equal(513_575, r.Licensing.Minor);             // 13,575 + 500,000
        Assert.Equal(1_000, r.Compute.Minor);                 // (400 + 200) × 100.001 s / 60 = 1,000.01 → 1,000
        // E = 3,600,000 × 12/12 + (1,800,000 + 18 × 10,000) × 1/12 = 3,765,000 ms; spread = 1 + 25% (2 studios) + 10% (2 purposes)
        // + 2 × 5% (3 territories) = 1.45; D = 3,765 s × 1.45 / 36,000 s = 15.1645833…%; R = 10,000,000 × D = 1,516,458.33 → 1,516,458.
        Assert.Equal(1_516_458, r.Depreciation.Now.Minor);
        Assert.Equal(75_469_067, r.Value.Minor);              // 77,500,100 − 2,031,033
        Assert.Contains(r.Depreciation.Now.Inputs, i => i.Key == "weightedExposureSeconds" && i.Value == "3765");
        Assert.Equal(Valuator.RoundingRule, r.Rounding);
    }

    [Fact]
    public void A_proposed_licence_prices_licensing_and_moves_depreciation()
    {
        var proposed = new PricedTerms("proposed", 100, 0, 0, 600_000, 0);
        var r = Valuator.Value(Scenario(proposed, synthetic: null), Actual, Rows, new Breadth(2, 3), Model, 202612,
            new ProposedExposure(proposed, 3, new Breadth(3, 3)));

        Assert.Equal(60_000, r.Licensing.Minor);              // 100 × 600 s
        Assert.Equal(6_000, r.Compute.Minor);                 // 600 × 10 min
        // E' = 3,765,000 + 600,000 (this month, weight 1) = 4,365,000 ms; spread' = 1 + 2 × 25% + 2 × 10% + 2 × 5% = 1.8;
        // D' = 4,365 × 1.8 / 36,000 = 21.825%; R' = 2,182,500 exactly.
        Assert.Equal(2_182_500, r.Depreciation.WithProposed!.Minor);
        Assert.Equal(1_516_458, r.Depreciation.Now.Minor);
    }

    [Fact]
    public void Depreciation_is_capped_and_the_series_covers_the_window()
    {
        var small = ExposureModel.Defaults(1_001);
        var d = Valuator.Depreciate(new ExposureRow[] { new(202612, 1, 360_000_000, 0) }, new Breadth(1, 1), small, 202612, null);
        Assert.Equal(501, d.Now.Minor);                        // 50% of 1,001 = 500.5 → 501 (half up)
        Assert.Equal(12, d.Series.Count);
        Assert.Equal((202601, 1), (d.Series[0].Month, d.Series[0].WeightOfWindow));
        Assert.Equal((202612, 360_000_000L, 12), (d.Series[^1].Month, d.Series[^1].Millis, d.Series[^1].WeightOfWindow));
    }
}
