namespace Likeness.Watermark;

/// <summary>
/// What the mark is read from, per cell (a column of two frames starting at any frame t, and a band): the log of the
/// cell's energy over the mean energy of the 6 bands around it in the same column (a local contrast: a gain, a slow
/// level change or a smooth equaliser, which codecs and resamplers apply, cancels out; the mean of energies, not of
/// logs, so quiet neighbours that noise lifts hardly move it), and a weight that says how much the cell can carry: 1
/// within 6 dB of the column's loudest band, falling to 0 at 20 dB below it, and 0 in silence. The weight is
/// the loudness shaping: the embedder changes a cell in proportion to its weight, multiplicatively, so the mark sits
/// under the speech's own harmonics and nowhere else.
/// </summary>
internal sealed class FeatureMap
{
    public const int Neighbourhood = 3;

    private const float Range = 4.6f; // a cell 20 dB below its column's loudest band carries nothing
    private const float Full = 1.4f;  // one within 6 dB of it carries fully

    /// <summary>A floor under every cell, 40 dB below its column's loudest: relative, so a gain changes nothing.</summary>
    private const float Relative = 1e-4f;

    /// <summary>An absolute floor far below any sound (digital silence, dither): a column near it carries nothing.</summary>
    private const float Silence = 1e-9f;

    public int Columns { get; }

    public float[] Contrast { get; }

    public float[] Weight { get; }

    public FeatureMap(ReadOnlySpan<float> energies, int frames, int columnStep)
    {
        Columns = Math.Max(0, frames - 1);
        Contrast = new float[Columns * MarkLayout.Bands];
        Weight = new float[Columns * MarkLayout.Bands];
        Span<float> e = stackalloc float[MarkLayout.Bands];
        for (var t = 0; t < Columns; t += columnStep)
        {
            var a = energies.Slice(t * MarkLayout.Bands, MarkLayout.Bands);
            var b2 = energies.Slice((t + 1) * MarkLayout.Bands, MarkLayout.Bands);
            var max = 0f;
            for (var b = 0; b < MarkLayout.Bands; b++)
            {
                e[b] = a[b] + b2[b];
                max = MathF.Max(max, e[b]);
            }

            var loud = Math.Clamp(MathF.Log((max / Silence) + 1f) / Full, 0f, 1f);
            var floor = (max * Relative) + Silence;
            var row = t * MarkLayout.Bands;
            for (var b = 0; b < MarkLayout.Bands; b++)
            {
                var lo = Math.Max(0, b - Neighbourhood);
                var hi = Math.Min(MarkLayout.Bands - 1, b + Neighbourhood);
                var sum = 0f;
                for (var j = lo; j <= hi; j++)
                {
                    sum += j == b ? 0f : e[j];
                }

                Contrast[row + b] = MathF.Log((e[b] + floor) / ((sum / (hi - lo)) + floor));
                Weight[row + b] = loud * Math.Clamp((MathF.Log((e[b] + floor) / max) + Range) / (Range - Full), 0f, 1f);
            }
        }
    }

    /// <summary>
    /// One group's projection on its chips (the weighted mean of chip × contrast over its 16 cells) for a block starting at
    /// column-start frame <paramref name="start"/>, with the sum of its cells' weights and of their squares.
    /// </summary>
    public (float Projection, float WeightSum, float WeightSquares) Project(MarkLayout layout, int start, int groupIndex)
    {
        float num = 0, sw = 0, sw2 = 0;
        var first = groupIndex * MarkLayout.CellsPerGroup;
        for (var c = first; c < first + MarkLayout.CellsPerGroup; c++)
        {
            var i = ((start + (layout.Column[c] * MarkLayout.FramesPerColumn)) * MarkLayout.Bands) + layout.Band[c];
            var w = Weight[i];
            num += layout.Chip[c] * w * Contrast[i];
            sw += w;
            sw2 += w * w;
        }

        return (sw > 0 ? num / sw : 0, sw, sw2);
    }
}
