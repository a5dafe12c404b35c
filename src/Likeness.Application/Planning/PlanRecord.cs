using Likeness.Domain.Planning;

namespace Likeness.Application.Planning;

/// <summary>A studio's plan as stored: its owner, project, and the number of its latest version (docs/PLANNING.md, "Plans").</summary>
public sealed record PlanRecord(string Id, string StudioId, string Project, int LatestVersion, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>One version of a plan: everything its breakdown and drafts are computed from, as the studio sent it.</summary>
public sealed record PlanVersionRecord(string PlanId, int Version, PlanInputs Inputs, DateTimeOffset CreatedAt);

/// <summary>
/// What a plan version is computed from: the screenplay (Fountain text), the cast (character to performer id or null),
/// the production's rule overrides and dialogue rate, and the release the requests will ask for.
/// </summary>
public sealed record PlanInputs(
    string Screenplay, IReadOnlyDictionary<string, string?> Cast, IReadOnlyList<TierRule> Rules, int? WordsPerMinute, PlanRelease Release, PlanCompensation? Compensation)
{
    /// <summary>The default rules with this version's overrides, and its dialogue rate.</summary>
    public TierRuleSet RuleSet =>
        TierRuleSet.Default.With(Rules, WordsPerMinute is { } wpm ? TierRuleSet.Default.Rates with { WordsPerMinute = wpm } : null);
}

/// <summary>What every drafted request asks for beyond the modalities and budgets: purposes, territories and languages (codes) and the window.</summary>
public sealed record PlanRelease(IReadOnlyList<string> Purposes, IReadOnlyList<string> Territories, IReadOnlyList<string> Languages, DateTimeOffset From, DateTimeOffset To);

/// <summary>What every drafted request proposes to pay, in minor units of <see cref="Currency"/>.</summary>
public sealed record PlanCompensation(string Currency, long? PerRender, long? PerSecond, long? MinimumGuarantee);
