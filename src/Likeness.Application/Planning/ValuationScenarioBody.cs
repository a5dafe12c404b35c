using Likeness.Application.Contracts;

namespace Likeness.Application.Planning;

/// <summary>
/// A valuation scenario as the caller describes it (the <c>scenario</c> query parameter, a JSON object; docs/PLANNING.md).
/// Money is <c>{currency, minor}</c>, all in one currency.
/// </summary>
public sealed record ValuationScenarioBody(
    string? Name = null, long? ShootingDaysSaved = null, MoneyBody? DailyBurn = null, IReadOnlyList<MarketBody>? Markets = null, MoneyBody? ComputePerMinute = null, MoneyBody? QaPerMinute = null, decimal? SyntheticSeconds = null, ProposedTermsBody? Proposed = null, ExposureModelBody? Model = null, string? AsOf = null);

/// <summary>A market added: territory, language, revenue, and the share credited to the likeness in basis points.</summary>
public sealed record MarketBody(
    string? Territory = null, string? Language = null, MoneyBody? Revenue = null, int? ShareBps = null);

/// <summary>Proposed licence terms and the volume they would buy, with the purposes and territories they would add.</summary>
public sealed record ProposedTermsBody(
    MoneyBody? PerSecond = null, MoneyBody? PerRender = null, MoneyBody? MinimumGuarantee = null, decimal? SyntheticSeconds = null, long? Renders = null, IReadOnlyList<string>? Purposes = null, IReadOnlyList<string>? Territories = null);

/// <summary>The exposure model's parameters; any left out take the documented defaults.</summary>
public sealed record ExposureModelBody(
    MoneyBody? MarketValue = null, int? WindowMonths = null, decimal? SecondsPerRender = null, decimal? SaturationSeconds = null, int? StudioSpreadBps = null, int? PurposeSpreadBps = null, int? TerritorySpreadBps = null, int? MaxDepreciationBps = null);
