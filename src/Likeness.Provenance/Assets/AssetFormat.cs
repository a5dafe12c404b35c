namespace Likeness.Provenance.Assets;

/// <summary>A file format a manifest store can be embedded in and found in.</summary>
public abstract class AssetFormat
{
    /// <summary>The formats Likeness embeds into and reads: WAV and JPEG.</summary>
    public static readonly IReadOnlyList<AssetFormat> All = [new WavFormat(), new JpegFormat()];

    /// <summary>The IANA media type.</summary>
    public abstract string MediaType { get; }

    /// <summary>True when the bytes look like this format.</summary>
    public abstract bool Recognizes(ReadOnlySpan<byte> asset);

    /// <summary>Plans the store's place, or null when the asset is malformed.</summary>
    public abstract Placement? Place(ReadOnlyMemory<byte> asset, int storeLength);

    /// <summary>The embedded store's bytes, or null when there is none.</summary>
    public abstract byte[]? FindStore(ReadOnlyMemory<byte> asset);

    /// <summary>The format of <paramref name="asset"/>, or null.</summary>
    public static AssetFormat? Of(ReadOnlySpan<byte> asset)
    {
        foreach (var format in All)
        {
            if (format.Recognizes(asset)) return format;
        }
        return null;
    }
}
