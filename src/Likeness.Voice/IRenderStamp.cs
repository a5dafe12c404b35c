using Likeness.Client;

namespace Likeness.Voice;

/// <summary>
/// A step that marks a synthesized take before it is completed, such as an audio watermark or a C2PA credential. The worker runs
/// its stamps in order between synthesis and completion, so the completed hash is the hash of the final file.
/// </summary>
public interface IRenderStamp
{
    /// <summary>Marks <paramref name="file"/> (in place) for <paramref name="render"/>.</summary>
    Task StampAsync(RenderScope render, string file, CancellationToken ct);
}
