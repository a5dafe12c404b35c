using System.Text.Json.Nodes;

namespace Likeness.Application.Contracts;

#pragma warning disable CA1819 // Views are plain data carriers.

/// <summary>
/// A party; <see cref="ApiKey"/> only in the answer that created it. A retry of that request under its Idempotency-Key
/// gets the party without the key and <see cref="ApiKeyShownOnce"/> true: the key was shown once and is kept only hashed.
/// </summary>
public sealed record PartyView(string Id, string Kind, string Name, string[] Represents, DateTimeOffset CreatedAt, DateOnly? DiedOn, string? ApiKey = null, bool? ApiKeyShownOnce = null)
{
    /// <summary>The instant of death (a date alone: the end of that day in the given time zone).</summary>
    public DateTimeOffset? DiedAt { get; init; }

    /// <summary>The domicile at death (ISO 3166-1 or 3166-2), which picks the post-mortem rule.</summary>
    public string? Domicile { get; init; }

    /// <summary>When the post-mortem right ends (after renewals); every licence of hers ends with it.</summary>
    public DateTimeOffset? PostMortemTermEnd { get; init; }
}

public sealed record ProvenanceView(string Source, string Licence, string? Sha256);

public sealed record AssetView(string Id, string PerformerId, string Name, string Modality, string Tier, string? Sha256, long? SizeBytes, ProvenanceView[] Provenance, DateTimeOffset CreatedAt)
{
    /// <summary>A voice asset's synthesis parameters, when it has them.</summary>
    public VoiceModelBody? VoiceModel { get; init; }
}

/// <summary>A consent version: the policy in our JSON shape or as ODRL.</summary>
public sealed record ConsentView(string PerformerId, int Version, DateTimeOffset CreatedAt, long LedgerIndex, JsonObject Policy);

/// <summary>The answer to <c>PUT consent</c>.</summary>
public sealed record ConsentWritten(int Version, long LedgerIndex);

/// <summary>A conflict of requested terms with the consent; <c>derivations</c> only when the use left its derivation open (the ones it arises under).</summary>
public sealed record ConflictView(string Code, string Rule, string Message, int? Use, string[]? Derivations = null);

public sealed record TermsView(string Project, string Description, UseBody[] Uses, CompensationBody? Compensation, DateTimeOffset TermEnd, string? Retention = null);

public sealed record LicenseRequestView(
    string Id, string Status, string PerformerId, string StudioId, TermsView Terms, ConflictView[] Conflicts,
    TermsView? Counter, string? Note, string? LicenseId, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, long LedgerIndex);

/// <summary>What is left of one use's budget. Null limits are unlimited.</summary>
public sealed record BudgetView(int Use, decimal? MaxSyntheticSeconds, decimal SecondsUsed, decimal SecondsReserved, decimal? SecondsRemaining, long? MaxRenders, long RendersUsed, long RendersReserved, long? RendersRemaining);

/// <summary>A licence; <see cref="Token"/> and the terms' compensation are absent for a party that sees only its scope (a union).</summary>
public sealed record LicenseView(
    string Id, string Status, string RequestId, string PerformerId, string StudioId, TermsView Terms, string? Token,
    DateTimeOffset ApprovedAt, DateTimeOffset TermEnd, DateTimeOffset? RevocationEffectiveAt, bool EstateConfirmed,
    int ConsentVersion, string? Attestation, BudgetView[] Budgets, long LedgerIndex, bool RateOverride = false)
{
    /// <summary>Every suspension placed and not lifted: whose (<c>performer</c> or <c>union</c>), the strike if any, its window, whether it holds now.</summary>
    public SuspensionView[] Suspensions { get; init; } = [];
}

/// <summary>One suspension of a licence; <c>rule</c> is what a render it denies names.</summary>
public sealed record SuspensionView(string Side, string? UnionId, string? StrikeId, DateTimeOffset From, DateTimeOffset? To, bool Holds, string Rule);

public sealed record ReasonView(string Code, string Message, string Rule);

public sealed record ObligationView(string Action, string Rule, IReadOnlyDictionary<string, string>? Details);

