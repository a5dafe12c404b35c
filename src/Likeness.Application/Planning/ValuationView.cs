using Likeness.Application.Contracts;
using Likeness.Domain.Valuation;

namespace Likeness.Application.Planning;

/// <summary>One figure: its amount, its formula and its inputs.</summary>
public sealed record FigureView(string Name, MoneyBody Amount, string Formula, IReadOnlyDictionary<string, string> Inputs);

/// <summary>A month of exposure.</summary>
public sealed record ExposurePointView(string Month, decimal Seconds, long Renders, string Weight);

/// <summary>One scenario of a comparison: V and its terms, in minor units of the valuation's currency.</summary>
public sealed record ScenarioValueView(string Scenario, long Value, long Savings, long Expansion, long Licensing, long Compute, long Depreciation, long? DepreciationWithProposed);

/// <summary>
/// A valuation: V and its four terms, each with its working (for the first scenario); the exposure series; every
/// scenario asked side by side (<c>scenarios</c>); SVG charts; the rounding rule.
/// </summary>
public sealed record ValuationView(
    string PerformerId, string Scenario, string AsOf, FigureView Value, FigureView Savings, FigureView Expansion, FigureView Licensing,
    FigureView Compute, FigureView Depreciation, FigureView? DepreciationWithProposed, IReadOnlyList<ExposurePointView> Exposure,
    IReadOnlyList<string> ExcludedLicences, string Rounding, IReadOnlyList<ScenarioValueView> Scenarios, ValuationCharts Charts)
{
    /// <summary>The view of the first result in full, and of <paramref name="all"/> side by side.</summary>
    public static ValuationView Of(string performerId, ValuationResult r, IReadOnlyList<string> excluded, int asOf, IReadOnlyList<ValuationResult> all)
    {
        FigureView F(Figure f) => new(f.Name, new MoneyBody(r.Currency, f.Minor), f.Formula, f.Inputs.ToDictionary(i => i.Key, i => i.Value));
        var window = r.Depreciation.Series.Count;
        var series = r.Depreciation.Series.Select(p => new ExposurePointView(Month(p.Month), p.Millis / 1000m, p.Renders, $"{p.WeightOfWindow}/{window}")).ToList();
        return new ValuationView(performerId, r.Scenario, Month(asOf), F(r.Value), F(r.Savings), F(r.Expansion), F(r.Licensing), F(r.Compute),
            F(r.Depreciation.Now), r.Depreciation.WithProposed is { } w ? F(w) : null, series, excluded, r.Rounding,
            [.. all.Select(x => new ScenarioValueView(x.Scenario, x.Value.Minor, x.Savings.Minor, x.Expansion.Minor, x.Licensing.Minor, x.Compute.Minor,
                x.Depreciation.Now.Minor, x.Depreciation.WithProposed?.Minor))],
            new ValuationCharts(SvgCharts.Exposure(series), SvgCharts.Components(r), SvgCharts.ByScenario(all)));
    }

    private static string Month(int yyyymm) => $"{yyyymm / 100:D4}-{yyyymm % 100:D2}";
}

/// <summary>Charts drawn by the server, as SVG text: exposure over time, V with its terms (first scenario), and V by scenario.</summary>
public sealed record ValuationCharts(string Exposure, string Value, string ByScenario);
