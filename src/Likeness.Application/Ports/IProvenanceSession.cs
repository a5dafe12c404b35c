using Likeness.Application.Provenance;

namespace Likeness.Application.Ports;

/// <summary>The provenance tables: each render's watermark token, and each completed voice render's fingerprint.</summary>
public interface IProvenanceSession
{
    void InsertWatermark(WatermarkRecord watermark);

    WatermarkRecord? GetWatermark(ulong token);

    /// <summary>The token drawn for a render, or null (a render authorized before watermarks, or one with several performers).</summary>
    ulong? WatermarkOf(string renderId);

    void InsertFingerprint(FingerprintRecord fingerprint);

    /// <summary>Every stored fingerprint, oldest first (an identification compares a copy with each).</summary>
    IEnumerable<FingerprintRecord> Fingerprints();
}
