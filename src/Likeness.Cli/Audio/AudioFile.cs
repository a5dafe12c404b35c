using System.Buffers.Binary;
using System.Diagnostics;
using System.Text;

namespace Likeness.Cli.Audio;

/// <summary>Mono samples at full scale ±1 and their rate.</summary>
public sealed record AudioSamples(float[] Samples, int SampleRate)
{
    public double Seconds => (double)Samples.Length / SampleRate;
}

/// <summary>
/// Reads audio for the watermark detector. A WAV file (PCM 8/16/24/32-bit or 32/64-bit float, any number of channels,
/// averaged to mono) is read directly. Anything else is decoded by ffmpeg (Debian's <c>ffmpeg</c>) into a 32-bit float
/// mono WAV in a temporary file that only the user can read, deleted afterwards: the detector never sees the format.
/// </summary>
public static class AudioFile
{
    public static AudioSamples Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new CliException($"cannot read {path}: no such file");
        }

        if (IsWav(path))
        {
            return ReadWav(File.ReadAllBytes(path), path);
        }

        var temp = Path.Combine(Path.GetTempPath(), $"likeness-{Guid.NewGuid():N}.wav");
        try
        {
            using (File.Create(temp, 1, FileOptions.None))
            {
                // Created empty first so the decoded audio is never readable by others.
            }

            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            Decode(path, temp);
            return ReadWav(File.ReadAllBytes(temp), path);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private static bool IsWav(string path)
    {
        using var f = File.OpenRead(path);
        Span<byte> head = stackalloc byte[12];
        return f.Read(head) == 12 && head[..4].SequenceEqual("RIFF"u8) && head[8..12].SequenceEqual("WAVE"u8);
    }

    private static void Decode(string path, string wav)
    {
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in new[] { "-nostdin", "-v", "error", "-y", "-i", path, "-ac", "1", "-c:a", "pcm_f32le", "-f", "wav", wav })
        {
            start.ArgumentList.Add(a);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new CliException("cannot start ffmpeg");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new CliException($"{path} is not a WAV file, and ffmpeg (to decode it) is not installed");
        }

        using (process)
        {
            var errors = process.StandardError.ReadToEndAsync();
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new CliException($"ffmpeg cannot decode {path}: {errors.Result.Split('\n')[0].Trim()}");
            }
        }
    }

    /// <summary>Reads a RIFF WAVE file's format and data chunks.</summary>
    public static AudioSamples ReadWav(byte[] b, string name)
    {
        int rate = 0, bits = 0, channels = 0, format = 0;
        var pos = 12;
        while (pos + 8 <= b.Length)
        {
            var id = Encoding.ASCII.GetString(b, pos, 4);
            var length = (int)Math.Min(BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(pos + 4)), (uint)(b.Length - pos - 8));
            var body = b.AsSpan(pos + 8, length);
            if (id == "fmt " && length >= 16)
            {
                format = BinaryPrimitives.ReadUInt16LittleEndian(body);
                channels = BinaryPrimitives.ReadUInt16LittleEndian(body[2..]);
                rate = BinaryPrimitives.ReadInt32LittleEndian(body[4..]);
                bits = BinaryPrimitives.ReadUInt16LittleEndian(body[14..]);
                if (format == 0xFFFE && length >= 26)
                {
                    format = BinaryPrimitives.ReadUInt16LittleEndian(body[24..]); // WAVE_FORMAT_EXTENSIBLE: the sub-format's tag
                }
            }
            else if (id == "data")
            {
                return Samples(body, format, bits, channels, rate, name);
            }

            pos += 8 + length + (length & 1);
        }

        throw new CliException($"{name} is not a WAV file with audio data");
    }

    private static AudioSamples Samples(ReadOnlySpan<byte> data, int format, int bits, int channels, int rate, string name)
    {
        var size = bits / 8;
        if (channels < 1 || rate < 1 || !(format == 1 && size is 1 or 2 or 3 or 4) && !(format == 3 && size is 4 or 8))
        {
            throw new CliException($"{name}: WAV format {format} with {bits} bits is not read here; convert it with ffmpeg");
        }

        var frames = data.Length / (size * channels);
        var samples = new float[frames];
        for (var i = 0; i < frames; i++)
        {
            double sum = 0;
            for (var c = 0; c < channels; c++)
            {
                var s = data.Slice(((i * channels) + c) * size, size);
                sum += (format, size) switch
                {
                    (3, 4) => BinaryPrimitives.ReadSingleLittleEndian(s),
                    (3, _) => BinaryPrimitives.ReadDoubleLittleEndian(s),
                    (_, 1) => (s[0] - 128) / 128.0,
                    (_, 2) => BinaryPrimitives.ReadInt16LittleEndian(s) / 32768.0,
                    (_, 3) => ((s[0] << 8) | (s[1] << 16) | (s[2] << 24)) / 2147483648.0,
                    _ => BinaryPrimitives.ReadInt32LittleEndian(s) / 2147483648.0,
                };
            }

            samples[i] = (float)(sum / channels);
        }

        return new AudioSamples(samples, rate);
    }
}
