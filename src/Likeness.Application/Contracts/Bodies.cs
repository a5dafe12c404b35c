using System.Text.Json.Serialization;

namespace Likeness.Application.Contracts;

#pragma warning disable CA1819 // Request bodies are plain data carriers.

/// <summary><c>POST /v1/parties</c>.</summary>
public sealed record CreatePartyBody(string Kind, string Name, [property: JsonConverter(typeof(StringOrArrayConverter))] string[]? Represents = null);

/// <summary><c>POST /v1/performers/{id}/death</c>: the operator records a death and the estate that now holds the rights.</summary>
public sealed record DeathBody(DateOnly? DiedOn = null, DateTimeOffset? DiedAt = null, string? Domicile = null, string? TimeZone = null);

/// <summary>One training-data item of an asset.</summary>
public sealed record ProvenanceBody(string Source, string Licence, string? Sha256 = null);

/// <summary>
/// A voice asset's synthesis parameters, the reference worker's stand-in for a voice model: an espeak-ng voice
/// (<c>fr</c>, <c>en-us</c>), pitch 0–99, speed in words per minute (80–450) and a variant (<c>f3</c>, <c>m1</c>).
/// </summary>
public sealed record VoiceModelBody(string Voice, int? Pitch = null, int? Speed = null, string? Variant = null, string Engine = "espeak-ng");

/// <summary><c>POST /v1/performers/{id}/assets</c>.</summary>
public sealed record CreateAssetBody(string Name, string Modality, string Tier, string? Sha256 = null, long? SizeBytes = null, ProvenanceBody[]? Provenance = null, VoiceModelBody? VoiceModel = null);

/// <summary>An amount in minor units of an ISO 4217 currency.</summary>
public sealed record MoneyBody(string Currency, long Minor);

/// <summary>A multiplier for renders of a purpose, in basis points (10,000 = ×1).</summary>
public sealed record PurposeFactorBody(string Purpose, int FactorBps);

/// <summary>A multiplier for renders in a territory, in basis points; the first matching entry applies.</summary>
public sealed record TerritoryFactorBody(string Territory, int FactorBps);

/// <summary>What a licence pays, and the multipliers above scale.</summary>
public sealed record CompensationBody(
    MoneyBody? PerRender = null,
    MoneyBody? PerSecond = null,
    MoneyBody? MinimumGuarantee = null,
    int? RealtimeFactorBps = null,
    PurposeFactorBody[]? PurposeFactors = null,
    TerritoryFactorBody[]? TerritoryFactors = null);

/// <summary>One payee of a performer: a party, its role (agent, manager) and its share of the gross in basis points.</summary>
public sealed record PayeeBody(string Party, string Role, int ShareBps);

/// <summary>One heir: a party and its share, in basis points, of what the performer would have received.</summary>
public sealed record HeirBody(string Party, int ShareBps);

/// <summary>The union's pension-and-health contribution, in basis points of the gross, added on top and owed by the studio.</summary>
public sealed record PensionBody(string Union, int RateBps);

/// <summary><c>PUT /v1/performers/{id}/splits</c>.</summary>
public sealed record SplitsBody(PayeeBody[]? Payees = null, HeirBody[]? Heirs = null, PensionBody? PensionAndHealth = null);

/// <summary>One minimum rate of a union's table: a purpose and modality, per render and/or per second.</summary>
public sealed record UnionRateBody(string Purpose, string Modality, MoneyBody? PerRender = null, MoneyBody? PerSecond = null);

/// <summary><c>PUT /v1/unions/{id}/rates</c>: a versioned rate table the operator loads.</summary>
public sealed record RateTableBody(string Version, UnionRateBody[] Rates);

/// <summary><c>POST /v1/statements/close</c>.</summary>
public sealed record ClosePeriodBody(string Period);

/// <summary>One use in a licence request. Seconds are decimal numbers with at most three decimals.</summary>
public sealed record UseBody(
    string Modality,
    string[] Purposes,
    string[] Territories,
    string[] Languages,
    DateTimeOffset From,
    DateTimeOffset To,
    decimal? MaxSecondsPerDeliverable = null,
    decimal? MaxSyntheticSeconds = null,
    long? MaxRenders = null,
    string[]? ContentCategories = null,
    string? Derivation = null,
    bool? Realtime = null);

