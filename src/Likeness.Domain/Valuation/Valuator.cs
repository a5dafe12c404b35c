using System.Globalization;
using System.Numerics;
using Likeness.Domain.Royalties;

namespace Likeness.Domain.Valuation;

/// <summary>A figure of a valuation: its amount, the formula, and the inputs it was computed from.</summary>
public sealed record Figure(string Name, long Minor, string Formula, IReadOnlyList<KeyValuePair<string, string>> Inputs);

/// <summary>One month of exposure: what was settled, and the weight it carries at the valuation's month.</summary>
public sealed record ExposurePoint(int Month, long Millis, long Renders, int WeightOfWindow);

/// <summary>The depreciation figure, the exposure series behind it, and how a proposed licence would move it.</summary>
public sealed record Depreciation(Figure Now, IReadOnlyList<ExposurePoint> Series, Figure? WithProposed);

/// <summary>V = (C_savings + M_expansion) − (L_licensing + T_compute + R_depreciation), every figure with its working.</summary>
public sealed record ValuationResult(string Scenario, string Currency, Figure Savings, Figure Expansion, Figure Licensing, Figure Compute, Depreciation Depreciation, Figure Value, string Rounding);

/// <summary>
/// Computes a likeness's value for a scenario (pure). Money is exact: each figure is computed as an exact rational
/// and rounded half up to the minor unit once; V is the sum of the rounded figures, so it adds up on the page.
/// </summary>
public static class Valuator
{
    /// <summary>The rounding rule, stated once with every answer.</summary>
    public const string RoundingRule = "Each figure is computed exactly and rounded half up to the minor unit once; V is the sum of the rounded figures.";

    /// <summary>Values a likeness for <paramref name="scenario"/> at month <paramref name="asOfMonth"/> (<c>yyyymm</c>).</summary>
    public static ValuationResult Value(
        ValuationScenario scenario, IReadOnlyList<PricedTerms> actual, ReadOnlySpan<ExposureRow> exposure, Breadth breadth, ExposureModel model, int asOfMonth,
        ProposedExposure? proposed = null)
    {
        var c = Savings(scenario);
        var m = Expansion(scenario);
        var l = Licensing(scenario, actual, out var volume);
        var t = Compute(scenario, scenario.SyntheticMillis ?? volume);
        var r = Depreciate(exposure, breadth, model, asOfMonth, proposed);
        var v = c.Minor + m.Minor - (l.Minor + t.Minor + r.Now.Minor);
        var value = new Figure("V", v, "V = (C_savings + M_expansion) − (L_licensing + T_compute + R_depreciation)",
        [
            new("C_savings", M(c.Minor)), new("M_expansion", M(m.Minor)), new("L_licensing", M(l.Minor)),
            new("T_compute", M(t.Minor)), new("R_depreciation", M(r.Now.Minor)),
        ]);
        return new ValuationResult(scenario.Name, scenario.Currency, c, m, l, t, r, value, RoundingRule);
    }

    private static Figure Savings(ValuationScenario s) =>
        new("C_savings", checked(s.ShootingDaysSaved * s.DailyBurnMinor), "shooting days saved × daily burn",
            [new("shootingDaysSaved", N(s.ShootingDaysSaved)), new("dailyBurn", M(s.DailyBurnMinor))]);

    private static Figure Expansion(ValuationScenario s)
    {
        var exact = s.Markets.Aggregate(BigInteger.Zero, (a, x) => a + ((BigInteger)x.RevenueMinor * x.ShareBps));
        var inputs = s.Markets.Select(x => new KeyValuePair<string, string>($"{x.Territory}/{x.Language}", $"{M(x.RevenueMinor)} × {x.ShareBps} bp")).ToList();
        return new Figure("M_expansion", Exact.RoundHalfUp(exact, 10_000), "Σ market revenue × share (basis points) / 10000", inputs);
    }

    // Actual terms unless the scenario proposes some: per licence max(guarantee, per second × seconds + per render × renders).
    private static Figure Licensing(ValuationScenario s, IReadOnlyList<PricedTerms> actual, out long volumeMillis)
    {
        IReadOnlyList<PricedTerms> terms = s.Proposed is { } p ? [p] : actual;
        var exact = BigInteger.Zero;
        var inputs = new List<KeyValuePair<string, string>>();
        volumeMillis = 0;
        foreach (var x in terms)
        {
            var earned = ((BigInteger)x.PerSecondMinor * x.Millis) + ((BigInteger)x.PerRenderMinor * x.Renders * 1000);
            var floor = (BigInteger)x.MinimumGuaranteeMinor * 1000;
            exact += BigInteger.Max(earned, floor);
            volumeMillis += x.Millis;
            inputs.Add(new(x.Label, $"{M(x.PerSecondMinor)}/s × {S(x.Millis)} s + {M(x.PerRenderMinor)} × {x.Renders} renders, at least {M(x.MinimumGuaranteeMinor)}"));
        }

        var formula = s.Proposed is null
            ? "Σ over the licences' actual usage of max(minimum guarantee, per second × seconds + per render × renders)"
            : "proposed terms: max(minimum guarantee, per second × seconds + per render × renders)";
        return new Figure("L_licensing", Exact.RoundHalfUp(exact, 1000), formula, inputs);
    }

