using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace Likeness.Bench;

/// <summary>
/// Samples the runtime's allocation ticks (one event per ~100 KB allocated, naming the type allocated then) in this
/// process: a cheap allocation profile without external tools. The counts are proportional to bytes allocated.
/// </summary>
public sealed class AllocationSampler : EventListener
{
    private readonly ConcurrentDictionary<string, long> _ticks = new(StringComparer.Ordinal);

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (e.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) == true && e.Payload is { } payload)
        {
            var i = e.PayloadNames!.IndexOf("TypeName");
            var type = i >= 0 ? payload[i] as string ?? "?" : "?";
            var size = e.PayloadNames.IndexOf("ObjectSize");
            if (type == "System.Byte[]" && size >= 0)
            {
                // Arrays by size class, to tell many small ones from a few large ones.
                var bytes = Convert.ToUInt64(payload[size], System.Globalization.CultureInfo.InvariantCulture);
                type += bytes switch { < 1024 => " (< 1 KB)", < 8192 => " (1–8 KB)", < 65536 => " (8–64 KB)", _ => " (≥ 64 KB)" };
            }

            _ticks.AddOrUpdate(type, 1, (_, n) => n + 1);
        }
    }

    /// <summary>The most sampled types, with their share of all samples.</summary>
    public IEnumerable<string> Top(int n)
    {
        var total = Math.Max(1, _ticks.Values.Sum());
        return _ticks.OrderByDescending(t => t.Value).Take(n).Select(t => $"{100.0 * t.Value / total,5:F1}%  {t.Key}");
    }
}
