namespace Likeness.Application.Provenance;

/// <summary>A render's watermark token (64 random bits), as stored: which render its audio carries.</summary>
public sealed record WatermarkRecord(ulong Token, string RenderId, DateTimeOffset CreatedAt);
