using Likeness.Application;
using Likeness.Application.Ledger;
using Likeness.Application.Licensing;
using Likeness.Application.Ports;
using Microsoft.Extensions.Logging;

namespace Likeness.Server;

/// <summary>
/// Integrates new ledger entries and signs a checkpoint every quarter second, so a checkpoint follows growth
/// within a second, on the one node holding the store's sequencer lease (the others try for it each tick and
/// take over when its holder dies). Stops signing, and says so, if the stored log was altered; gives the lease up, and
/// says so, while it lacks the signing key the log announced. Its ticks run on a
/// thread of its own at a lowered priority, so that its bursts of hashing never take a core from a request.
/// </summary>
public sealed partial class LedgerSequencer(LikenessCore core, ILogger<LedgerSequencer> log)
    : PeriodicService(core.Clock, TimeSpan.FromMilliseconds(250), log, lowPriority: true)
{
    private ISequencerLease? _lease;
    private volatile bool _halted;
    private bool _keyMissing;

    /// <summary>Whether this node currently sequences the ledger.</summary>
    public bool IsSequencer => _lease is { IsHeld: true } && !_halted;

    /// <summary>Whether this node stopped sequencing for good because the stored log was altered (it says so in the log).</summary>
    public bool IsHalted => _halted;

    protected override async Task TickAsync()
    {
        if (_halted)
        {
            return;
        }

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

        try
        {
            await core.Ledger.IntegrateAsync();
        }
        catch (LedgerCorruptException e)
        {
            _halted = true;
            LogHalted(log, e.Message);
        }
        catch (SigningKeyUnavailableException e)
        {
            // This node lacks the key the log announced: it must not sign with another, so it lets a node that has it sequence.
            if (!_keyMissing)
            {
                LogKeyMissing(log, e.Message);
            }

            _keyMissing = true;
            await _lease.DisposeAsync();
            _lease = null;
            return;
        }

        _keyMissing = false;
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (_lease is not null)
        {
            await _lease.DisposeAsync();
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Ledger sequencer cannot sign: {Reason}")]
    private static partial void LogKeyMissing(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Ledger sequencer halted: {Reason}")]
    private static partial void LogHalted(ILogger logger, string reason);
}
