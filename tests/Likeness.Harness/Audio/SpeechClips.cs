using System.Diagnostics;
using System.Globalization;
using Likeness.Cli.Audio;

namespace Likeness.Tests.Support;

/// <summary>
/// Real speech and real encoders for the watermark's tests: clips from espeak-ng (voices, languages, speeds) at 48 kHz,
/// and the attacks as ffmpeg runs them. Everything lives in one temporary folder per fixture.
/// </summary>
public sealed class SpeechClips : IDisposable
{
    public const int Rate = 48_000;

    private static readonly string[] Voices = ["en-us", "en-gb", "fr", "de", "es", "it", "pt", "nl", "sv", "pl", "cs", "fi"];

    private static readonly string[] Sentences =
    [
        "Every licence names the performer, the studio and the terms under which a voice may be rendered.",
        "The quick brown fox jumps over the lazy dog while the band plays a slow tune in the park.",
        "A watermark should survive the codecs that platforms use, and the cropping editors do every day.",
        "Royalties are counted to the cent, from the record of each render and the splits in force.",
        "She read the contract twice before she signed it, then asked for a copy of every clause.",
    ];

    public string Dir { get; } = Directory.CreateTempSubdirectory("likeness-watermark-").FullName;

    /// <summary>Speech clip <paramref name="index"/>: its voice, speed and sentence follow from the index (a fixed corpus).</summary>
    public float[] Speech(int index) => Speech(index, 2);

    /// <summary>Speech clip <paramref name="index"/> of <paramref name="sentences"/> sentences (about 3.5 s each).</summary>
    public float[] Speech(int index, int sentences)
    {
        var raw = Path.Combine(Dir, $"raw{index}.wav");
        var voice = Voices[index % Voices.Length];
        var speed = (130 + (index * 17 % 70)).ToString(CultureInfo.InvariantCulture);
        var text = string.Join(' ', Enumerable.Range(0, sentences).Select(k => Sentences[(index + (2 * k)) % Sentences.Length]));
        Tool("espeak-ng", "-v", voice, "-s", speed, "-w", raw, text);
        return Load(Tool48(raw, $"speech{index}.wav"));
    }

    /// <summary>The marked audio after an attack, read back at 48 kHz mono (ffmpeg's encoders and filters).</summary>
    public float[] Attack(float[] marked, string attack, int seed)
    {
        if (attack == "clean")
        {
            return (float[])marked.Clone();
        }

        var name = $"{attack}-{seed}";
        var input = Path.Combine(Dir, name + "-in.wav");
        Write(input, marked);
        var output = Path.Combine(Dir, name + "-out.wav");
        switch (attack)
        {
            case "mp3-128" or "mp3-64":
                Encode(input, output, name + ".mp3", "libmp3lame", attack[4..] + "k");
                break;
            case "opus-32":
                Encode(input, output, name + ".opus", "libopus", "32k");
                break;
            case "aac-96":
                Encode(input, output, name + ".m4a", "aac", "96k");
                break;
            case "resample":
                Tool("ffmpeg", "-nostdin", "-v", "error", "-y", "-i", input, "-af", "aresample=16000,aresample=48000", "-c:a", "pcm_f32le", output);
                break;
            case "gain-10":
                Tool("ffmpeg", "-nostdin", "-v", "error", "-y", "-i", input, "-af", "volume=-10dB", "-c:a", "pcm_f32le", output);
                break;
            case "gain+6":
                Tool("ffmpeg", "-nostdin", "-v", "error", "-y", "-i", input, "-af", "volume=6dB", "-c:a", "pcm_f32le", output);
                break;
            case "speed+3" or "speed-3":
                var factor = attack[5] == '+' ? "1.03" : "0.97";
                Tool("ffmpeg", "-nostdin", "-v", "error", "-y", "-i", input, "-af", $"asetrate=48000*{factor},aresample=48000", "-c:a", "pcm_f32le", output);
                break;
            case "lowpass-5k":
                Tool("ffmpeg", "-nostdin", "-v", "error", "-y", "-i", input, "-af", "lowpass=f=5000:poles=2", "-c:a", "pcm_f32le", output);
                break;
            case "white-20db" or "pink-20db":
                return Noisy(marked, attack.StartsWith("pink", StringComparison.Ordinal), seed);
            default:
                throw new ArgumentOutOfRangeException(nameof(attack), attack, "not an attack");
        }

        var back = Load(output);
        File.Delete(input);
        File.Delete(output);
        return back;
    }

