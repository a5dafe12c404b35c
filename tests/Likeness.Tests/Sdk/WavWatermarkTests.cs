using System.Buffers.Binary;
using Likeness.Client;
using Likeness.Tests.Support;
using Likeness.Watermark;
using Xunit;

namespace Likeness.Tests.Sdk;

/// <summary>The SDK's watermark stamp on 16-bit PCM WAV: stereo speech carries the token in each channel and in the mix; other files are refused clearly.</summary>
public sealed class WavWatermarkTests
{
    private static readonly WatermarkToken Token = new(0x5eed_2026_1201_0007UL);

    [Fact]
    public void Stereo_speech_carries_the_token_in_each_channel_and_in_the_mix()
    {
        using var clips = new SpeechClips();
        var speech = clips.Speech(3);
        var wav = Pcm16(speech, [1f, 0.5f]);

        var marked = WavWatermark.Mark(wav, Token.ToHex(), "take.wav");

        Assert.Equal(wav.Length, marked.Length);
        Assert.Equal(wav.AsSpan(0, 44).ToArray(), marked.AsSpan(0, 44).ToArray());
        foreach (var channel in new[] { 0, 1, -1 })
        {
            var found = AudioWatermark.Detect(Channel(marked, channel), SpeechClips.Rate);
            Assert.Contains(found.Detections, d => d.Token == Token);
        }
    }

    [Fact]
    public void A_float_wav_a_short_token_and_a_non_wav_are_refused_naming_why()
    {
        using var clips = new SpeechClips();
        var path = Path.Combine(clips.Dir, "float.wav");
        SpeechClips.Write(path, new float[48_000]);

        var notPcm16 = Assert.Throws<ArgumentException>(() => WavWatermark.Mark(File.ReadAllBytes(path), Token.ToHex(), "float.wav"));
        Assert.Contains("16-bit PCM", notPcm16.Message, StringComparison.Ordinal);
        var badToken = Assert.Throws<ArgumentException>(() => WavWatermark.Mark(Pcm16(new float[8000], [1f]), "abc", "take.wav"));
        Assert.Contains("16 hexadecimal digits", badToken.Message, StringComparison.Ordinal);
        var notWav = Assert.Throws<ArgumentException>(() => WavWatermark.Mark("not a wav file at all"u8, Token.ToHex(), "notes.txt"));
        Assert.Contains("notes.txt is not a WAV file", notWav.Message, StringComparison.Ordinal);
    }

    /// <summary>A 16-bit PCM WAV at 48 kHz with one channel per gain, each the speech at that gain.</summary>
    private static byte[] Pcm16(float[] speech, float[] gains)
    {
        var channels = gains.Length;
        var data = speech.Length * 2 * channels;
        var b = new byte[44 + data];
        "RIFF"u8.CopyTo(b);
        BinaryPrimitives.WriteInt32LittleEndian(b.AsSpan(4), 36 + data);
        "WAVEfmt "u8.CopyTo(b.AsSpan(8));
        BinaryPrimitives.WriteInt32LittleEndian(b.AsSpan(16), 16);
        BinaryPrimitives.WriteInt16LittleEndian(b.AsSpan(20), 1);
        BinaryPrimitives.WriteInt16LittleEndian(b.AsSpan(22), (short)channels);
        BinaryPrimitives.WriteInt32LittleEndian(b.AsSpan(24), SpeechClips.Rate);
        BinaryPrimitives.WriteInt32LittleEndian(b.AsSpan(28), SpeechClips.Rate * 2 * channels);
        BinaryPrimitives.WriteInt16LittleEndian(b.AsSpan(32), (short)(2 * channels));
        BinaryPrimitives.WriteInt16LittleEndian(b.AsSpan(34), 16);
        "data"u8.CopyTo(b.AsSpan(36));
        BinaryPrimitives.WriteInt32LittleEndian(b.AsSpan(40), data);
        for (var i = 0; i < speech.Length; i++)
        {
            for (var c = 0; c < channels; c++)
            {
                var sample = Math.Clamp(speech[i] * gains[c] * 32767f, short.MinValue, short.MaxValue);
                BinaryPrimitives.WriteInt16LittleEndian(b.AsSpan(44 + (((i * channels) + c) * 2)), (short)sample);
            }
        }

        return b;
    }

    /// <summary>One channel of a 16-bit stereo WAV as floats, or (-1) their mix.</summary>
    private static float[] Channel(byte[] wav, int channel)
    {
        var frames = (wav.Length - 44) / 4;
        var samples = new float[frames];
        for (var f = 0; f < frames; f++)
        {
            var left = BinaryPrimitives.ReadInt16LittleEndian(wav.AsSpan(44 + (f * 4))) / 32768f;
            var right = BinaryPrimitives.ReadInt16LittleEndian(wav.AsSpan(46 + (f * 4))) / 32768f;
            samples[f] = channel switch { 0 => left, 1 => right, _ => (left + right) / 2 };
        }

        return samples;
    }
}
