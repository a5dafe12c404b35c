using Likeness.Application;
using Likeness.Application.Ledger;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Likeness.Server;

/// <summary>
/// Integrates new ledger entries and signs a checkpoint every quarter second on the injected clock's timer, so a
/// checkpoint follows growth within a second, on the one node holding the store's sequencer lease. Stops signing
/// (and says so) if the stored log was altered.
/// </summary>
public sealed partial class LedgerSequencer(LikenessCore core, ILogger<LedgerSequencer> log) : IHostedService, IDisposable
{
    private ITimer? _timer;
    private int _running;
    private volatile bool _halted;
    private Application.Ports.ISequencerLease? _lease;

    /// <summary>Whether this node currently sequences the ledger.</summary>
    public bool IsSequencer => _lease is { IsHeld: true } && !_halted;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _timer = core.Clock.CreateTimer(_ => _ = TickAsync(), null, TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(250));
        return Task.CompletedTask;
    }

    private async Task TickAsync()
    {
        if (_halted || Interlocked.Exchange(ref _running, 1) == 1)
        {
            return;
        }

        try
        {
            // Only the node holding the lease sequences; the others try again each tick and take over when it dies.
            if (_lease is not { IsHeld: true })
            {
                if (_lease is not null)
                {
                    await _lease.DisposeAsync();
                }

                _lease = await core.Store.TryAcquireSequencerAsync();
                if (_lease is null)
                {
                    return;
                }
            }

            await core.Ledger.IntegrateAsync();
        }
        catch (LedgerCorruptException e)
        {
            _halted = true;
            LogHalted(log, e.Message);
        }
        catch (ObjectDisposedException)
        {
            // Shutting down.
        }
#pragma warning disable CA1031 // A failed integration is retried on the next tick.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogFailed(log, e);
        }
        finally
        {
            Volatile.Write(ref _running, 0);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _timer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        if (_lease is not null)
        {
            await _lease.DisposeAsync();
        }
    }

    public void Dispose() => _timer?.Dispose();

    [LoggerMessage(Level = LogLevel.Critical, Message = "Ledger sequencer halted: {Reason}")]
    private static partial void LogHalted(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ledger integration failed")]
    private static partial void LogFailed(ILogger logger, Exception e);
}
