using System.Numerics;
using NWaves.Filters.Fda;
using NWaves.Windows;

namespace Likeness.Watermark;

/// <summary>
/// A rational polyphase resampler between any rate and the mark's 8 kHz. The low-pass prototype is NWaves' windowed-sinc
/// design (Hamming); cut-off 3.9 kHz with a 1 kHz transition, so nothing from 4.5 kHz up folds into the mark's band
/// (300–3,500 Hz). Each output sample is one dot product over the taps of its phase.
/// </summary>
internal sealed class Resampler
{
    private const double CutoffHz = 3900;
    private const double TransitionHz = 1000;

    private readonly int _up;
    private readonly int _down;
    private readonly int _taps;
    private readonly float[] _bank; // _up phases × _taps, each phase reversed so a dot product runs forwards over the input
    private readonly long _delay;
    private readonly double _ratio;

    public Resampler(int from, int to)
    {
        var g = Gcd(from, to);
        _up = to / g;
        _down = from / g;
        _ratio = (double)to / from;
        var prototypeRate = (double)from * _up;
        // Hamming: about 3.3 / transition (normalised) taps for ~53 dB of stop band; per phase that is 3.3 · from / transition.
        _taps = Math.Max(8, (int)Math.Ceiling(3.3 * from / TransitionHz));
        var length = (_taps * _up) + 1;
        var h = DesignFilter.FirWinLp(length, CutoffHz / prototypeRate, WindowType.Hamming);
        _bank = new float[_up * _taps];
        for (var p = 0; p < _up; p++)
        {
            for (var k = 0; k < _taps; k++)
            {
                var j = p + (k * _up);
                _bank[(p * _taps) + (_taps - 1 - k)] = j < h.Length ? (float)(h[j] * _up) : 0f;
            }
        }

        _delay = (length - 1) / 2;
    }

    public int OutputLength(int inputLength) => (int)Math.Floor(inputLength * _ratio);

    public float[] Run(ReadOnlySpan<float> input)
    {
        var output = new float[OutputLength(input.Length)];
        Span<float> window = stackalloc float[_taps];
        for (var n = 0; n < output.Length; n++)
        {
            var pos = ((long)n * _down) + _delay;
            var phase = (int)(pos % _up);
            var last = pos / _up; // input index of the newest tap
            var first = last - _taps + 1;
            var taps = _bank.AsSpan(phase * _taps, _taps);
            if (first >= 0 && last < input.Length)
            {
                output[n] = Dot(taps, input.Slice((int)first, _taps));
            }
            else
            {
                for (var k = 0; k < _taps; k++)
                {
                    var i = first + k;
                    window[k] = i >= 0 && i < input.Length ? input[(int)i] : 0f;
                }

                output[n] = Dot(taps, window);
            }
        }

        return output;
    }

    private static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = Vector<float>.Zero;
        var i = 0;
        for (; i <= a.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            sum += new Vector<float>(a[i..]) * new Vector<float>(b[i..]);
        }

        var total = Vector.Sum(sum);
        for (; i < a.Length; i++)
        {
            total += a[i] * b[i];
        }

        return total;
    }

    private static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);
}
