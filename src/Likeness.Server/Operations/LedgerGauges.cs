using System.Diagnostics.Metrics;
using Likeness.Application.Operations;

namespace Likeness.Server.Operations;

/// <summary>
/// The ledger's gauges on the <c>Likeness</c> meter: its lag (entries appended but not yet integrated), as the health
/// check saw it at its last run (every second), and whether this node sequences. Read when scraped, never on a request.
/// </summary>
public sealed class LedgerGauges
{
    public LedgerGauges(IMeterFactory meters, LedgerWatch watch, LedgerSequencer sequencer)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(LikenessMetrics.MeterName);
        meter.CreateObservableGauge("likeness.ledger.lag", () => watch.Lag, "{entry}", "Ledger entries appended but not yet integrated into the tree (sampled every second)");
        meter.CreateObservableGauge("likeness.ledger.sequencer", () => sequencer.IsSequencer ? 1 : 0, "1", "1 while this node sequences the ledger, else 0");
    }
}
