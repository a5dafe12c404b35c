using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Likeness.Tests.Support;
using Likeness.Watermark;

namespace Likeness.Bench;

/// <summary>
/// <c>bench watermark</c>: the issue's goals table over a generated corpus (espeak-ng speech of many voices, languages,
/// speeds and lengths, some under noise or a tone), each clip marked with a seeded token and put through every ffmpeg
/// attack; then unmarked 3 s windows for false positives, and the speeds in CPU time of one thread (the machine is
/// shared, so wall time says little).
/// </summary>
public static class WatermarkHarness
{
    private static readonly string[] Attacks =
        ["clean", "mp3-128", "mp3-64", "opus-32", "aac-96", "resample", "gain-10", "gain+6", "white-20db", "pink-20db", "lowpass-5k", "speed+3", "speed-3"];

    public static async Task RunAsync(int clips, int windows, int seed)
    {
        using var corpus = new SpeechClips();
        var exact = new ConcurrentDictionary<string, int>();
        var wrong = new ConcurrentDictionary<string, int>();
        var snr = new ConcurrentBag<double>();
        var located = new ConcurrentDictionary<string, int>();
        double totalSeconds = 0;
        await Parallel.ForAsync(0, clips, new ParallelOptions { MaxDegreeOfParallelism = 2 }, (i, _) =>
        {
            var random = new Random(seed + i);
            var speech = Background(corpus.Speech(i, 1 + (i % 4)), i, random);
            var token = new WatermarkToken((ulong)random.NextInt64());
            var marked = AudioWatermark.Embed(speech, SpeechClips.Rate, token);
            lock (snr)
            {
                totalSeconds += (double)speech.Length / SpeechClips.Rate;
            }

            snr.Add(Snr(speech, marked));
            foreach (var attack in Attacks)
            {
                var attacked = corpus.Attack(marked, attack, seed + i);
                var report = AudioWatermark.Detect(attacked, SpeechClips.Rate);
                Count(exact, attack, report.Detections.Count > 0 && report.Detections.All(d => d.Token == token));
                Count(wrong, attack, report.Detections.Any(d => d.Token != token));
            }

            // Cropped at a random start and end (at least 3.5 s kept), and spliced between two unmarked clips.
            var keep = Math.Min(marked.Length, (int)(3.5 * SpeechClips.Rate));
            var start = random.Next(0, marked.Length - keep + 1);
            var end = random.Next(start + keep, marked.Length + 1);
            var cropped = AudioWatermark.Detect(marked.AsSpan(start, end - start), SpeechClips.Rate);
            Count(exact, "crop", cropped.Detections.Count > 0 && cropped.Detections.All(d => d.Token == token));
            Count(wrong, "crop", cropped.Detections.Any(d => d.Token != token));
            var before = corpus.Speech(10_000 + i, 1);
            var after = corpus.Speech(20_000 + i, 1);
            var spliced = before.Concat(marked).Concat(after).ToArray();
            var found = AudioWatermark.Detect(spliced, SpeechClips.Rate);
            var from = (double)before.Length / SpeechClips.Rate;
            var to = from + ((double)marked.Length / SpeechClips.Rate);
            Count(exact, "splice", found.Detections.Count > 0 && found.Detections.All(d => d.Token == token));
            Count(wrong, "splice", found.Detections.Any(d => d.Token != token));
            Count(located, "splice", found.Detections.Count(d => d.Token == token) == 1 &&
                found.Detections.Where(d => d.Token == token).All(d => Math.Abs(d.StartSeconds - from) <= 0.5 && Math.Abs(d.EndSeconds - to) <= 0.5));
            return ValueTask.CompletedTask;
        });

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"watermark: {clips} clips, {totalSeconds:0} s of speech, seed {seed}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  SNR: min {snr.Min():0.0} dB, median {Median(snr):0.0} dB, clips under 30 dB: {snr.Count(x => x < 30)}"));
        foreach (var attack in Attacks.Concat(["crop", "splice"]))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {attack,-11} exact {exact.GetValueOrDefault(attack)}/{clips} ({100.0 * exact.GetValueOrDefault(attack) / clips:0.0}%), wrong token {wrong.GetValueOrDefault(attack)}"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  splice located within 0.5 s: {located.GetValueOrDefault("splice")}/{clips}"));
        Speed(corpus, seed);
        FalsePositives(corpus, windows, seed);
    }

    /// <summary>Unmarked 3 s windows at 8 kHz: speech (sliding over unmarked clips), noise and tones. Any token or undecodable claim counts.</summary>
    private static void FalsePositives(SpeechClips corpus, int windows, int seed)
    {
        const int rate = 8_000;
        var pool = new List<float>();
        for (var i = 0; i < 40; i++)
        {
            var s = corpus.Speech(30_000 + i, 3);
            for (var j = 0; j < s.Length; j += 6)
            {
                pool.Add(s[j]);
            }
        }

        var speech = pool.ToArray();
        var detections = 0;
        var undecodable = 0;
        var cpu = Stopwatch.StartNew();
        Parallel.For(0, windows, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
        {
            var random = new Random(seed + i);
            float[] w;
            if (i % 2 == 0)
            {
                var start = (int)((long)i * 997 % (speech.Length - (3 * rate)));
                w = speech.AsSpan(start, 3 * rate).ToArray();
            }
            else
            {
                w = new float[3 * rate];
                var f0 = 60 + (random.NextDouble() * 2000);
                double state = 0;
                for (var k = 0; k < w.Length; k++)
                {
                    var white = (random.NextDouble() * 2) - 1;
                    state = (0.95 * state) + (0.05 * white);
                    w[k] = (float)((i / 2 % 3) switch { 0 => 0.1 * white, 1 => 0.4 * state, _ => 0.2 * Math.Sin(2 * Math.PI * f0 * k / rate) });
                }
            }

            var report = AudioWatermark.Detect(w, rate);
            Interlocked.Add(ref detections, report.Detections.Count);
            Interlocked.Add(ref undecodable, report.Undecodable.Count);
        });
        Console.WriteLine($"  false positives: {detections} tokens and {undecodable} undecodable claims in {windows} unmarked 3 s windows ({cpu.Elapsed.TotalSeconds:0} s)");
    }

    private static float[] Background(float[] speech, int i, Random random)
    {
        if (i % 5 < 3)
        {
            return speech;
        }

        double power = 0;
        foreach (var s in speech)
        {
            power += s * (double)s;
        }

        var level = Math.Sqrt(power / speech.Length) * 0.06; // about 25 dB below the speech
        var output = (float[])speech.Clone();
        double state = 0;
        for (var k = 0; k < output.Length; k++)
        {
            state = (0.97 * state) + (0.03 * ((random.NextDouble() * 2) - 1));
            output[k] += (float)(i % 5 == 3 ? level * 6 * state : level * 1.4 * Math.Sin(2 * Math.PI * 440 * k / SpeechClips.Rate));
        }

        return output;
    }

    private static double Snr(float[] clean, float[] marked)
    {
        double s = 0, n = 0;
        for (var k = 0; k < clean.Length; k++)
        {
            s += clean[k] * (double)clean[k];
            var d = marked[k] - (double)clean[k];
            n += d * d;
        }

        return 10 * Math.Log10(s / Math.Max(n, 1e-30));
    }

    private static void Count(ConcurrentDictionary<string, int> counts, string key, bool yes)
    {
        if (yes)
        {
            counts.AddOrUpdate(key, 1, (_, v) => v + 1);
        }
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted[sorted.Length / 2];
    }

    /// <summary>
    /// Embedding and detection of ten clips at 48 kHz, one after another on this thread, timed in the process's CPU time
    /// (the machine is shared: wall time would measure the other tenants).
    /// </summary>
    private static void Speed(SpeechClips corpus, int seed)
    {
        var clips = Enumerable.Range(0, 10).Select(i => corpus.Speech(40_000 + i, 3)).ToArray();
        AudioWatermark.Detect(AudioWatermark.Embed(clips[0], SpeechClips.Rate, new WatermarkToken(1)), SpeechClips.Rate); // compiled before timing
        var seconds = clips.Sum(c => (double)c.Length / SpeechClips.Rate);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var marked = clips.Select((c, i) => AudioWatermark.Embed(c, SpeechClips.Rate, new WatermarkToken((ulong)(seed + i)))).ToArray();
        var embed = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var found = marked.Count(m => AudioWatermark.Detect(m, SpeechClips.Rate).Detections.Count > 0);
        var detect = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  speed (CPU time, {seconds:0} s of 48 kHz speech): embedding {seconds / embed:0}x real time, detection {seconds / detect:0}x real time ({found}/10 found)"));
    }
}
