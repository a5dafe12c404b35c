using Likeness.Application.Ledger;

namespace Likeness.Application.Operations;

/// <summary>
/// Follows the ledger's lag (entries appended but not yet integrated into the tree) from one look at it to the next, and
/// says when it stalls: entries are waiting and the integrated size has not moved for <see cref="StallAfter"/>. A backlog
/// alone is normal (the sequencer integrates every quarter second, so under load a few thousand entries wait at any
/// moment); one that nothing drains means no node is sequencing.
/// </summary>
public sealed class LedgerWatch(TimeProvider clock)
{
    /// <summary>How long entries may wait with no integration before the ledger is called stalled.</summary>
    public static readonly TimeSpan StallAfter = TimeSpan.FromSeconds(10);

    private readonly Lock _lock = new();
    private long _lastIntegrated = -1;
    private DateTimeOffset? _waitingSince;
    private long _lag;

    /// <summary>The lag seen at the last look (0 before any).</summary>
    public long Lag => Volatile.Read(ref _lag);

    /// <summary>Takes a look at the ledger's <paramref name="status"/>; returns how long its entries have waited with no integration (zero when none wait).</summary>
    public TimeSpan Observe(LedgerStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var now = clock.GetUtcNow();
        lock (_lock)
        {
            Volatile.Write(ref _lag, status.Lag);
            if (status.Lag == 0)
            {
                _waitingSince = null;
                return TimeSpan.Zero;
            }

            // The wait starts at the first look that saw entries waiting, and again whenever an integration moved on.
            if (_waitingSince is null || status.Integrated != _lastIntegrated)
            {
                _waitingSince = now;
            }

            _lastIntegrated = status.Integrated;
            return now - _waitingSince.Value;
        }
    }
}
