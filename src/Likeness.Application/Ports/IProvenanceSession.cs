using Likeness.Application.Provenance;

namespace Likeness.Application.Ports;

/// <summary>The provenance tables: each render's watermark token.</summary>
public interface IProvenanceSession
{
    void InsertWatermark(WatermarkRecord watermark);

    WatermarkRecord? GetWatermark(ulong token);
}
