namespace Likeness.Application.Caps;

/// <summary>A performer's caps in the current period of each (<c>GET /v1/performers/{id}/caps</c>), for her side only.</summary>
public sealed record CapsView(string PerformerId, int ConsentVersion, DateTimeOffset At, IReadOnlyList<CapView> Caps);

/// <summary>
/// One cap: where it comes from, what it counts, its period now and its limit (seconds or renders, as <see cref="Metric"/>
/// says). A cap over all her licences (<c>scope: performer</c>) has its used, reserved and left; a cap per studio has them
/// per studio that rendered in the period (any other studio has the whole limit left).
/// </summary>
public sealed record CapView(
    string Rule, string Scope, string Metric, string Period, int? YearStartMonth, IReadOnlyList<string>? Modalities, DateTimeOffset From, DateTimeOffset To,
    decimal Limit, decimal? Used, decimal? Reserved, decimal? Left, IReadOnlyList<StudioCapView>? Studios);

/// <summary>What one studio's renders counted against a cap per studio.</summary>
public sealed record StudioCapView(string StudioId, decimal Used, decimal Reserved, decimal Left);
