namespace Likeness.Client;

#pragma warning disable CA1819 // Wire records carry arrays as the API's JSON does.

/// <summary><c>POST /v1/renders</c>: what a pipeline is about to render, declared before it renders.</summary>
public sealed record RenderRequest(
    string LicenseId, string Modality, string Purpose, string Territory, string Language, decimal RequestedSeconds,
    string[]? ContentCategories = null, string? Prompt = null, string? Derivation = null, string? Deliverable = null,
    string? AgeModification = null, bool? Realtime = null);

/// <summary>Why a render was denied or waits: a stable code, a message and the rule it came from.</summary>
public sealed record Reason(string Code, string Message, string Rule);

/// <summary>What a permit obliges the studio to do (label the output, inform the performer, …).</summary>
public sealed record Obligation(string Action, string Rule, IReadOnlyDictionary<string, string>? Details);

/// <summary>A lexicon phrase that found sensitive content in a pending render's prompt.</summary>
public sealed record PromptTrigger(string Category, string Phrase, string Language);

/// <summary>A render: its decision (<c>permit</c>, <c>pending</c>, <c>deny</c>), status and reservation.</summary>
public sealed record Render(
    string RenderId, string Decision, string Status, string LicenseId, int Use, decimal RequestedSeconds, decimal ReservedSeconds,
    decimal? ActualSeconds, string? OutputSha256, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? SettledAt,
    Obligation[] Obligations, Reason[] Reasons, long LedgerIndex, PromptTrigger[]? PromptTriggers = null, string? Watermark = null);

/// <summary><c>POST /v1/renders/{id}/complete</c>; <see cref="Fingerprint"/> is an audio output's Chromaprint fingerprint (<see cref="Chromaprint"/>).</summary>
public sealed record CompleteRender(decimal ActualSeconds, string OutputSha256, string? Fingerprint = null);

/// <summary>A completed render, as a usage event.</summary>
public sealed record UsageEvent(
    string RenderId, string LicenseId, string PerformerId, string StudioId, int Use, string Modality, string Purpose, string Territory,
    string Language, decimal Seconds, string OutputSha256, DateTimeOffset CompletedAt, long LedgerIndex);
