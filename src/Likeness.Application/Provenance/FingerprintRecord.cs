namespace Likeness.Application.Provenance;

/// <summary>A completed render's audio fingerprint as stored: the Chromaprint sub-fingerprints' little-endian bytes.</summary>
public sealed record FingerprintRecord(string RenderId, byte[] Items, DateTimeOffset CreatedAt);
