using System.Globalization;

namespace Likeness.Bench;

/// <summary>
/// A log-linear latency histogram (HDR style): 64 sub-buckets per power of two of microseconds, so every
/// recorded value is kept within 1/64 (1.6%) of itself, from 1 µs to hours, in fixed memory. Thread-safe.
/// </summary>
public sealed class Histogram
{
    private const int SubBuckets = 64;
    private readonly long[] _counts = new long[64 * SubBuckets];
    private long _max;
    private long _total;

    public long Count => Interlocked.Read(ref _total);

    public void RecordMicros(long micros)
    {
        micros = Math.Max(1, micros);
        Interlocked.Increment(ref _counts[Index(micros)]);
        Interlocked.Increment(ref _total);
        long seen;
        while (micros > (seen = Interlocked.Read(ref _max)) && Interlocked.CompareExchange(ref _max, micros, seen) != seen)
        {
        }
    }

    /// <summary>The value at percentile <paramref name="p"/> (0..100), in microseconds (upper edge of its bucket).</summary>
    public long PercentileMicros(double p)
    {
        var target = (long)Math.Ceiling(Count * p / 100.0);
        long seen = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            seen += _counts[i];
            if (seen >= Math.Max(1, target))
            {
                return Math.Min(UpperEdge(i), Interlocked.Read(ref _max));
            }
        }

        return Interlocked.Read(ref _max);
    }

    public long MaxMicros => Interlocked.Read(ref _max);

    public string Summary() => string.Create(CultureInfo.InvariantCulture,
        $"p50 {Ms(PercentileMicros(50))}  p90 {Ms(PercentileMicros(90))}  p99 {Ms(PercentileMicros(99))}  p99.9 {Ms(PercentileMicros(99.9))}  max {Ms(MaxMicros)} ms");

    private static string Ms(long micros) => (micros / 1000.0).ToString("F2", CultureInfo.InvariantCulture);

    private static int Index(long v)
    {
        var magnitude = 63 - (int)long.LeadingZeroCount(v);
        if (magnitude < 6)
        {
            return (int)v;
        }

        var sub = (int)((v >> (magnitude - 6)) & (SubBuckets - 1));
        return ((magnitude - 5) * SubBuckets) + sub;
    }

    private static long UpperEdge(int index)
    {
        if (index < SubBuckets)
        {
            return index;
        }

        var magnitude = (index / SubBuckets) + 5;
        var sub = index % SubBuckets;
        return ((long)(SubBuckets + sub + 1) << (magnitude - 6)) - 1;
    }
}