/// <summary>A render: the decision and where it stands.</summary>
public sealed record RenderView(
    string RenderId, string Decision, string Status, string LicenseId, int Use, decimal RequestedSeconds, decimal ReservedSeconds,
    decimal? ActualSeconds, string? OutputSha256, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? SettledAt,
    ObligationView[] Obligations, ReasonView[] Reasons, long LedgerIndex)
{
    /// <summary>On a render pending approval: the lexicon phrases that found sensitive content in its prompt.</summary>
    public Renders.PromptTrigger[]? PromptTriggers { get; init; }

    /// <summary>
    /// On a render with several performers: its contributors the caller may see (the studio every one, a performer side only
    /// hers); <c>licenseId</c> and <c>use</c> then name the first of them.
    /// </summary>
    public ContributorView[]? Contributors { get; init; }

    /// <summary>In the authorization's answer: the 64-bit token (16 hex digits) the render's audio is to carry (issue 19).</summary>
    public string? Watermark { get; init; }
}

/// <summary>
/// One contributor of a render with several performers, as the caller may see her: <c>approval</c> is
/// <c>notRequired</c>, <c>required</c> or <c>approved</c>; the seconds are her part's.
/// </summary>
public sealed record ContributorView(
    int Position, string LicenseId, string PerformerId, string Role, int Share, int Use, string Approval, decimal ReservedSeconds,
    decimal? ActualSeconds, ObligationView[] Obligations);

/// <summary>One contributor's decision in a denied render with several performers, with every reason.</summary>
public sealed record ContributorDecisionView(int Position, string LicenseId, string Role, string Decision, ReasonView[] Reasons);

/// <summary>A completed render, as a usage event.</summary>
public sealed record UsageEventView(
    string RenderId, string LicenseId, string PerformerId, string StudioId, int Use, string Modality, string Purpose, string Territory,
    string Language, decimal Seconds, string OutputSha256, DateTimeOffset CompletedAt, long LedgerIndex);

/// <summary>A performer's payees, one version.</summary>
public sealed record SplitsView(string PerformerId, int Version, PayeeBody[] Payees, HeirBody[] Heirs, PensionBody? PensionAndHealth, DateTimeOffset CreatedAt, long LedgerIndex);

/// <summary>A union's rate table, one version.</summary>
public sealed record RateTableView(string UnionId, int Version, string Label, UnionRateBody[] Rates, DateTimeOffset CreatedAt, long LedgerIndex);

/// <summary>An amount in one currency (totals are never summed across currencies).</summary>
public sealed record TotalView(string Currency, long Minor);

/// <summary>
/// One statement line; amounts in minor units; <c>factor</c> is the combined multiplier as a decimal string. A line for a
/// contributor's part of a render with several performers names the render (<c>renderId</c>) and her share of its
/// seconds in basis points (<c>renderShareBps</c>); both are absent on every other line.
/// </summary>
public sealed record StatementLineView(
    string Kind, string LicenseId, int? Use, string Role, string Currency, long Renders, decimal Seconds, long PerRenderMinor,
    long PerSecondMinor, string Factor, long GrossMinor, int ShareBps, long AmountMinor, string? CorrectsPeriod, string? Corrects,
    string? RenderId = null, int? RenderShareBps = null);

/// <summary>A party's statement (or, for a studio, its invoice) for one calendar month (UTC).</summary>
public sealed record StatementView(string Party, string Period, string Status, TotalView[] Totals, StatementLineView[] Lines);

/// <summary>A period once closed: frozen and recorded in the ledger.</summary>
public sealed record ClosedPeriodView(string Period, DateTimeOffset ClosedAt, string Sha256, int Lines, long LedgerIndex);

/// <summary>The result of recomputing a closed period from usage.</summary>
public sealed record PeriodCheckView(string Period, bool Matches, int Lines, StatementLineView[] Differences);

/// <summary>
/// One page of a list, in the list's stable order. Pass nextCursor back as the cursor query parameter for the next
/// page; it is null on the last page. A page may hold fewer items than the limit before the end.
/// </summary>
public sealed record Page<T>(T[] Items, string? NextCursor);

/// <summary>Who the caller is: its party, the performers its record names (a representative's, an estate's, a union's members) and what it may do.</summary>
public sealed record MeView(string Id, string Kind, string Name, string[] Represents, DateOnly? DiedOn, string[] Capabilities);
