namespace Likeness.Domain.Valuation;

/// <summary>A market a synthetic performance adds: a territory and language, its revenue, and the share of it credited to the likeness.</summary>
public sealed record MarketAssumption(string Territory, string Language, long RevenueMinor, int ShareBps);

/// <summary>Licence terms priced for a valuation (actual or proposed): rates, a guarantee, and the volume used or planned.</summary>
public sealed record PricedTerms(string Label, long PerSecondMinor, long PerRenderMinor, long MinimumGuaranteeMinor, long Millis, long Renders);

/// <summary>
/// The scenario a caller describes (docs/PLANNING.md, "Valuation"). All money is in minor units of <see cref="Currency"/>.
/// <see cref="SyntheticMillis"/> is the synthetic output T_compute is charged on; null means the licensing volume.
/// </summary>
public sealed record ValuationScenario(
    string Name, string Currency, long ShootingDaysSaved, long DailyBurnMinor, IReadOnlyList<MarketAssumption> Markets,
    long ComputePerMinuteMinor, long QaPerMinuteMinor, long? SyntheticMillis, PricedTerms? Proposed);

/// <summary>
/// One period's exposure of a likeness: synthetic milliseconds and renders settled in a month (<c>yyyymm</c>) for one
/// studio (a small integer id the caller assigns).
/// </summary>
public readonly record struct ExposureRow(int Month, int Studio, long Millis, long Renders);

/// <summary>
/// The exposure model's parameters (docs/PLANNING.md, "Depreciation"), stated with every answer and changeable.
/// </summary>
/// <param name="MarketValueMinor">The likeness's market value the depreciation is a fraction of (e.g. a year's quotes).</param>
/// <param name="WindowMonths">Months exposure is remembered over; a month's weight falls linearly to zero across the window.</param>
/// <param name="MillisPerRender">Exposure a render counts beside its seconds (a still or a short clip is still seen).</param>
/// <param name="SaturationMillis">Weighted exposure at which the likeness would have lost all its value (before the cap).</param>
/// <param name="StudioSpreadBps">Extra exposure per studio beyond the first, in basis points (spread across buyers wears faster).</param>
/// <param name="PurposeSpreadBps">Extra exposure per purpose beyond the first.</param>
/// <param name="TerritorySpreadBps">Extra exposure per territory beyond the first.</param>
/// <param name="MaxDepreciationBps">The most value exposure can take away.</param>
public sealed record ExposureModel(
    long MarketValueMinor, int WindowMonths, long MillisPerRender, long SaturationMillis, int StudioSpreadBps,
    int PurposeSpreadBps, int TerritorySpreadBps, int MaxDepreciationBps)
{
    /// <summary>The documented defaults, given a market value: 12 months, 10 s a render, 10 hours to saturation, 25%/10%/5% spreads, at most 50%.</summary>
    public static ExposureModel Defaults(long marketValueMinor) => new(marketValueMinor, 12, 10_000, 36_000_000, 2_500, 1_000, 500, 5_000);
}

/// <summary>How many distinct purposes and territories the likeness was used for in the window (from the licences that were used).</summary>
public sealed record Breadth(int Purposes, int Territories);

/// <summary>A proposed licence's effect on exposure: its volume counted in the valuation's month, for its studio, with the breadth it would bring.</summary>
public sealed record ProposedExposure(PricedTerms Terms, int Studio, Breadth BreadthWith);
