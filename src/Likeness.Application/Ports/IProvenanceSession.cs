using Likeness.Application.Provenance;

namespace Likeness.Application.Ports;

/// <summary>The provenance tables: each render's watermark token.</summary>
public interface IProvenanceSession
{
    void InsertWatermark(WatermarkRecord watermark);

    WatermarkRecord? GetWatermark(ulong token);

    /// <summary>The token drawn for a render, or null (a render authorized before watermarks, or one with several performers).</summary>
    ulong? WatermarkOf(string renderId);
}
