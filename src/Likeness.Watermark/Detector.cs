namespace Likeness.Watermark;

/// <summary>
/// Finds tokens in audio of any length. At 8 kHz, for 32 frame offsets (every 0.5 ms of the 16 ms hop), it scores the
/// synchronisation pattern of every block start and block index (the pilots' soft values summed), then every window of
/// 8 consecutive blocks (one period, 2.56 s, in any cyclic order, so any 3 s of marked audio holds one). A window's
/// score is a z-score: under no mark each pilot's soft value has mean 0 and variance 1/2. The best window in each
/// stretch of one period (non-maximum suppression) whose score passes <see cref="SyncThreshold"/> is decoded (at most
/// two attempts per stretch); the CRC-32 decides. A token is then located by scoring every block along its
/// alignment against its full pattern.
/// </summary>
internal static class Detector
{
    public const int Offsets = 32;
    public const float SyncThreshold = 4f;
    public const float UndecodableThreshold = 6.5f;
    private const float BlockThreshold = 2f;
    private const int MinActivePilots = 12;

    public static WatermarkReport Detect(ReadOnlySpan<float> samples, int sampleRate)
    {
        var layout = MarkLayout.Instance;
        var x8 = sampleRate == Stft.Rate ? samples.ToArray() : new Resampler(sampleRate, Stft.Rate).Run(samples);
        var maps = new FeatureMap[Offsets];
        var stft = new Stft();
        for (var o = 0; o < Offsets; o++)
        {
            var frames = Stft.FrameCount(x8.Length, OffsetSamples(o));
            var energies = new float[frames * MarkLayout.Bands];
            stft.Analyze(x8, OffsetSamples(o), frames, energies, [], []);
            maps[o] = new FeatureMap(energies, frames, 1);
        }

        var candidates = SyncCandidates(layout, maps);
        var detections = new List<WatermarkDetection>();
        var undecodable = new List<UndecodableSpan>();
        foreach (var stretch in Stretches(candidates))
        {
            // Two attempts per stretch: its best window alone, then every block along that window's alignment whose
            // pilots agree, summed (a clip longer than one period repeats the payload: more evidence).
            var used = stretch[0];
            var token = PayloadCode.Decode(DataSoft(layout, maps[used.Offset], used, single: true))
                ?? PayloadCode.Decode(DataSoft(layout, maps[used.Offset], used, single: false));
            if (token is { } found)
            {
                detections.Add(Locate(layout, maps[used.Offset], used, found));
            }
            else if (stretch[0].Score >= UndecodableThreshold)
            {
                var start = Seconds(stretch[0].Offset, stretch[0].Start);
                undecodable.Add(new UndecodableSpan(start, start + PeriodSeconds, stretch[0].Score));
            }
        }

        return new WatermarkReport(Merge(detections), undecodable);
    }

    private const double PeriodSeconds = (double)MarkLayout.FramesPerPeriod * Stft.Hop / Stft.Rate;

    private static int OffsetSamples(int o) => o * Stft.Hop / Offsets;

    private static double Seconds(int offset, int frame) => (OffsetSamples(offset) + ((double)frame * Stft.Hop)) / Stft.Rate;

    private readonly record struct Candidate(int Offset, int Start, int Block, float Score);

