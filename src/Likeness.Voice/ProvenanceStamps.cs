using Likeness.Client;

namespace Likeness.Voice;

/// <summary>Embeds the render's watermark token in the take (first: the credential then binds the marked audio).</summary>
public sealed class WatermarkStamp : IRenderStamp
{
    /// <inheritdoc />
    public Task StampAsync(RenderScope render, string file, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(render);
        return render.WatermarkAsync(file, ct);
    }
}

/// <summary>Attaches the C2PA credential the server signs for the render (last: it binds the final bytes).</summary>
public sealed class CredentialStamp : IRenderStamp
{
    /// <inheritdoc />
    public Task StampAsync(RenderScope render, string file, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(render);
        return render.CredentialAsync(file, ct);
    }
}
