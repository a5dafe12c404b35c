using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Channels;
using Likeness.Application;
using Likeness.Application.Webhooks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Likeness.Server.Webhooks;

/// <summary>
/// Delivers webhooks from the node that holds the sequencer's lease, so that among many nodes one delivers at a time and
/// another takes over when it dies: it fans the outbox out into deliveries, attempts those due (up to
/// <see cref="MaxInFlight"/> at once), and records the attempts in batches. A delivery attempted but not yet recorded
/// when the node dies is attempted again by the next (at least once; receivers deduplicate by <c>webhook-id</c>).
/// </summary>
public sealed partial class WebhookDispatcher(LikenessCore core, LedgerSequencer sequencer, WebhookSender sender, ILogger<WebhookDispatcher> log) : BackgroundService
{
    /// <summary>How many attempts run at once.</summary>
    public const int MaxInFlight = 256;

    // How often the outbox and the due deliveries are looked at when nothing wakes the loop sooner.
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(25);

    private readonly ConcurrentDictionary<string, byte> _inFlight = new(StringComparer.Ordinal);
    private readonly Channel<(WebhookDeliveryRecord, DeliveryResult)> _results =
        Channel.CreateUnbounded<(WebhookDeliveryRecord, DeliveryResult)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SemaphoreSlim _wake = new(0);
    private int _wakePending;
    private (DateTimeOffset At, string Id)? _takenUpTo;
    private long _topReadAt;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var recorder = RecordLoopAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var full = false;
                if (sequencer.IsSequencer)
                {
                    while (await core.Webhooks.FanOutAsync(1000, stoppingToken) == 1000)
                    {
                    }

                    var free = MaxInFlight - _inFlight.Count;
                    if (free > 0)
                    {
                        // Reads resume after the last delivery taken while some are in flight, so a round does not read again
                        // what is on the wire; with none in flight, and at least every second, a round starts from the top
                        // (and finds what an earlier round passed: a delivery made in the same tick with a smaller id).
                        if (_inFlight.IsEmpty || Stopwatch.GetElapsedTime(_topReadAt) > TimeSpan.FromSeconds(1))
                        {
                            _takenUpTo = null;
                            _topReadAt = Stopwatch.GetTimestamp();
                        }

                        var jobs = await core.Webhooks.DueAsync(free, _takenUpTo, _inFlight.Keys.ToHashSet(StringComparer.Ordinal), stoppingToken);
                        foreach (var job in jobs)
                        {
                            _inFlight[job.Delivery.Id] = 0;
                            _takenUpTo = (job.Delivery.NextAttemptAt, job.Delivery.Id);
                            _ = DeliverAsync(job, stoppingToken);
                        }

                        full = jobs.Count == free;
                    }
                }

                if (!full)
                {
                    await WaitAsync(Poll, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
#pragma warning disable CA1031 // A failed round is logged and tried again; delivery must outlive a bad moment of the store.
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogRoundFailed(log, e);
                await WaitAsync(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }

        _results.Writer.TryComplete();
        await recorder;
    }

    private async Task DeliverAsync(DeliveryJob job, CancellationToken ct)
    {
        try
        {
            var result = await sender.SendAsync(job, ct);
            _results.Writer.TryWrite((job.Delivery, result));
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopping: the attempt is neither delivered nor failed; the next start attempts it again.
            _inFlight.TryRemove(job.Delivery.Id, out _);
        }
    }

    private async Task RecordLoopAsync(CancellationToken ct)
    {
        var batch = new List<(WebhookDeliveryRecord Delivery, DeliveryResult Result)>(1024);
        try
        {
            while (await _results.Reader.WaitToReadAsync(ct))
            {
                while (batch.Count < 1024 && _results.Reader.TryRead(out var r))
                {
                    batch.Add(r);
                }

                try
                {
                    await core.Webhooks.RecordAsync(batch, ct);
                }
#pragma warning disable CA1031 // Unrecorded attempts are attempted again (at least once); the loop goes on.
                catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
                {
                    LogRecordFailed(log, batch.Count, e);
                }

                foreach (var (delivery, _) in batch)
                {
                    _inFlight.TryRemove(delivery.Id, out _);
                }

                batch.Clear();
                Wake();
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private void Wake()
    {
        if (Interlocked.Exchange(ref _wakePending, 1) == 0)
        {
            _wake.Release();
        }
    }

    private async Task WaitAsync(TimeSpan timeout, CancellationToken ct)
    {
        try
        {
            await _wake.WaitAsync(timeout, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return;
        }

        Volatile.Write(ref _wakePending, 0);
    }

    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A webhook delivery round failed; trying again")]
    private static partial void LogRoundFailed(ILogger logger, Exception e);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recording {Count} webhook attempts failed; they will be attempted again")]
    private static partial void LogRecordFailed(ILogger logger, int count, Exception e);
}
