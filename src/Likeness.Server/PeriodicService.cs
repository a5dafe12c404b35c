using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Likeness.Server;

/// <summary>
/// Background work on the injected clock's timer: one tick at a time (a tick still running makes the next one
/// skip), a failed tick logged and retried on the next, nothing after the host stops.
/// </summary>
public abstract partial class PeriodicService(TimeProvider clock, TimeSpan period, ILogger log) : IHostedService, IDisposable
{
    private ITimer? _timer;
    private int _running;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _timer = clock.CreateTimer(_ => _ = RunTickAsync(), null, period, period);
        return Task.CompletedTask;
    }

    /// <summary>One round of the work.</summary>
    protected abstract Task TickAsync();

    private async Task RunTickAsync()
    {
        if (Interlocked.Exchange(ref _running, 1) == 1)
        {
            return;
        }

        try
        {
            await TickAsync();
        }
        catch (ObjectDisposedException)
        {
            // Shutting down.
        }
#pragma warning disable CA1031 // A failed tick is retried on the next one.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogFailed(log, GetType().Name, e);
        }
        finally
        {
            Volatile.Write(ref _running, 0);
        }
    }

    public virtual Task StopAsync(CancellationToken cancellationToken)
    {
        _timer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _timer?.Dispose();
        GC.SuppressFinalize(this);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Service} failed; retrying on its next tick")]
    private static partial void LogFailed(ILogger logger, string service, Exception e);
}
