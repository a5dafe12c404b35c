namespace Likeness.Watermark;

/// <summary>
/// Where each bit lives. The time–frequency plane at 8 kHz is cut into cells of 2 bins (62.5 Hz) by 2 frames (32 ms),
/// 51 bands from 312.5 Hz to 3,500 Hz; 10 cell columns make a block (0.32 s) and 8 blocks a period (2.56 s) that
/// repeats for as long as the audio lasts. In each block a fixed pseudo-random permutation deals 496 of the 510 cells
/// into 31 groups of 16; each group carries one bit by spread-transform dither modulation (its weighted projection on
/// ±1 chips is moved onto a lattice). Groups 0–4 of each block are the synchronisation pattern (known bits); the other
/// 26 carry the 204 coded bits, interleaved so that consecutive coded bits lie in different blocks (a silent block
/// costs scattered bits the Viterbi decoder can repair, not a burst). The layout is public: the mark identifies
/// benign copies; it is not a secret against someone who studies it (docs/PROVENANCE.md).
/// </summary>
internal sealed class MarkLayout
{
    public const int Bands = 51;
    public const int FirstBin = 10;
    public const int BinsPerBand = 2;
    public const int FramesPerColumn = 2;
    public const int ColumnsPerBlock = 10;
    public const int FramesPerBlock = FramesPerColumn * ColumnsPerBlock;
    public const int BlocksPerPeriod = 8;
    public const int FramesPerPeriod = FramesPerBlock * BlocksPerPeriod;
    public const int CellsPerGroup = 16;
    public const int GroupsPerBlock = 31;
    public const int PilotGroupsPerBlock = 5;
    public const int DataGroupsPerBlock = GroupsPerBlock - PilotGroupsPerBlock;

    /// <summary>The lattice step of the projections, in natural-log energy units (0.14 ≈ 0.6 dB): the strength of the mark.</summary>
    public const float Step = 0.14f;

    private const ulong Seed = 0x4C696B656E657373; // "Likeness"

    public static readonly MarkLayout Instance = new();

    /// <summary>Per block, per group, per cell: the cell's column (0–9) and band (0–50).</summary>
    public readonly byte[] Column = new byte[BlocksPerPeriod * GroupsPerBlock * CellsPerGroup];
    public readonly byte[] Band = new byte[BlocksPerPeriod * GroupsPerBlock * CellsPerGroup];
    public readonly float[] Chip = new float[BlocksPerPeriod * GroupsPerBlock * CellsPerGroup];
    public readonly float[] Dither = new float[BlocksPerPeriod * GroupsPerBlock];

    /// <summary>Per block and group: the index of the coded bit it carries, or -1 for a known zero (pilot or spare).</summary>
    public readonly short[] CodedIndex = new short[BlocksPerPeriod * GroupsPerBlock];

    private MarkLayout()
    {
        var rng = new SplitMix64(Seed);
        Span<int> cells = stackalloc int[ColumnsPerBlock * Bands];
        for (var block = 0; block < BlocksPerPeriod; block++)
        {
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = i;
            }

            for (var i = cells.Length - 1; i > 0; i--)
            {
                var j = (int)rng.Below((ulong)(i + 1));
                (cells[i], cells[j]) = (cells[j], cells[i]);
            }

            for (var g = 0; g < GroupsPerBlock; g++)
            {
                var gi = (block * GroupsPerBlock) + g;
                Dither[gi] = (float)(rng.NextDouble() * Step);
                var slot = g < PilotGroupsPerBlock ? -1 : ((g - PilotGroupsPerBlock) * BlocksPerPeriod) + block;
                CodedIndex[gi] = (short)(slot >= 0 && slot < PayloadCode.CodedBits ? slot : -1);
                for (var c = 0; c < CellsPerGroup; c++)
                {
                    var cell = cells[(g * CellsPerGroup) + c];
                    var ci = (gi * CellsPerGroup) + c;
                    Column[ci] = (byte)(cell / Bands);
                    Band[ci] = (byte)(cell % Bands);
                    Chip[ci] = (rng.Next() & 1) == 0 ? 1f : -1f;
                }
            }
        }
    }

    /// <summary>The bit each group of a period carries for a token's coded bits (pilots and spares carry 0).</summary>
    public bool[] GroupBits(bool[] coded)
    {
        var bits = new bool[BlocksPerPeriod * GroupsPerBlock];
        for (var i = 0; i < bits.Length; i++)
        {
            bits[i] = CodedIndex[i] >= 0 && coded[CodedIndex[i]];
        }

        return bits;
    }

    /// <summary>SplitMix64: a fixed, portable sequence (System.Random's is not promised across runtimes).</summary>
    private struct SplitMix64(ulong state)
    {
        private ulong _state = state;

        public ulong Next()
        {
            var z = _state += 0x9E3779B97F4A7C15;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
            return z ^ (z >> 31);
        }

        public ulong Below(ulong n) => Next() % n;

        public double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));
    }
}
