using Likeness.Tests.Support;
using Likeness.Watermark;
using Xunit;

namespace Likeness.Tests.Watermark;

/// <summary>
/// No false positives: 2,000 unmarked 3 s windows (speech in many voices, white and pink noise, tones and chords) give
/// no token and no "undecodable" claim. The 100,000-window run is the benchmark's (bench watermark).
/// </summary>
public sealed class UnmarkedAudioTests
{
    private const int Seed = 4_242;
    private const int Rate = 8_000; // the detector's own rate: no resampling, so 2,000 windows stay quick
    private const int Window = 3 * Rate;

    [Fact]
    public async Task Two_thousand_unmarked_windows_give_no_detection()
    {
        using var clips = new SpeechClips();
        var speech = new List<float>();
        for (var i = 0; i < 24; i++)
        {
            var s = clips.Speech(500 + i);
            for (var j = 0; j < s.Length; j += 6)
            {
                speech.Add(s[j]); // 48 kHz to 8 kHz: espeak's speech has nothing above 4 kHz worth aliasing here
            }
        }

        var random = new Random(Seed);
        var windows = new List<float[]>();
        var pool = speech.ToArray();
        for (var start = 0; windows.Count < 1_200 && start + Window <= pool.Length; start += Rate / 4)
        {
            windows.Add(pool.AsSpan(start, Window).ToArray());
        }

        while (windows.Count < 2_000)
        {
            windows.Add(Synthetic(random, windows.Count % 4));
        }

        var found = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Parallel.ForAsync(0, windows.Count, new ParallelOptions { MaxDegreeOfParallelism = 2 }, (i, _) =>
        {
            var report = AudioWatermark.Detect(windows[i], Rate);
            if (report.Detections.Count > 0 || report.Undecodable.Count > 0)
            {
                found.Add($"window {i}: {string.Join(", ", report.Detections.Select(d => d.Token))} {report.Undecodable.Count} undecodable");
            }

            return ValueTask.CompletedTask;
        });
        Assert.True(found.IsEmpty, $"seed {Seed}: {string.Join("; ", found)}");
    }

    /// <summary>White noise, pink-ish noise (white through a one-pole low-pass), a tone, or a chord with vibrato.</summary>
    private static float[] Synthetic(Random random, int kind)
    {
        var w = new float[Window];
        var level = 0.01 + (random.NextDouble() * 0.3);
        double state = 0;
        var f0 = 80 + (random.NextDouble() * 900);
        for (var i = 0; i < w.Length; i++)
        {
            var white = (random.NextDouble() * 2) - 1;
            state = (0.95 * state) + (0.05 * white);
            var t = (double)i / Rate;
            w[i] = (float)(level * kind switch
            {
                0 => white,
                1 => state * 4,
                2 => Math.Sin(2 * Math.PI * f0 * t),
                _ => (Math.Sin(2 * Math.PI * f0 * t * (1 + (0.01 * Math.Sin(2 * Math.PI * 5 * t)))) + Math.Sin(2 * Math.PI * f0 * 1.5 * t) + Math.Sin(2 * Math.PI * f0 * 2 * t)) / 3,
            });
        }

        return w;
    }
}
