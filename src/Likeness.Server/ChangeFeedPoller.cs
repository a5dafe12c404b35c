using Likeness.Application;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Likeness.Server;

/// <summary>Applies other nodes' changes to this node's snapshots every 100 ms.</summary>
public sealed partial class ChangeFeedPoller(LikenessCore core, ILogger<ChangeFeedPoller> log) : IHostedService, IDisposable
{
    private ITimer? _timer;
    private int _running;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _timer = core.Clock.CreateTimer(_ => _ = TickAsync(), null, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(100));
        return Task.CompletedTask;
    }

    private async Task TickAsync()
    {
        if (Interlocked.Exchange(ref _running, 1) == 1)
        {
            return;
        }

        try
        {
            await core.Changes.SyncAsync();
        }
        catch (ObjectDisposedException)
        {
            // Shutting down.
        }
#pragma warning disable CA1031 // A failed poll is retried on the next tick.
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

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _timer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        return Task.CompletedTask;
    }

    public void Dispose() => _timer?.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Following the change feed failed")]
    private static partial void LogFailed(ILogger logger, Exception e);
}
