using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Likeness.Server;

/// <summary>
/// Background work on the injected clock's timer: one tick at a time (a tick still running makes the next one
/// skip), a failed tick logged and retried on the next, nothing after the host stops. A service that asks for
/// <paramref name="lowPriority"/> runs its ticks on a thread of its own at a lowered operating-system priority
/// (<see cref="BackgroundPriority"/>), so that a burst of its work never holds a core a request is waiting for.
/// </summary>
public abstract partial class PeriodicService(TimeProvider clock, TimeSpan period, ILogger log, bool lowPriority = false) : IHostedService, IDisposable
{
    private readonly SemaphoreSlim _due = new(0);
    private readonly TaskCompletionSource _threadDone = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ITimer? _timer;
    private int _running;
    private int _pending;
    private volatile bool _stopping;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (lowPriority)
        {
            var thread = new Thread(RunOnOwnThread) { IsBackground = true, Name = GetType().Name };
            thread.Start();
            _timer = clock.CreateTimer(_ => Signal(), null, period, period);
        }
        else
        {
            _timer = clock.CreateTimer(_ => _ = RunTickAsync(), null, period, period);
        }

        return Task.CompletedTask;
    }

    /// <summary>One round of the work.</summary>
    protected abstract Task TickAsync();

    // INVARIANT: at most one release is outstanding, so ticks that fall due while one runs collapse into one.
    private void Signal()
    {
        if (Interlocked.Exchange(ref _pending, 1) == 0)
        {
            try
            {
                _due.Release();
            }
            catch (ObjectDisposedException)
            {
                // A timer callback already in flight when the service was disposed: an exception here, on a timer's
                // thread, would end the process.
            }
        }
    }

    private void RunOnOwnThread()
    {
        BackgroundPriority.LowerCurrentThread();
        try
        {
            while (true)
            {
                _due.Wait();
                Volatile.Write(ref _pending, 0);
                if (_stopping)
                {
                    return;
                }

                // The tick's own work (the part before its first wait) runs here, at the lowered priority.
                RunTickAsync().GetAwaiter().GetResult();
            }
        }
        catch (ObjectDisposedException)
        {
            // Disposed without being stopped first.
        }
        finally
        {
            _threadDone.TrySetResult();
        }
    }

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

    public virtual async Task StopAsync(CancellationToken cancellationToken)
    {
        _timer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        if (lowPriority && !_stopping)
        {
            _stopping = true;
            _due.Release();
            await _threadDone.Task.WaitAsync(cancellationToken);
        }
    }

    public void Dispose()
    {
        _timer?.Dispose();
        if (lowPriority && !_stopping)
        {
            _stopping = true;
            _due.Release();
        }

        _due.Dispose();
        GC.SuppressFinalize(this);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Service} failed; retrying on its next tick")]
    private static partial void LogFailed(ILogger logger, string service, Exception e);
}