    /// <summary>For each window start, its best offset and block index, when its score passes the threshold.</summary>
    private static List<Candidate> SyncCandidates(MarkLayout layout, FeatureMap[] maps)
    {
        var found = new List<Candidate>();
        for (var o = 0; o < Offsets; o++)
        {
            var map = maps[o];
            var blockStarts = map.Columns - ((MarkLayout.ColumnsPerBlock - 1) * MarkLayout.FramesPerColumn);
            if (blockStarts <= 0)
            {
                continue;
            }

            // Pilot score and count of active pilots per block start and block index.
            var score = new float[blockStarts * MarkLayout.BlocksPerPeriod];
            var active = new byte[blockStarts * MarkLayout.BlocksPerPeriod];
            for (var s = 0; s < blockStarts; s++)
            {
                for (var k = 0; k < MarkLayout.BlocksPerPeriod; k++)
                {
                    float sum = 0;
                    byte n = 0;
                    for (var g = 0; g < MarkLayout.PilotGroupsPerBlock; g++)
                    {
                        var gi = (k * MarkLayout.GroupsPerBlock) + g;
                        var (p, sw, _) = map.Project(layout, s, gi);
                        if (sw >= Lattice.MinWeight)
                        {
                            sum += Lattice.Soft(p, layout.Dither[gi]);
                            n++;
                        }
                    }

                    score[(s * MarkLayout.BlocksPerPeriod) + k] = sum;
                    active[(s * MarkLayout.BlocksPerPeriod) + k] = n;
                }
            }

            var windowStarts = blockStarts - ((MarkLayout.BlocksPerPeriod - 1) * MarkLayout.FramesPerBlock);
            for (var s = 0; s < windowStarts; s++)
            {
                for (var k = 0; k < MarkLayout.BlocksPerPeriod; k++)
                {
                    float sum = 0;
                    var n = 0;
                    for (var i = 0; i < MarkLayout.BlocksPerPeriod; i++)
                    {
                        var at = ((s + (i * MarkLayout.FramesPerBlock)) * MarkLayout.BlocksPerPeriod) + ((k + i) % MarkLayout.BlocksPerPeriod);
                        sum += score[at];
                        n += active[at];
                    }

                    if (n >= MinActivePilots)
                    {
                        var z = sum / MathF.Sqrt(n / 2f);
                        if (z >= SyncThreshold)
                        {
                            found.Add(new Candidate(o, s, k, z));
                        }
                    }
                }
            }
        }

        return found;
    }

    /// <summary>
    /// Non-maximum suppression in time: the best candidate, then the best further than one period from every stretch
    /// kept so far. Each stretch lists its own candidates best first, for the decode attempts. Windows of two kept
    /// stretches start at least one period apart, so a 3 s window of audio meets at most two stretches.
    /// </summary>
    private static List<List<Candidate>> Stretches(List<Candidate> candidates)
    {
        candidates.Sort((a, b) => b.Score.CompareTo(a.Score));
        var stretches = new List<List<Candidate>>();
        foreach (var c in candidates)
        {
            var near = stretches.FirstOrDefault(st => Math.Abs(Seconds(st[0].Offset, st[0].Start) - Seconds(c.Offset, c.Start)) < PeriodSeconds);
            if (near is null)
            {
                stretches.Add([c]);
            }
        }

        return stretches;
    }

    private static float[] DataSoft(MarkLayout layout, FeatureMap map, Candidate at, bool single)
    {
        var soft = new float[PayloadCode.CodedBits];
        var blockStarts = map.Columns - ((MarkLayout.ColumnsPerBlock - 1) * MarkLayout.FramesPerColumn);
        var first = single ? 0 : -(at.Start / MarkLayout.FramesPerBlock);
        var last = single ? MarkLayout.BlocksPerPeriod - 1 : (blockStarts - 1 - at.Start) / MarkLayout.FramesPerBlock;
        for (var i = first; i <= last; i++)
        {
            var start = at.Start + (i * MarkLayout.FramesPerBlock);
            var block = (((at.Block + i) % MarkLayout.BlocksPerPeriod) + MarkLayout.BlocksPerPeriod) % MarkLayout.BlocksPerPeriod;
            if (!single && PilotAgreement(layout, map, start, block) < 1f)
            {
                continue;
            }

            for (var g = MarkLayout.PilotGroupsPerBlock; g < MarkLayout.GroupsPerBlock; g++)
            {
                var gi = (block * MarkLayout.GroupsPerBlock) + g;
                var index = layout.CodedIndex[gi];
                if (index < 0)
                {
                    continue;
                }

                var (p, sw, _) = map.Project(layout, start, gi);
                soft[index] += sw >= Lattice.MinWeight ? Lattice.Soft(p, layout.Dither[gi]) : 0f;
            }
        }

        return soft;
    }

    private static float PilotAgreement(MarkLayout layout, FeatureMap map, int start, int block)
    {
        float sum = 0;
        for (var g = 0; g < MarkLayout.PilotGroupsPerBlock; g++)
        {
            var gi = (block * MarkLayout.GroupsPerBlock) + g;
            var (p, sw, _) = map.Project(layout, start, gi);
            sum += sw >= Lattice.MinWeight ? Lattice.Soft(p, layout.Dither[gi]) : 0f;
        }

        return sum;
    }

