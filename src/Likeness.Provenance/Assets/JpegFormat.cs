using System.Buffers.Binary;

namespace Likeness.Provenance.Assets;

/// <summary>
/// JPEG: the store is carried in APP11 segments (ISO/IEC 19566-5): each segment holds the common identifier
/// <c>JP</c>, a box instance number, a sequence number from 1, then a slice of the store; every slice after the first
/// repeats the store's 8-byte box header. The segments go after the leading APP0/APP1 segments; older APP11 JUMBF
/// segments are dropped.
/// </summary>
public sealed class JpegFormat : AssetFormat
{
    private const int MaxSegment = 0xFFFF;      // the segment length field, which counts itself
    private const int FirstOverhead = 2 + 2 + 2 + 4;  // length, JP, instance, sequence
    private const int FirstCapacity = MaxSegment - FirstOverhead;
    private const int NextCapacity = FirstCapacity - 8;
    private const ushort Instance = 1;

    /// <inheritdoc/>
    public override string MediaType => "image/jpeg";

    /// <inheritdoc/>
    public override bool Recognizes(ReadOnlySpan<byte> asset) => asset.Length >= 4 && asset[0] == 0xFF && asset[1] == 0xD8;

    /// <inheritdoc/>
    public override Placement? Place(ReadOnlyMemory<byte> asset, int storeLength)
    {
        var segments = Segments(asset.Span);
        if (segments is null) return null;
        var before = new List<ReadOnlyMemory<byte>> { asset[..2] };
        var after = new List<ReadOnlyMemory<byte>>();
        var leading = true;
        var last = 2;
        foreach (var (start, length, marker) in segments)
        {
            var isJumbf = marker == 0xEB && length >= 6 && asset.Span.Slice(start + 4, 2).SequenceEqual("JP"u8);
            if (isJumbf) continue;
            leading &= marker is 0xE0 or 0xE1;
            (leading ? before : after).Add(asset.Slice(start, length));
            last = start + length;
        }
        after.Add(asset[last..]);
        var wrapped = WrappedLength(storeLength);
        return new Placement(before, after, wrapped, store => Wrap(store, wrapped));
    }

    /// <inheritdoc/>
    public override byte[]? FindStore(ReadOnlyMemory<byte> asset)
    {
        var segments = Segments(asset.Span);
        if (segments is null) return null;
        var span = asset.Span;
        var parts = new SortedDictionary<ushort, SortedDictionary<uint, (int Start, int Length)>>();
        foreach (var (start, length, marker) in segments)
        {
            if (marker != 0xEB || length < 4 + FirstOverhead || !span.Slice(start + 4, 2).SequenceEqual("JP"u8)) continue;
            var instance = BinaryPrimitives.ReadUInt16BigEndian(span[(start + 6)..]);
            var sequence = BinaryPrimitives.ReadUInt32BigEndian(span[(start + 8)..]);
            var slices = parts.TryGetValue(instance, out var found) ? found : parts[instance] = [];
            slices.TryAdd(sequence, (start + 12, length - 12));
        }
        foreach (var slices in parts.Values)
        {
            using var store = new MemoryStream();
            var first = true;
            foreach (var (start, length) in slices.Values)
            {
                var skip = first ? 0 : 8;
                if (length < skip) break;
                store.Write(span.Slice(start + skip, length - skip));
                first = false;
            }
            var bytes = store.ToArray();
            if (bytes.Length >= 8 && bytes.AsSpan(4, 4).SequenceEqual("jumb"u8)) return bytes;
        }
        return null;
    }

    private static int SegmentCount(int storeLength) =>
        storeLength <= FirstCapacity ? 1 : 1 + (storeLength - FirstCapacity + NextCapacity - 1) / NextCapacity;

    private static int WrappedLength(int storeLength)
    {
        var n = SegmentCount(storeLength);
        return storeLength + n * (2 + FirstOverhead) + (n - 1) * 8;
    }

    private static byte[] Wrap(byte[] store, int wrappedLength)
    {
        var output = new byte[wrappedLength];
        var at = 0;
        var taken = 0;
        for (uint sequence = 1; taken < store.Length; sequence++)
        {
            var first = sequence == 1;
            var slice = Math.Min(store.Length - taken, first ? FirstCapacity : NextCapacity);
            var segmentLength = FirstOverhead + (first ? 0 : 8) + slice;
            output[at] = 0xFF;
            output[at + 1] = 0xEB;
            BinaryPrimitives.WriteUInt16BigEndian(output.AsSpan(at + 2), (ushort)segmentLength);
            "JP"u8.CopyTo(output.AsSpan(at + 4));
            BinaryPrimitives.WriteUInt16BigEndian(output.AsSpan(at + 6), Instance);
            BinaryPrimitives.WriteUInt32BigEndian(output.AsSpan(at + 8), sequence);
            at += 12;
            if (!first)
            {
                store.AsSpan(0, 8).CopyTo(output.AsSpan(at));
                at += 8;
            }
            store.AsSpan(taken, slice).CopyTo(output.AsSpan(at));
            at += slice;
            taken += slice;
        }
        return output;
    }

    // The marker segments before the scan: where each starts (at its 0xFF), its whole length, and its marker byte.
    private static List<(int Start, int Length, byte Marker)>? Segments(ReadOnlySpan<byte> jpeg)
    {
        var segments = new List<(int, int, byte)>();
        var at = 2;
        while (at + 4 <= jpeg.Length)
        {
            if (jpeg[at] != 0xFF) return null;
            var marker = jpeg[at + 1];
            if (marker is 0xDA or 0xD9) return segments;
            var length = BinaryPrimitives.ReadUInt16BigEndian(jpeg[(at + 2)..]);
            if (length < 2 || at + 2 + length > jpeg.Length) return null;
            segments.Add((at, 2 + length, marker));
            at += 2 + length;
        }
        return null;
    }
}
