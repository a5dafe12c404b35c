using System.Text.Json.Nodes;

namespace Likeness.Client;

#pragma warning disable CA1819 // Wire records carry arrays as the API's JSON does.

/// <summary>A consent version: the policy in the API's JSON shape (ODRL 2.2 layout).</summary>
public sealed record Consent(string PerformerId, int Version, DateTimeOffset CreatedAt, long LedgerIndex, JsonObject Policy);

/// <summary>The answer to writing a consent policy.</summary>
public sealed record ConsentWritten(int Version, long LedgerIndex);

/// <summary>An amount in minor units of an ISO 4217 currency (exact: never a float).</summary>
public sealed record Money(string Currency, long Minor);

/// <summary>A multiplier for renders of a purpose, in basis points.</summary>
public sealed record PurposeFactor(string Purpose, int FactorBps);

/// <summary>A multiplier for renders in a territory, in basis points.</summary>
public sealed record TerritoryFactor(string Territory, int FactorBps);

/// <summary>What a licence pays.</summary>
public sealed record Compensation(Money? PerRender = null, Money? PerSecond = null, Money? MinimumGuarantee = null, int? RealtimeFactorBps = null, PurposeFactor[]? PurposeFactors = null, TerritoryFactor[]? TerritoryFactors = null);

/// <summary>One use in a licence request or licence.</summary>
public sealed record LicenseUse(
    string Modality, string[] Purposes, string[] Territories, string[] Languages, DateTimeOffset From, DateTimeOffset To,
    decimal? MaxSecondsPerDeliverable = null, decimal? MaxSyntheticSeconds = null, long? MaxRenders = null, string[]? ContentCategories = null,
    string? Derivation = null, bool? Realtime = null);

/// <summary><c>POST /v1/license-requests</c>.</summary>
public sealed record CreateLicenseRequest(string PerformerId, string Project, string Description, LicenseUse[] Uses, Compensation? Compensation = null);

/// <summary>Who attested a description that is not reasonably specific.</summary>
public sealed record Attestation(string By, string? Name = null, string? Union = null, string? Signature = null, string? OpinionSha256 = null);

/// <summary><c>POST /v1/license-requests/{id}/approve</c>.</summary>
public sealed record ApproveRequest(string? Note = null, Attestation? Attestation = null, bool? RateOverride = null);

/// <summary><c>POST /v1/license-requests/{id}/counter</c>: the changed terms.</summary>
public sealed record CounterRequest(LicenseUse[] Uses, Compensation? Compensation = null, string? Project = null, string? Description = null, string? Note = null, bool? RateOverride = null);

/// <summary>A conflict of requested terms with the performer's current consent; <c>Derivations</c> names those it arises under when the use left its derivation open.</summary>
public sealed record Conflict(string Code, string Rule, string Message, int? Use, string[]? Derivations = null);

/// <summary>A licence's or request's terms.</summary>
public sealed record Terms(string Project, string Description, LicenseUse[] Uses, Compensation? Compensation, DateTimeOffset TermEnd);

/// <summary>A licence request and where it stands.</summary>
public sealed record LicenseRequest(
    string Id, string Status, string PerformerId, string StudioId, Terms Terms, Conflict[] Conflicts,
    Terms? Counter, string? Note, string? LicenseId, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, long LedgerIndex);

/// <summary>What is left of one use's budget; null limits are unlimited.</summary>
public sealed record Budget(int Use, decimal? MaxSyntheticSeconds, decimal SecondsUsed, decimal SecondsReserved, decimal? SecondsRemaining, long? MaxRenders, long RendersUsed, long RendersReserved, long? RendersRemaining);

/// <summary>A licence; <see cref="Token"/> (a JWS the ledger key signs) is absent for a party that sees only its scope.</summary>
public sealed record License(
    string Id, string Status, string RequestId, string PerformerId, string StudioId, Terms Terms, string? Token,
    DateTimeOffset ApprovedAt, DateTimeOffset TermEnd, DateTimeOffset? RevocationEffectiveAt, bool EstateConfirmed,
    int ConsentVersion, string? Attestation, Budget[] Budgets, long LedgerIndex, bool RateOverride = false);
