using System.Globalization;
using Likeness.Application;
using Likeness.Application.Ledger;
using Likeness.Application.Operations;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Likeness.Server.Operations;

/// <summary>
/// The ledger: how many entries wait to be integrated (the lag), and whether they are being integrated. Degraded, never
/// unhealthy: a node whose ledger lags still decides and records renders correctly (the entries are committed with
/// them), and taking every node out of a load balancer would not help any sequencer catch up.
/// </summary>
public sealed class LedgerHealthCheck(LikenessCore core, LedgerSequencer sequencer, LedgerWatch watch) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        LedgerStatus status;
        try
        {
            status = await core.Ledger.StatusAsync(cancellationToken);
        }
#pragma warning disable CA1031 // The store check reports the store; this one only says the ledger could not be read (the exception goes to the log).
        catch (Exception e)
#pragma warning restore CA1031
        {
            return HealthCheckResult.Degraded("The ledger could not be read.", e);
        }

        var waited = watch.Observe(status);
        var data = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["entries"] = status.Entries,
            ["integrated"] = status.Integrated,
            ["lag"] = status.Lag,
            ["waitingSeconds"] = Math.Round(waited.TotalSeconds, 1),
        };

        if (sequencer.IsHalted)
        {
            return HealthCheckResult.Degraded("This node's sequencer halted: the stored log no longer reproduces its last checkpoint (see the log).", data: data);
        }

        return waited >= LedgerWatch.StallAfter
            ? HealthCheckResult.Degraded(
                string.Create(CultureInfo.InvariantCulture, $"{status.Lag} ledger entries have waited {waited.TotalSeconds:0} s with no integration: no node may be sequencing."),
                data: data)
            : HealthCheckResult.Healthy(data: data);
    }
}