    /// <summary>Noise at 20 dB below the clip's mean power, from ffmpeg's anoisesrc (white or pink), seeded.</summary>
    private float[] Noisy(float[] marked, bool pink, int seed)
    {
        var noiseFile = Path.Combine(Dir, $"noise-{seed}.wav");
        var seconds = ((double)marked.Length / Rate).ToString("0.000", CultureInfo.InvariantCulture);
        Tool("ffmpeg", "-nostdin", "-v", "error", "-y", "-f", "lavfi", "-i", $"anoisesrc=color={(pink ? "pink" : "white")}:seed={seed}:sample_rate={Rate}:duration={seconds}",
            "-c:a", "pcm_f32le", noiseFile);
        var noise = Load(noiseFile);
        File.Delete(noiseFile);
        double signal = 0, power = 0;
        var n = Math.Min(noise.Length, marked.Length);
        for (var i = 0; i < n; i++)
        {
            signal += marked[i] * (double)marked[i];
            power += noise[i] * (double)noise[i];
        }

        var scale = Math.Sqrt(signal / 100 / Math.Max(power, 1e-20));
        var output = (float[])marked.Clone();
        for (var i = 0; i < n; i++)
        {
            output[i] += (float)(noise[i] * scale);
        }

        return output;
    }

    /// <summary>Encodes a WAV file to MP3 at 128 kbps beside it.</summary>
    public static string ToMp3(string wav)
    {
        var mp3 = Path.ChangeExtension(wav, ".mp3");
        Tool("ffmpeg", "-nostdin", "-v", "error", "-y", "-i", wav, "-c:a", "libmp3lame", "-b:a", "128k", mp3);
        return mp3;
    }

    private void Encode(string input, string output, string coded, string codec, string bitrate)
    {
        var path = Path.Combine(Dir, coded);
        Tool("ffmpeg", "-nostdin", "-v", "error", "-y", "-i", input, "-c:a", codec, "-b:a", bitrate, path);
        Tool("ffmpeg", "-nostdin", "-v", "error", "-y", "-i", path, "-ar", "48000", "-ac", "1", "-c:a", "pcm_f32le", output);
        File.Delete(path);
    }

    private string Tool48(string input, string name)
    {
        var output = Path.Combine(Dir, name);
        Tool("ffmpeg", "-nostdin", "-v", "error", "-y", "-i", input, "-ar", "48000", "-ac", "1", "-c:a", "pcm_f32le", output);
        File.Delete(input);
        return output;
    }

    public static float[] Load(string path)
    {
        var audio = AudioFile.ReadWav(File.ReadAllBytes(path), path);
        return audio.Samples;
    }

    /// <summary>Writes mono 32-bit float WAV at 48 kHz.</summary>
    public static void Write(string path, float[] samples)
    {
        using var w = new BinaryWriter(File.Create(path));
        w.Write("RIFF"u8);
        w.Write(36 + (samples.Length * 4));
        w.Write("WAVEfmt "u8);
        w.Write(16);
        w.Write((short)3);
        w.Write((short)1);
        w.Write(Rate);
        w.Write(Rate * 4);
        w.Write((short)4);
        w.Write((short)32);
        w.Write("data"u8);
        w.Write(samples.Length * 4);
        foreach (var s in samples)
        {
            w.Write(s);
        }
    }

    private static void Tool(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var p = Process.Start(start)!;
        var err = p.StandardError.ReadToEndAsync();
        p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed: {err.Result}");
        }
    }

    public void Dispose() => Directory.Delete(Dir, recursive: true);
}
