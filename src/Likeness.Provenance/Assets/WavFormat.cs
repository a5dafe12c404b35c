using System.Buffers.Binary;

namespace Likeness.Provenance.Assets;

/// <summary>
/// WAV (RIFF/WAVE): the store is a <c>C2PA</c> chunk appended after the last chunk; the RIFF size grows by the chunk
/// (the patched header is hashed), and any earlier <c>C2PA</c> chunk is dropped.
/// </summary>
public sealed class WavFormat : AssetFormat
{
    private static ReadOnlySpan<byte> ChunkId => "C2PA"u8;

    /// <inheritdoc/>
    public override string MediaType => "audio/wav";

    /// <inheritdoc/>
    public override bool Recognizes(ReadOnlySpan<byte> asset) =>
        asset.Length >= 12 && asset[..4].SequenceEqual("RIFF"u8) && asset.Slice(8, 4).SequenceEqual("WAVE"u8);

    /// <inheritdoc/>
    public override Placement? Place(ReadOnlyMemory<byte> asset, int storeLength)
    {
        var kept = Chunks(asset.Span);
        if (kept is null) return null;
        var chunkLength = 8 + storeLength + (storeLength & 1);
        var before = new List<ReadOnlyMemory<byte>>();
        var header = asset[..12].ToArray();
        long body = 4;
        foreach (var (start, length, id) in kept)
        {
            if (id) continue;
            before.Add(asset.Slice(start, length));
            body += length;
        }
        if (body + chunkLength > uint.MaxValue) return null;
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(4), (uint)(body + chunkLength));
        before.Insert(0, header);
        // The hard binding excludes the chunk with its id and size (where the reference implementation expects the
        // manifest); the pad byte after an odd-sized store is hashed.
        return new Placement(before, [new byte[storeLength & 1]], 8 + storeLength, store => [.. ChunkHeader(store.Length), .. store]);
    }

    /// <inheritdoc/>
    public override byte[]? FindStore(ReadOnlyMemory<byte> asset)
    {
        var chunks = Chunks(asset.Span);
        if (chunks is null) return null;
        foreach (var (start, length, isC2pa) in chunks)
        {
            if (!isC2pa) continue;
            var size = (int)BinaryPrimitives.ReadUInt32LittleEndian(asset.Span[(start + 4)..]);
            return asset.Slice(start + 8, size).ToArray();
        }
        return null;
    }

    private static byte[] ChunkHeader(int storeLength)
    {
        var header = new byte[8];
        ChunkId.CopyTo(header);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(4), (uint)storeLength);
        return header;
    }

    // The chunks after the RIFF header: where each starts, its length with its pad byte, and whether it is C2PA.
    private static List<(int Start, int Length, bool IsC2pa)>? Chunks(ReadOnlySpan<byte> asset)
    {
        if (asset.Length < 12) return null;
        var riffEnd = 8 + (long)BinaryPrimitives.ReadUInt32LittleEndian(asset[4..]);
        var end = (int)Math.Min(riffEnd, asset.Length);
        var chunks = new List<(int, int, bool)>();
        var at = 12;
        while (at + 8 <= end)
        {
            var size = (long)BinaryPrimitives.ReadUInt32LittleEndian(asset[(at + 4)..]);
            var length = 8 + size + (size & 1);
            if (at + 8 + size > end) return null;
            length = Math.Min(length, end - at);
            chunks.Add((at, (int)length, asset.Slice(at, 4).SequenceEqual(ChunkId)));
            at += (int)length;
        }
        return at == end ? chunks : null;
    }
}