/// <summary><c>POST /v1/license-requests</c>.</summary>
public sealed record LicenseRequestBody(string PerformerId, string Project, string Description, UseBody[] Uses, CompensationBody? Compensation = null, string? Retention = null);

/// <summary>
/// Who attested a description that is not reasonably specific (AB 2602): a union of hers by its own signature
/// (<see cref="Union"/>, <see cref="Signature"/>), or counsel by name with the SHA-256 of the signed opinion.
/// </summary>
public sealed record AttestationBody(string By, string? Name = null, string? Union = null, string? Signature = null, string? OpinionSha256 = null);

/// <summary><c>POST /v1/license-requests/{id}/approve</c>.</summary>
public sealed record ApproveBody(string? Note = null, AttestationBody? Attestation = null, bool? RateOverride = null);

/// <summary><c>POST /v1/license-requests/{id}/veto</c>.</summary>
public sealed record VetoBody(string Reason);

/// <summary><c>POST /v1/license-requests/{id}/counter</c>: the changed terms.</summary>
public sealed record CounterBody(UseBody[] Uses, CompensationBody? Compensation = null, string? Project = null, string? Description = null, string? Note = null, bool? RateOverride = null, string? Retention = null);

/// <summary><c>POST /v1/license-requests/{id}/accept</c>.</summary>
public sealed record AcceptBody(string? Note = null);

/// <summary><c>POST /v1/licenses/{id}/revoke</c>.</summary>
public sealed record RevokeBody(int NoticeDays);

/// <summary>The body of a command that takes none: empty, or <c>{}</c>.</summary>
public sealed record NoBody;

/// <summary><c>POST /v1/licenses/{id}/suspend</c> and <c>/resume</c>.</summary>
public sealed record LifecycleBody(string? Reason = null);

/// <summary>
/// <c>POST /v1/renders</c>: one licence (<c>licenseId</c>), or a render with several performers (<c>contributors</c>, each
/// on her own licence, with shares summing to 10,000 basis points); exactly one of the two.
/// </summary>
public sealed record RenderBody(
    string? LicenseId,
    string Modality,
    string Purpose,
    string Territory,
    string Language,
    decimal RequestedSeconds,
    string[]? ContentCategories = null,
    string? Prompt = null,
    string? Derivation = null,
    string? Deliverable = null,
    string? AgeModification = null,
    bool? Realtime = null,
    ContributorBody[]? Contributors = null)
{
    /// <summary>The body as a client sends it: <c>licenseId</c> may be absent when <c>contributors</c> names the licences.</summary>
    [System.Text.Json.Serialization.JsonConstructor]
    public RenderBody(
        string modality, string purpose, string territory, string language, decimal requestedSeconds, string[]? contentCategories = null, string? prompt = null,
        string? derivation = null, string? deliverable = null, string? ageModification = null, bool? realtime = null, ContributorBody[]? contributors = null,
        string? licenseId = null)
        : this(licenseId, modality, purpose, territory, language, requestedSeconds, contentCategories, prompt, derivation, deliverable, ageModification, realtime, contributors)
    {
    }
}

/// <summary>One contributor of a render with several performers: her licence, what she gives, and her share in basis points.</summary>
public sealed record ContributorBody(string LicenseId, string Role, int Share);

/// <summary>
/// <c>POST /v1/renders/{id}/complete</c>: the seconds rendered, the output's hash and, for audio, its Chromaprint
/// fingerprint (base64 of the sub-fingerprints' little-endian bytes, as <c>fpcalc -raw</c> prints them) for
/// identification where the watermark was destroyed.
/// </summary>
public sealed record CompleteBody(decimal ActualSeconds, string OutputSha256, string? Fingerprint = null);

/// <summary><c>POST /v1/provenance/identify</c>: a copy's Chromaprint fingerprint (base64 of its little-endian bytes).</summary>
public sealed record IdentifyBody(string Fingerprint);

/// <summary><c>POST /v1/renders/{id}/approve</c>, <c>/reject</c> and <c>/cancel</c>.</summary>
public sealed record RenderActionBody(string? Note = null);
