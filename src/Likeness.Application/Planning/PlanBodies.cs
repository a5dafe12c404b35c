using Likeness.Application.Contracts;

namespace Likeness.Application.Planning;

/// <summary>
/// <c>POST /v1/plans</c>: a screenplay in Fountain, the cast (character to performer id, or null for no performer),
/// the release every drafted request asks for, and optionally the compensation they propose, tier rule overrides and
/// the dialogue rate (docs/PLANNING.md).
/// </summary>
public sealed record PlanBody(
    string Project, string Screenplay, Dictionary<string, string?> Cast, PlanReleaseBody Release, PlanCompensationBody? Compensation = null,
    TierRuleBody[]? Rules = null, int? WordsPerMinute = null);

/// <summary>
/// <c>POST /v1/plans/{id}/versions</c>: a new version; every member left out is carried over from the latest version
/// (<c>rules</c>, when sent, replaces the overrides; an empty list goes back to the default rules).
/// </summary>
public sealed record PlanVersionBody(
    string? Screenplay = null, Dictionary<string, string?>? Cast = null, PlanReleaseBody? Release = null, PlanCompensationBody? Compensation = null,
    TierRuleBody[]? Rules = null, int? WordsPerMinute = null);

/// <summary>Purposes, territories and languages (codes) and the window every drafted request asks for.</summary>
public sealed record PlanReleaseBody(string[] Purposes, string[] Territories, string[] Languages, DateTimeOffset From, DateTimeOffset To);

/// <summary>What every drafted request proposes to pay, in one currency.</summary>
public sealed record PlanCompensationBody(MoneyBody? PerRender = null, MoneyBody? PerSecond = null, MoneyBody? MinimumGuarantee = null);

/// <summary>
/// A tier rule as data (docs/PLANNING.md, "Tier rules"): the same id as a default rule replaces it in place, a new id
/// is tried before every default. Conditions left out always hold.
/// </summary>
public sealed record TierRuleBody(
    string Id, string Scope, string Tier, string Description, string[]? Modalities = null, string? Derivation = null, string[]? AnyKeyword = null,
    string[]? EveryCueExtension = null, bool? Speaking = null, bool? HasPerformer = null, int? MinSpeeches = null, int? MaxSpeeches = null,
    int? MinWords = null, int? MaxWords = null);

/// <summary><c>POST /v1/plans/{id}/requests</c>: send the drafted request to one performer (of the latest version, or of <c>version</c>).</summary>
public sealed record PlanSendBody(string PerformerId, int? Version = null);
