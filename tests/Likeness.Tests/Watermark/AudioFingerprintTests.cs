using Likeness.Watermark.Fingerprints;
using Xunit;

namespace Likeness.Tests.Watermark;

/// <summary>
/// The fingerprint's alignment on synthetic sub-fingerprints (seeded; the seed is in each assertion's message): a cut
/// copy with bits flipped is found at its offset; unrelated fingerprints differ in about half their bits and do not match.
/// </summary>
public sealed class AudioFingerprintTests
{
    private const int Seed = 20261201;

    [Fact]
    public void A_cut_copy_with_a_tenth_of_its_bits_flipped_is_found_at_its_offset()
    {
        var random = new Random(Seed);
        var stored = Items(random, 400);
        var copy = stored.AsSpan(137, 80).ToArray();
        for (var i = 0; i < copy.Length; i++)
        {
            for (var bit = 0; bit < 32; bit++)
            {
                if (random.NextDouble() < 0.1)
                {
                    copy[i] ^= 1u << bit;
                }
            }
        }

        var alignment = AudioFingerprint.Of(stored)!.Align(AudioFingerprint.Of(copy)!)!.Value;

        Assert.True(alignment.Offset == 137, $"seed {Seed}: offset {alignment.Offset}");
        Assert.Equal(80, alignment.Overlap);
        Assert.True(alignment.Matches && alignment.BitErrorRate is > 0.05 and < 0.15, $"seed {Seed}: bit error rate {alignment.BitErrorRate}");
        Assert.Equal(137 * AudioFingerprint.SecondsPerItem, alignment.OffsetSeconds, 9);
    }

    [Fact]
    public void A_copy_starting_before_the_stored_audio_aligns_at_a_negative_offset()
    {
        var random = new Random(Seed + 1);
        var stored = Items(random, 100);
        var copy = Items(random, 30).Concat(stored.Take(50)).ToArray();

        var alignment = AudioFingerprint.Of(stored)!.Align(AudioFingerprint.Of(copy)!)!.Value;

        Assert.Equal(-30, alignment.Offset);
        Assert.Equal(50, alignment.Overlap);
        Assert.Equal(0, alignment.BitErrorRate);
    }

    [Fact]
    public void Unrelated_fingerprints_do_not_match()
    {
        var random = new Random(Seed + 2);
        for (var trial = 0; trial < 50; trial++)
        {
            var alignment = AudioFingerprint.Of(Items(random, 300))!.Align(AudioFingerprint.Of(Items(random, 60))!)!.Value;
            Assert.False(alignment.Matches, $"seed {Seed + 2}, trial {trial}: bit error rate {alignment.BitErrorRate}");
        }
    }

    [Fact]
    public void Bytes_round_trip_and_what_is_not_a_fingerprint_is_refused()
    {
        var items = Items(new Random(Seed + 3), 40);
        var fingerprint = AudioFingerprint.Of(items)!;

        Assert.Equal(items, AudioFingerprint.FromBytes(fingerprint.ToBytes())!.Items.ToArray());
        Assert.Null(AudioFingerprint.FromBytes(new byte[(4 * AudioFingerprint.MinItems) + 1]));
        Assert.Null(AudioFingerprint.FromBytes(new byte[4 * (AudioFingerprint.MinItems - 1)]));
        Assert.Null(AudioFingerprint.Of(new uint[AudioFingerprint.MaxItems + 1]));
    }

    private static uint[] Items(Random random, int count)
    {
        var items = new uint[count];
        for (var i = 0; i < count; i++)
        {
            items[i] = (uint)random.NextInt64(0, 1L << 32);
        }

        return items;
    }
}
