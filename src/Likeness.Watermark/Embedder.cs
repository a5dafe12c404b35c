namespace Likeness.Watermark;

/// <summary>
/// Puts a token into audio. The audio is brought to 8 kHz, and each group's projection (FeatureMap.Project) is moved to
/// the nearest lattice point of its bit by changing its cells' energies in proportion to their weights (the smallest
/// change, weighted, that does it), through gains on the short-time spectrum. Overlapping frames smear a change into
/// its neighbours, so the marked signal is analysed again and corrected (three passes in all). The watermark signal
/// (marked minus unmarked, 8 kHz, band-limited to 3.5 kHz) is brought back to the input's rate and added: everything
/// else in the input is left as it was.
/// </summary>
internal static class Embedder
{
    private const int Passes = 3;
    private const float MaxChange = 0.7f; // natural-log energy (3 dB): a cap for groups with little weight

    public static float[] Embed(ReadOnlySpan<float> samples, int sampleRate, WatermarkToken token)
    {
        var layout = MarkLayout.Instance;
        var x8 = sampleRate == Stft.Rate ? samples.ToArray() : new Resampler(sampleRate, Stft.Rate).Run(samples);
        var bits = layout.GroupBits(PayloadCode.Encode(token));
        var frames = Stft.FrameCount(x8.Length, 0);
        var mark = new float[x8.Length];
        if (frames >= MarkLayout.FramesPerBlock + 1)
        {
            var stft = new Stft();
            var current = new float[x8.Length];
            var energies = new float[frames * MarkLayout.Bands];
            var re = new float[frames * Stft.BandBins];
            var im = new float[frames * Stft.BandBins];
            var gains = new float[frames * Stft.BandBins];
            for (var pass = 0; pass < Passes; pass++)
            {
                for (var i = 0; i < x8.Length; i++)
                {
                    current[i] = x8[i] + mark[i];
                }

                stft.Analyze(current, 0, frames, energies, re, im);
                var features = new FeatureMap(energies, frames, MarkLayout.FramesPerColumn);
                Array.Fill(gains, 0f);
                PlanGains(layout, features, bits, frames, gains);
                for (var i = 0; i < gains.Length; i++)
                {
                    var g = MathF.Exp(gains[i] * 0.5f) - 1f;
                    re[i] *= g;
                    im[i] *= g;
                }

                stft.SynthesizeAdd(re, im, frames, mark);
            }
        }

        var output = samples.ToArray();
        var back = sampleRate == Stft.Rate ? mark : new Resampler(Stft.Rate, sampleRate).Run(mark);
        var n = Math.Min(back.Length, output.Length);
        for (var i = 0; i < n; i++)
        {
            output[i] += back[i];
        }

        return output;
    }

    /// <summary>Log-energy changes per frame and band bin (a cell's change applies to its 2 frames × 2 bins).</summary>
    private static void PlanGains(MarkLayout layout, FeatureMap features, bool[] bits, int frames, float[] gains)
    {
        for (var start = 0; start + MarkLayout.FramesPerBlock <= frames - 1; start += MarkLayout.FramesPerBlock)
        {
            var block = start / MarkLayout.FramesPerBlock % MarkLayout.BlocksPerPeriod;
            for (var g = 0; g < MarkLayout.GroupsPerBlock; g++)
            {
                var gi = (block * MarkLayout.GroupsPerBlock) + g;
                var (p, sw, sw2) = features.Project(layout, start, gi);
                if (sw < Lattice.MinWeight)
                {
                    continue;
                }

                var scale = Lattice.Move(p, layout.Dither[gi], bits[gi]) * sw / sw2;
                var first = gi * MarkLayout.CellsPerGroup;
                for (var c = first; c < first + MarkLayout.CellsPerGroup; c++)
                {
                    var t = start + (layout.Column[c] * MarkLayout.FramesPerColumn);
                    var band = layout.Band[c];
                    var w = features.Weight[(t * MarkLayout.Bands) + band];
                    if (w <= 0)
                    {
                        continue;
                    }

                    var change = Math.Clamp(layout.Chip[c] * w * scale, -MaxChange, MaxChange);
                    for (var f = t; f < t + MarkLayout.FramesPerColumn; f++)
                    {
                        var bin = (f * Stft.BandBins) + (band * MarkLayout.BinsPerBand);
                        gains[bin] += change;
                        gains[bin + 1] += change;
                    }
                }
            }
        }
    }
}
