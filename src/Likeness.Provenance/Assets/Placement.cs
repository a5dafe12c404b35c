namespace Likeness.Provenance.Assets;

/// <summary>
/// Where a manifest store goes in an asset: the asset's bytes before and after its place (with any header the
/// insertion changes already patched, and any older manifest left out), and how the store is wrapped there.
/// </summary>
public sealed class Placement
{
    internal Placement(IReadOnlyList<ReadOnlyMemory<byte>> before, IReadOnlyList<ReadOnlyMemory<byte>> after, int wrappedLength, Func<byte[], byte[]> wrap)
    {
        Before = before;
        After = after;
        WrappedLength = wrappedLength;
        Wrap = wrap;
    }

    /// <summary>The bytes that come before the manifest.</summary>
    public IReadOnlyList<ReadOnlyMemory<byte>> Before { get; }

    /// <summary>The bytes that come after it.</summary>
    public IReadOnlyList<ReadOnlyMemory<byte>> After { get; }

    /// <summary>The wrapped manifest's length: the range the hard binding excludes.</summary>
    public int WrappedLength { get; }

    /// <summary>Wraps a store of the planned length as the format carries it (a RIFF chunk, APP11 segments).</summary>
    public Func<byte[], byte[]> Wrap { get; }

    /// <summary>Where the excluded range starts.</summary>
    public long Start => Before.Sum(p => (long)p.Length);
}
