namespace Likeness.Application.Provenance;

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
