using System.Buffers.Binary;
using Likeness.Watermark;

namespace Likeness.Client;

/// <summary>
/// Embeds a render's watermark token into a 16-bit PCM WAV file. The mark is computed on the channels' mix and the same
/// change is added to every channel, so a downmix, and each channel alone, carries it; samples are clamped to 16 bits.
/// </summary>
public static class WavWatermark
{
    /// <summary>The marked file's bytes: the same header and chunks, the audio marked.</summary>
    /// <exception cref="ArgumentException">Not a 16-bit PCM WAV file, or its token is not 16 hex digits.</exception>
    public static byte[] Mark(ReadOnlySpan<byte> wav, string token, string name)
    {
        if (!WatermarkToken.TryParse(token, out var parsed))
        {
            throw new ArgumentException($"the watermark token {token} is not 16 hexadecimal digits", nameof(token));
        }

        var output = wav.ToArray();
        var (offset, length, rate, channels) = DataChunk(output, name);
        var data = output.AsSpan(offset, length);
        var frames = data.Length / (2 * channels);
        var mix = new float[frames];
        for (var f = 0; f < frames; f++)
        {
            var sum = 0f;
            for (var c = 0; c < channels; c++) sum += BinaryPrimitives.ReadInt16LittleEndian(data[(((f * channels) + c) * 2)..]);
            mix[f] = sum / channels / 32768f;
        }

        var marked = AudioWatermark.Embed(mix, rate, parsed);
        for (var f = 0; f < frames; f++)
        {
            var change = (marked[f] - mix[f]) * 32768f;
            for (var c = 0; c < channels; c++)
            {
                var at = data[(((f * channels) + c) * 2)..];
                var sample = BinaryPrimitives.ReadInt16LittleEndian(at) + change;
                BinaryPrimitives.WriteInt16LittleEndian(at, (short)Math.Clamp(MathF.Round(sample), short.MinValue, short.MaxValue));
            }
        }

        return output;
    }

    /// <summary>Where the audio is (offset and whole frames' length), its rate and channels.</summary>
    private static (int Offset, int Length, int Rate, int Channels) DataChunk(byte[] b, string name)
    {
        if (b.Length < 12 || !b.AsSpan(0, 4).SequenceEqual("RIFF"u8) || !b.AsSpan(8, 4).SequenceEqual("WAVE"u8))
        {
            throw new ArgumentException($"{name} is not a WAV file", nameof(name));
        }

        int rate = 0, channels = 0, bits = 0, format = 0;
        for (var pos = 12; pos + 8 <= b.Length;)
        {
            var length = (int)Math.Min(BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(pos + 4)), (uint)(b.Length - pos - 8));
            var body = b.AsSpan(pos + 8, length);
            if (b.AsSpan(pos, 4).SequenceEqual("fmt "u8) && length >= 16)
            {
                format = BinaryPrimitives.ReadUInt16LittleEndian(body);
                channels = BinaryPrimitives.ReadUInt16LittleEndian(body[2..]);
                rate = BinaryPrimitives.ReadInt32LittleEndian(body[4..]);
                bits = BinaryPrimitives.ReadUInt16LittleEndian(body[14..]);
            }
            else if (b.AsSpan(pos, 4).SequenceEqual("data"u8))
            {
                // 1 is PCM; 0xFFFE (extensible) carries PCM 16-bit the same way in practice.
                if (format is not (1 or 0xFFFE) || bits != 16 || channels <= 0)
                {
                    throw new ArgumentException($"{name} is not 16-bit PCM audio (the watermark is embedded in 16-bit PCM WAV only; convert it first)", nameof(name));
                }

                return rate is >= 8_000 and <= 384_000
                    ? (pos + 8, length - (length % (2 * channels)), rate, channels)
                    : throw new ArgumentException($"{name} is sampled at {rate} Hz; the watermark needs 8 kHz to 384 kHz", nameof(name));
            }

            pos += 8 + length + (length & 1);
        }

        throw new ArgumentException($"{name} is a WAV file without audio data", nameof(name));
    }
}
