using Likeness.Application.Contracts;

namespace Likeness.Application.Planning;

/// <summary>A plan version: its breakdown, the rules it overrides, and what changed from the version before (null for the first).</summary>
public sealed record PlanView(
    string Id, string Project, string StudioId, int Version, int LatestVersion, BreakdownView Breakdown, IReadOnlyList<TierRuleBody> RuleOverrides,
    PlanReleaseBody Release, PlanCompensationBody? Compensation, PlanChangesView? Changes, DateTimeOffset CreatedAt, DateTimeOffset VersionCreatedAt);

/// <summary>A tier decision before and after a change (null where the scene or part did not exist).</summary>
public sealed record SceneChangeView(string Scene, string Change, TierDecisionView? Before, TierDecisionView? After);

/// <summary>A part added, removed or given another tier.</summary>
public sealed record PartChangeView(string Scene, string Character, string Change, TierDecisionView? Before, TierDecisionView? After);

/// <summary>A requested budget that moved: the performer's synthetic seconds for one modality, before and after.</summary>
public sealed record EstimateChangeView(string PerformerId, string Modality, decimal BeforeSeconds, decimal AfterSeconds, decimal DeltaSeconds);

/// <summary>What changed between two versions of a plan: in the breakdown, and in the budgets the drafted requests ask.</summary>
public sealed record PlanChangesView(
    int From, int To, IReadOnlyList<SceneChangeView> Scenes, IReadOnlyList<PartChangeView> Parts, IReadOnlyList<EstimateChangeView> Estimates,
    IReadOnlyList<string> UnknownCharactersAdded, IReadOnlyList<string> UnknownCharactersResolved);

/// <summary>
/// A licence request drafted for one performer: the body <c>POST /v1/license-requests</c> would take (the studio may
/// send it as is with <c>POST /v1/plans/{id}/requests</c>, or edit it and send it itself), whether its description is
/// reasonably specific (AB 2602), and the conflicts with her current consent and union floors that sending would meet.
/// </summary>
public sealed record PlanDraftView(
    string PerformerId, IReadOnlyList<string> Characters, IReadOnlyList<int> Scenes, bool DescriptionSpecific, LicenseRequestBody Request, IReadOnlyList<ConflictView> Conflicts);

/// <summary>The drafted requests of one plan version.</summary>
public sealed record PlanDraftsView(string PlanId, int Version, IReadOnlyList<PlanDraftView> Drafts);
