using System.Buffers.Binary;

namespace Likeness.Client;

/// <summary>
/// A PCM WAV file's format and length, read from its RIFF chunks (<c>fmt </c> and <c>data</c>), so a render is
/// completed with the seconds actually produced, not the seconds asked for.
/// </summary>
public sealed record WavAudio(int SampleRate, int Channels, int BitsPerSample, long DataOffset, long DataBytes)
{
    /// <summary>The duration, rounded up to the millisecond (the gateway counts seconds with three decimals).</summary>
    public decimal Seconds
    {
        get
        {
            var frames = DataBytes / (Channels * (BitsPerSample / 8));
            var millis = ((frames * 1000) + SampleRate - 1) / SampleRate;
            return millis / 1000m;
        }
    }

    /// <summary>Reads the header of the WAV file at <paramref name="path"/>.</summary>
    /// <exception cref="ArgumentException">It is not a PCM WAV file.</exception>
    public static WavAudio Read(string path)
    {
        using var file = File.OpenRead(path);
        return Read(file, path);
    }

    /// <summary>Reads a WAV header from <paramref name="stream"/>; <paramref name="name"/> is used in the error.</summary>
    public static WavAudio Read(Stream stream, string name)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Span<byte> header = stackalloc byte[12];
        if (stream.ReadAtLeast(header, 12, throwOnEndOfStream: false) < 12 || !header[..4].SequenceEqual("RIFF"u8) || !header[8..12].SequenceEqual("WAVE"u8))
        {
            throw new ArgumentException($"{name} is not a WAV file (no RIFF/WAVE header): give its seconds.", nameof(stream));
        }

        int rate = 0, channels = 0, bits = 0;
        Span<byte> chunk = stackalloc byte[8];
        Span<byte> fmt = stackalloc byte[16];
        while (stream.ReadAtLeast(chunk, 8, throwOnEndOfStream: false) == 8)
        {
            var size = BinaryPrimitives.ReadUInt32LittleEndian(chunk[4..]);
            if (chunk[..4].SequenceEqual("fmt "u8) && size >= 16)
            {
                stream.ReadExactly(fmt);
                channels = BinaryPrimitives.ReadUInt16LittleEndian(fmt[2..]);
                rate = (int)BinaryPrimitives.ReadUInt32LittleEndian(fmt[4..]);
                bits = BinaryPrimitives.ReadUInt16LittleEndian(fmt[14..]);
                stream.Seek(size - 16 + (size & 1), SeekOrigin.Current);
            }
            else if (chunk[..4].SequenceEqual("data"u8))
            {
                if (rate <= 0 || channels <= 0 || bits is not (8 or 16 or 24 or 32))
                {
                    break;
                }

                // espeak-ng writing to a pipe leaves the size at its maximum: then the data runs to the end of the file.
                var bytes = Math.Min(size, stream.Length - stream.Position);
                return new WavAudio(rate, channels, bits, stream.Position, bytes);
            }
            else
            {
                stream.Seek(size + (size & 1), SeekOrigin.Current);
            }
        }

        throw new ArgumentException($"{name} has no PCM format and data chunks: give its seconds.", nameof(stream));
    }
}
