namespace Likeness.Application.Provenance;

#pragma warning disable CA1819 // Views are plain data carriers.

/// <summary>
/// What a watermark token tells its reader. Anyone learns that the token is registered (a synthetic output of a licensed
/// pipeline) and the state of its credential; the render's parties and auditors also learn the render and its licence.
/// </summary>
public sealed record WatermarkLookupView(string Token, bool Registered, bool Synthetic, string Credential)
{
    /// <summary>For the render's studio, its performer side and auditors only.</summary>
    public WatermarkRenderView? Render { get; init; }
}

/// <summary>The render behind a token, for those who may see it.</summary>
public sealed record WatermarkRenderView(
    string RenderId, string Status, string LicenseId, string PerformerId, string StudioId, DateTimeOffset CreatedAt, DateTimeOffset? SettledAt,
    string? OutputSha256, long LedgerIndex);

/// <summary>
/// What a fingerprint identification found: the copy's seconds and the registered outputs it matches, best first (none:
/// no completed render with a stored fingerprint sounds like it).
/// </summary>
public sealed record IdentifyView(double Seconds, FingerprintMatchView[] Matches);

/// <summary>
/// One render a copy matches: how alike (1 identical, about 0.5 unrelated), where the copy starts within the render's
/// audio and how many seconds they share, and the credential's state; <see cref="Render"/> only for the render's parties
/// and auditors.
/// </summary>
public sealed record FingerprintMatchView(double Similarity, double OffsetSeconds, double MatchedSeconds, bool Synthetic, string Credential)
{
    /// <summary>For the render's studio, its performer side and auditors only.</summary>
    public WatermarkRenderView? Render { get; init; }
}
