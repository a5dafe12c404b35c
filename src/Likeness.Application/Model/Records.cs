using Likeness.Domain.Common;
using Likeness.Domain.Licensing;

namespace Likeness.Application.Model;

/// <summary>
/// A party as stored. <see cref="Represents"/> lists the performers an estate or union acts for, as the operator named them,
/// and for a representative the performers who granted it powers (their own acts: the grants table).
/// </summary>
public sealed record PartyRecord(
    string Id, PartyKind Kind, string Name, IReadOnlyList<string> Represents, DateTimeOffset CreatedAt, DateOnly? DiedOn = null,
    DateTimeOffset? DiedAt = null, string? Domicile = null, DateTimeOffset? StoredPostMortemEnd = null)
{
    /// <summary>
    /// When her post-mortem right ends: as renewed, else the first end of her domicile's rule (deaths recorded before
    /// terms were kept get it computed so); null while she lives.
    /// </summary>
    public DateTimeOffset? PostMortemEnd =>
        StoredPostMortemEnd ?? (DiedAt is { } died ? PostMortemTerms.FirstEnd(PostMortemTerms.For(Domicile), died) : null);
}

/// <summary>One dataset item a likeness asset was made from.</summary>
public sealed record ProvenanceItem(string Source, string Licence, string? Sha256);

/// <summary>A registered likeness asset.</summary>
public sealed record AssetRecord(
    string Id, string PerformerId, string Name, Modality Modality, Tier Tier, string? Sha256, long? SizeBytes,
    IReadOnlyList<ProvenanceItem> Provenance, DateTimeOffset CreatedAt)
{
    /// <summary>A voice asset's synthesis parameters (the reference worker's stand-in for a voice model); null on other assets and on assets made before they existed.</summary>
    public VoiceModel? VoiceModel { get; init; }
}

/// <summary>
/// The stored form of a voice asset's synthesis parameters: the espeak-ng voice, pitch (0–99), speed (words per minute)
/// and variant (<c>f3</c>, <c>m1</c>, …). Stored as its own JSON, never the HTTP view.
/// </summary>
public sealed record VoiceModel(string Engine, string Voice, int? Pitch, int? Speed, string? Variant);

/// <summary>One version of a performer's consent, as the JSON text that was accepted.</summary>
public sealed record ConsentVersionRecord(string PerformerId, int Version, string PolicyJson, DateTimeOffset CreatedAt, long LedgerIndex);

/// <summary>The states of a licence request.</summary>
public enum RequestStatus { Pending, Approved, Vetoed, Countered, Accepted }

/// <summary>A studio's licence request and where it stands.</summary>
public sealed record LicenseRequestRecord(
    string Id, string PerformerId, string StudioId, RequestStatus Status, LicenseTerms Terms, string ConflictsJson,
    LicenseTerms? CounterTerms, string? Note, string? LicenseId, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, long LedgerIndex);

/// <summary>A licence as stored: its terms, lifecycle, signed token.</summary>
public sealed record LicenseRecord(
    string Id, string RequestId, string PerformerId, string StudioId, LicenseTerms Terms, LicenseStatus StoredStatus,
    DateTimeOffset? RevocationEffectiveAt, DateTimeOffset ApprovedAt, bool EstateConfirmed, int ConsentVersion,
    string Token, string? Attestation, long LedgerIndex, bool RateOverride = false, IReadOnlyList<Suspension>? SuspensionList = null)
{
    /// <summary>Every suspension placed on the licence and not lifted (docs/DOMAIN.md, "Suspensions and strikes").</summary>
    public IReadOnlyList<Suspension> Suspensions => SuspensionList ?? [];

    /// <summary>Whether a suspension holds at <paramref name="now"/>.</summary>
    public bool SuspendedAt(DateTimeOffset now) => Suspension.AnyHolds(Suspensions, now.ToUnixTimeMilliseconds());
}

/// <summary>The budget counters of one licence use.</summary>
public sealed record UseBudgetRecord(int UseIndex, long SecondsUsedMillis, long SecondsReservedMillis, long RendersUsed, long RendersReserved);

/// <summary>The states of a render.</summary>
public enum RenderStatus { PendingApproval, Authorized, Completed, Cancelled, Lapsed, Rejected }

/// <summary>
/// One render: its request, reservation and settlement. <see cref="CapMonth"/> is the month (<c>yyyymm</c>) whose cap
/// counters hold its reservation, set when it reserves; null before, and for renders reserved before caps were counted.
/// </summary>
public sealed record RenderRecord(
    string Id, string LicenseId, string StudioId, string PerformerId, int UseIndex, RenderStatus Status,
    string RequestJson, long RequestedMillis, long ReservedMillis, long? ActualMillis, string? OutputSha256,
    string ObligationsJson, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt,
    DateTimeOffset? SettledAt, long LedgerIndex, long FactorE12 = Domain.Royalties.Exact.One, int SplitVersion = 0, int? CapMonth = null);

/// <summary>One version of a performer's payees (the body as accepted).</summary>
public sealed record SplitsRecord(string PerformerId, int Version, string BodyJson, DateTimeOffset CreatedAt, long LedgerIndex);

/// <summary>One version of a union's minimum rates.</summary>
public sealed record RateTableRecord(string UnionId, int Version, string Label, string BodyJson, DateTimeOffset CreatedAt, long LedgerIndex);

/// <summary>A closed (frozen) period: every line of it, and the hash recorded in the ledger.</summary>
public sealed record ClosedPeriodRecord(string Period, DateTimeOffset ClosedAt, string LinesJson, string Sha256, long LedgerIndex);
