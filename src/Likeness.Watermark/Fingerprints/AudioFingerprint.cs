using System.Buffers.Binary;
using System.Numerics;

namespace Likeness.Watermark.Fingerprints;

/// <summary>
/// A Chromaprint fingerprint (what <c>fpcalc -raw</c> prints): one 32-bit sub-fingerprint per 4096/3 samples at
/// 11,025 Hz, about 0.124 s, each bit a comparison of chroma features, so re-encoding flips few bits while other audio
/// agrees on about half. Kept as its little-endian bytes.
/// </summary>
public sealed class AudioFingerprint
{
    /// <summary>The seconds one sub-fingerprint advances (Chromaprint's default: 4,096-sample frames, two thirds overlapped, at 11,025 Hz).</summary>
    public const double SecondsPerItem = 4096.0 / 3 / 11025;

    /// <summary>The fewest sub-fingerprints a fingerprint has, and the fewest two must share to match. Each sub-fingerprint looks at about 2.6 s of audio around it, so 12 need about 4 s of audio.</summary>
    public const int MinItems = 12;

    /// <summary>The most: about two hours.</summary>
    public const int MaxItems = 60_000;

    private readonly uint[] _items;

    private AudioFingerprint(uint[] items) => _items = items;

    /// <summary>The sub-fingerprints.</summary>
    public ReadOnlySpan<uint> Items => _items;

    /// <summary>The seconds of audio it covers.</summary>
    public double Seconds => _items.Length * SecondsPerItem;

    /// <summary>A fingerprint of <paramref name="items"/>, or null when there are fewer than <see cref="MinItems"/> or more than <see cref="MaxItems"/>.</summary>
    public static AudioFingerprint? Of(ReadOnlySpan<uint> items) =>
        items.Length is < MinItems or > MaxItems ? null : new AudioFingerprint(items.ToArray());

    /// <summary>Reads the little-endian bytes <see cref="ToBytes"/> wrote; null when they are not a whole fingerprint.</summary>
    public static AudioFingerprint? FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length % 4 != 0)
        {
            return null;
        }

        var items = new uint[bytes.Length / 4];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = BinaryPrimitives.ReadUInt32LittleEndian(bytes[(i * 4)..]);
        }

        return Of(items);
    }

    /// <summary>The sub-fingerprints as little-endian bytes (the wire's base64 and the store's blob).</summary>
    public byte[] ToBytes()
    {
        var bytes = new byte[_items.Length * 4];
        for (var i = 0; i < _items.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i * 4), _items[i]);
        }

        return bytes;
    }

    /// <summary>
    /// The best alignment of <paramref name="query"/> (a copy, perhaps cut or re-encoded) within this fingerprint: the
    /// offset, in sub-fingerprints, where the overlapping bits differ least. Every offset leaving at least
    /// <see cref="MinItems"/> in common is tried; null when none does.
    /// </summary>
    public FingerprintAlignment? Align(AudioFingerprint query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var stored = _items.AsSpan();
        var q = query._items.AsSpan();
        FingerprintAlignment? best = null;
        for (var offset = -(q.Length - MinItems); offset <= stored.Length - MinItems; offset++)
        {
            var from = Math.Max(0, offset);
            var to = Math.Min(stored.Length, offset + q.Length);
            var overlap = to - from;
            var differing = 0;
            for (var i = from; i < to; i++)
            {
                differing += BitOperations.PopCount(stored[i] ^ q[i - offset]);
            }

            var rate = differing / (32.0 * overlap);
            if (best is not { } b || rate < b.BitErrorRate)
            {
                best = new FingerprintAlignment(offset, overlap, rate);
            }
        }

        return best;
    }
}

/// <summary>
/// Where a copy lies within a stored fingerprint: its offset in sub-fingerprints (negative when the copy starts before
/// the stored audio), how many it shares, and the share of their bits that differ (0 identical, about 0.5 unrelated).
/// </summary>
public readonly record struct FingerprintAlignment(int Offset, int Overlap, double BitErrorRate)
{
    /// <summary>
    /// The highest bit error rate still taken as the same audio. Unrelated speech differs in about half of its bits, with a
    /// spread of a few hundredths over 3 s (the bits are correlated, so wider than a coin's); re-encoding to MP3 at 64 kbps
    /// keeps the rate of a copy well under a quarter (docs/PROVENANCE.md, "The fingerprint").
    /// </summary>
    public const double MatchThreshold = 0.35;

    /// <summary>True when the copy is taken to be the stored audio.</summary>
    public bool Matches => BitErrorRate <= MatchThreshold;

    /// <summary>1 minus the bit error rate: 1 identical, about 0.5 unrelated.</summary>
    public double Similarity => 1 - BitErrorRate;

    /// <summary>Where the copy starts within the stored audio, in seconds (negative when it starts before it).</summary>
    public double OffsetSeconds => Offset * AudioFingerprint.SecondsPerItem;

    /// <summary>The seconds the two share.</summary>
    public double OverlapSeconds => Overlap * AudioFingerprint.SecondsPerItem;
}
