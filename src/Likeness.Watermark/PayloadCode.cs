namespace Likeness.Watermark;

/// <summary>
/// The payload's error-correcting code: 64 token bits and their CRC-32 (96 bits), a convolutional code of rate 1/2 and
/// constraint length 7 (generators 171 and 133 octal, the NASA/802.11 code) terminated by 6 zero bits: 204 coded bits.
/// Decoding is soft Viterbi; the CRC then decides between a token and "undecodable".
/// </summary>
internal static class PayloadCode
{
    public const int InfoBits = 96;
    public const int CodedBits = (InfoBits + 6) * 2;
    private const int States = 64;
    private const int G1 = 0x79; // 171 octal
    private const int G2 = 0x5B; // 133 octal

    public static bool[] Encode(WatermarkToken token)
    {
        var info = InfoOf(token);
        var coded = new bool[CodedBits];
        var state = 0;
        for (var i = 0; i < InfoBits + 6; i++)
        {
            var bit = i < InfoBits && info[i] ? 1 : 0;
            var reg = (bit << 6) | state;
            coded[2 * i] = Parity(reg & G1);
            coded[(2 * i) + 1] = Parity(reg & G2);
            state = reg >> 1;
        }

        return coded;
    }

    /// <summary>Decodes soft values (positive means bit 0, zero an erasure). Null when the CRC does not hold.</summary>
    public static WatermarkToken? Decode(ReadOnlySpan<float> soft)
    {
        var steps = InfoBits + 6;
        Span<float> metric = stackalloc float[States];
        Span<float> next = stackalloc float[States];
        var from = new byte[steps * States];
        metric.Fill(float.NegativeInfinity);
        metric[0] = 0;
        for (var i = 0; i < steps; i++)
        {
            next.Fill(float.NegativeInfinity);
            var s0 = soft[2 * i];
            var s1 = soft[(2 * i) + 1];
            var maxBit = i < InfoBits ? 1 : 0;
            for (var state = 0; state < States; state++)
            {
                var m = metric[state];
                if (float.IsNegativeInfinity(m))
                {
                    continue;
                }

                for (var bit = 0; bit <= maxBit; bit++)
                {
                    var reg = (bit << 6) | state;
                    var branch = (Parity(reg & G1) ? -s0 : s0) + (Parity(reg & G2) ? -s1 : s1);
                    var to = reg >> 1;
                    if (m + branch > next[to])
                    {
                        next[to] = m + branch;
                        from[(i * States) + to] = (byte)state;
                    }
                }
            }

            next.CopyTo(metric);
        }

        // Terminated: the path ends in state 0. Walk back; the input bit of each step is the top bit of the state it entered.
        var info = new bool[InfoBits];
        var st = 0;
        for (var i = steps - 1; i >= 0; i--)
        {
            if (i < InfoBits)
            {
                info[i] = (st & 0x20) != 0;
            }

            st = from[(i * States) + st];
        }

        ulong value = 0;
        uint crc = 0;
        for (var i = 0; i < 64; i++)
        {
            value = (value << 1) | (info[i] ? 1UL : 0);
        }

        for (var i = 64; i < InfoBits; i++)
        {
            crc = (crc << 1) | (info[i] ? 1u : 0);
        }

        return Crc32.Of(value) == crc ? new WatermarkToken(value) : null;
    }

    private static bool[] InfoOf(WatermarkToken token)
    {
        var info = new bool[InfoBits];
        var crc = Crc32.Of(token.Value);
        for (var i = 0; i < 64; i++)
        {
            info[i] = ((token.Value >> (63 - i)) & 1) != 0;
        }

        for (var i = 0; i < 32; i++)
        {
            info[64 + i] = ((crc >> (31 - i)) & 1) != 0;
        }

        return info;
    }

    private static bool Parity(int v) => (System.Numerics.BitOperations.PopCount((uint)v) & 1) != 0;
}