    private static Figure Compute(ValuationScenario s, long millis)
    {
        var exact = (BigInteger)(s.ComputePerMinuteMinor + s.QaPerMinuteMinor) * millis;
        return new Figure("T_compute", Exact.RoundHalfUp(exact, 60_000), "(compute + QA per synthetic minute) × synthetic minutes",
            [new("computePerMinute", M(s.ComputePerMinuteMinor)), new("qaPerMinute", M(s.QaPerMinuteMinor)), new("syntheticSeconds", S(millis))]);
    }

    /// <summary>
    /// R_depreciation = market value × min(cap, E × spread / saturation), where E = Σ over the window's months of
    /// (milliseconds + renders × per-render exposure) × (window − age) / window, and spread = 1 + the extra for each
    /// studio, purpose and territory beyond the first. With a proposed licence its volume is added in the valuation's month.
    /// </summary>
    public static Depreciation Depreciate(ReadOnlySpan<ExposureRow> rows, Breadth breadth, ExposureModel model, int asOfMonth, ProposedExposure? proposed)
    {
        var window = model.WindowMonths;
        var asOf = Ordinal(asOfMonth);

        // One pass summing per month in longs (a month's milliseconds fit a long many times over); the exact weighting is
        // done once per month, not per row, so a million rows cost a million additions.
        var perMonth = new long[window * 2];
        var seen = new bool[64];
        var studios = new HashSet<int>();
        foreach (ref readonly var row in rows)
        {
            var age = asOf - Ordinal(row.Month);
            if (age < 0 || age >= window)
            {
                continue;
            }

            perMonth[age * 2] += row.Millis;
            perMonth[(age * 2) + 1] += row.Renders;
            if ((uint)row.Studio < (uint)seen.Length)
            {
                if (!seen[row.Studio])
                {
                    seen[row.Studio] = true;
                    studios.Add(row.Studio);
                }
            }
            else
            {
                studios.Add(row.Studio);
            }
        }

        BigInteger weighted = 0;
        for (var age = 0; age < window; age++)
        {
            weighted += ((BigInteger)perMonth[age * 2] + ((BigInteger)perMonth[(age * 2) + 1] * model.MillisPerRender)) * (window - age);
        }

        var series = new List<ExposurePoint>(window);
        for (var age = window - 1; age >= 0; age--)
        {
            series.Add(new ExposurePoint(FromOrdinal(asOf - age), perMonth[age * 2], perMonth[(age * 2) + 1], window - age));
        }

        var now = Figure(model, weighted, studios.Count, breadth, "R_depreciation");
        Figure? moved = null;
        if (proposed is not null)
        {
            var added = weighted + ((BigInteger)(proposed.Terms.Millis + (proposed.Terms.Renders * model.MillisPerRender)) * window);
            studios.Add(proposed.Studio);
            moved = Figure(model, added, studios.Count, proposed.BreadthWith, "R_depreciation with the proposed licence");
        }

        return new Depreciation(now, series, moved);
    }

    private static Figure Figure(ExposureModel model, BigInteger weighted, int studios, Breadth breadth, string name)
    {
        long spreadBps = 10_000 + (Math.Max(0, studios - 1) * (long)model.StudioSpreadBps) +
                         (Math.Max(0, breadth.Purposes - 1) * (long)model.PurposeSpreadBps) +
                         (Math.Max(0, breadth.Territories - 1) * (long)model.TerritorySpreadBps);

        // D = weighted × spread / (window × 10000 × saturation), capped; R = value × D, rounded once.
        var num = (BigInteger)model.MarketValueMinor * weighted * spreadBps;
        var den = (BigInteger)model.WindowMonths * 10_000 * model.SaturationMillis;
        var capNum = (BigInteger)model.MarketValueMinor * model.MaxDepreciationBps;
        var capped = num * 10_000 > capNum * den;
        var minor = capped ? Exact.RoundHalfUp(capNum, 10_000) : Exact.RoundHalfUp(num, den);
        return new Figure(name, minor,
            "market value × min(max depreciation, E × spread / saturation); E = Σ (ms + renders × ms per render) × (window − age) / window; spread = 1 + extra per studio, purpose, territory beyond the first",
            [
                new("marketValue", M(model.MarketValueMinor)), new("weightedExposureSeconds", Ratio(weighted, (BigInteger)model.WindowMonths * 1000)),
                new("windowMonths", N(model.WindowMonths)), new("secondsPerRender", S(model.MillisPerRender)),
                new("saturationSeconds", S(model.SaturationMillis)), new("studios", N(studios)), new("purposes", N(breadth.Purposes)),
                new("territories", N(breadth.Territories)), new("spreadBps", N(spreadBps)), new("maxDepreciationBps", N(model.MaxDepreciationBps)),
                new("capped", capped ? "yes" : "no"),
            ]);
    }

    private static int Ordinal(int month) => ((month / 100) * 12) + (month % 100) - 1;

    private static int FromOrdinal(int ordinal) => ((ordinal / 12) * 100) + (ordinal % 12) + 1;

    private static string M(long minor) => minor.ToString(CultureInfo.InvariantCulture);

    private static string N(long n) => n.ToString(CultureInfo.InvariantCulture);

    private static string S(long millis) => (millis / 1000m).ToString(CultureInfo.InvariantCulture);

    private static string Ratio(BigInteger num, BigInteger den) => ((decimal)Exact.RoundHalfUp(num * 1000, den) / 1000m).ToString(CultureInfo.InvariantCulture);
}
