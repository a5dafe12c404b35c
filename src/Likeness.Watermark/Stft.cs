using NWaves.Transforms;

namespace Likeness.Watermark;

/// <summary>
/// The short-time spectrum the mark lives in: 8 kHz, frames of 256 samples (32 ms) every 128, square-root Hann windows
/// on analysis and synthesis (their product sums to one at this overlap, so an unmodified spectrum resynthesises the
/// signal). Keeps only the bins of the mark's bands. One instance per thread: it owns its FFT buffers.
/// </summary>
internal sealed class Stft
{
    public const int Rate = 8000;
    public const int FrameLength = 256;
    public const int Hop = 128;
    public const int BandBins = MarkLayout.Bands * MarkLayout.BinsPerBand;

    private static readonly float[] Window = BuildWindow();
    private readonly RealFft _fft = new(FrameLength);
    private readonly float[] _frame = new float[FrameLength];
    private readonly float[] _re = new float[FrameLength];
    private readonly float[] _im = new float[FrameLength];

    public static int FrameCount(int length, int offset) =>
        length - offset >= FrameLength ? ((length - offset - FrameLength) / Hop) + 1 : 0;

    /// <summary>Band energies (frames × bands) and, when asked, the band bins' spectra (frames × band bins).</summary>
    public void Analyze(ReadOnlySpan<float> x, int offset, int frames, Span<float> energies, Span<float> re, Span<float> im)
    {
        var keep = !re.IsEmpty;
        for (var t = 0; t < frames; t++)
        {
            var start = offset + (t * Hop);
            for (var i = 0; i < FrameLength; i++)
            {
                _frame[i] = x[start + i] * Window[i];
            }

            _fft.Direct(_frame, _re, _im);
            var e = energies.Slice(t * MarkLayout.Bands, MarkLayout.Bands);
            for (var b = 0; b < MarkLayout.Bands; b++)
            {
                var k = MarkLayout.FirstBin + (b * MarkLayout.BinsPerBand);
                e[b] = (_re[k] * _re[k]) + (_im[k] * _im[k]) + (_re[k + 1] * _re[k + 1]) + (_im[k + 1] * _im[k + 1]);
            }

            if (keep)
            {
                _re.AsSpan(MarkLayout.FirstBin, BandBins).CopyTo(re.Slice(t * BandBins, BandBins));
                _im.AsSpan(MarkLayout.FirstBin, BandBins).CopyTo(im.Slice(t * BandBins, BandBins));
            }
        }
    }

    /// <summary>Adds the signal of band-bin spectra (frames × band bins, zero elsewhere) into <paramref name="into"/> by overlap-add.</summary>
    public void SynthesizeAdd(ReadOnlySpan<float> re, ReadOnlySpan<float> im, int frames, Span<float> into)
    {
        const float scale = 1f / FrameLength; // NWaves' inverse is not normalised
        for (var t = 0; t < frames; t++)
        {
            Array.Clear(_re);
            Array.Clear(_im);
            re.Slice(t * BandBins, BandBins).CopyTo(_re.AsSpan(MarkLayout.FirstBin));
            im.Slice(t * BandBins, BandBins).CopyTo(_im.AsSpan(MarkLayout.FirstBin));
            _fft.Inverse(_re, _im, _frame);
            var start = t * Hop;
            for (var i = 0; i < FrameLength; i++)
            {
                into[start + i] += _frame[i] * Window[i] * scale;
            }
        }
    }

    private static float[] BuildWindow()
    {
        var w = new float[FrameLength];
        for (var i = 0; i < FrameLength; i++)
        {
            w[i] = (float)Math.Sqrt(0.5 - (0.5 * Math.Cos(2 * Math.PI * i / FrameLength)));
        }

        return w;
    }
}