    /// <summary>
    /// Scores every block along the found alignment against the token's whole pattern and takes the run of blocks
    /// around the decoded window that agree (silent blocks, with no evidence either way, do not end the run but are
    /// trimmed from its ends). The ends are widened by half a block: the true edge lies in the partial block beyond.
    /// </summary>
    private static WatermarkDetection Locate(MarkLayout layout, FeatureMap map, Candidate at, WatermarkToken token)
    {
        var bits = layout.GroupBits(PayloadCode.Encode(token));
        var blockStarts = map.Columns - ((MarkLayout.ColumnsPerBlock - 1) * MarkLayout.FramesPerColumn);
        var firstIndex = -(at.Start / MarkLayout.FramesPerBlock);
        var lastIndex = (blockStarts - 1 - at.Start) / MarkLayout.FramesPerBlock;
        var state = new int[lastIndex - firstIndex + 1]; // 1 agrees, 0 silent, -1 disagrees
        float agree = 0;
        var counted = 0;
        for (var i = firstIndex; i <= lastIndex; i++)
        {
            var start = at.Start + (i * MarkLayout.FramesPerBlock);
            var block = (((at.Block + i) % MarkLayout.BlocksPerPeriod) + MarkLayout.BlocksPerPeriod) % MarkLayout.BlocksPerPeriod;
            float sum = 0;
            var n = 0;
            for (var g = 0; g < MarkLayout.GroupsPerBlock; g++)
            {
                var gi = (block * MarkLayout.GroupsPerBlock) + g;
                var (p, sw, _) = map.Project(layout, start, gi);
                if (sw >= Lattice.MinWeight)
                {
                    var soft = Lattice.Soft(p, layout.Dither[gi]);
                    sum += bits[gi] ? -soft : soft;
                    n++;
                }
            }

            var inWindow = i >= 0 && i < MarkLayout.BlocksPerPeriod;
            state[i - firstIndex] = n < 4 ? 0 : sum / MathF.Sqrt(n / 2f) >= BlockThreshold || inWindow ? 1 : -1;
            if (inWindow)
            {
                agree += sum;
                counted += n;
            }
        }

        var lo = -firstIndex;
        var hi = lo + MarkLayout.BlocksPerPeriod - 1;
        while (lo > 0 && state[lo - 1] >= 0)
        {
            lo--;
        }

        while (hi < state.Length - 1 && state[hi + 1] >= 0)
        {
            hi++;
        }

        while (lo < hi && state[lo] == 0)
        {
            lo++;
        }

        while (hi > lo && state[hi] == 0)
        {
            hi--;
        }

        var half = MarkLayout.FramesPerBlock / 2;
        var startFrame = at.Start + ((lo + firstIndex) * MarkLayout.FramesPerBlock) - half;
        var endFrame = at.Start + ((hi + firstIndex + 1) * MarkLayout.FramesPerBlock) + half;
        var total = Seconds(at.Offset, map.Columns + 1) + ((double)Stft.FrameLength / Stft.Rate);
        var confidence = counted > 0 ? Math.Clamp(agree / counted, 0, 1) : 0;
        return new WatermarkDetection(
            token, Math.Max(0, Seconds(at.Offset, startFrame)), Math.Min(total, Seconds(at.Offset, endFrame)), confidence, at.Score);
    }

    /// <summary>One detection per token and stretch of time: overlapping or touching ranges of the same token are one.</summary>
    private static List<WatermarkDetection> Merge(List<WatermarkDetection> found)
    {
        var merged = new List<WatermarkDetection>();
        foreach (var d in found.OrderBy(d => d.Token.Value).ThenBy(d => d.StartSeconds))
        {
            var last = merged.Count > 0 ? merged[^1] : null;
            if (last is not null && last.Token == d.Token && d.StartSeconds <= last.EndSeconds + 0.01)
            {
                merged[^1] = last with
                {
                    EndSeconds = Math.Max(last.EndSeconds, d.EndSeconds),
                    Confidence = Math.Max(last.Confidence, d.Confidence),
                    SyncScore = Math.Max(last.SyncScore, d.SyncScore),
                };
            }
            else
            {
                merged.Add(d);
            }
        }

        return [.. merged.OrderBy(d => d.StartSeconds)];
    }
}
