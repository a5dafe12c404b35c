using Likeness.Application;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Likeness.Server;

/// <summary>Lapses reservations nobody settled and records licence expiries, on the injected clock's timer (every five seconds).</summary>
public sealed partial class ReservationSweeper(LikenessCore core, ILogger<ReservationSweeper> log) : IHostedService, IDisposable
{
    private ITimer? _timer;
    private int _running;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _timer = core.Clock.CreateTimer(_ => _ = SweepAsync(), null, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5));
        return Task.CompletedTask;
    }

    private async Task SweepAsync()
    {
        if (Interlocked.Exchange(ref _running, 1) == 1)
        {
            return;
        }

        try
        {
            await core.Renders.LapseExpiredAsync();
            await core.Licenses.RecordExpiriesAsync();
        }
        catch (ObjectDisposedException)
        {
            // Shutting down.
        }
#pragma warning disable CA1031 // A failed sweep is retried on the next tick.
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lapsing expired reservations failed")]
    private static partial void LogFailed(ILogger logger, Exception e);
}
