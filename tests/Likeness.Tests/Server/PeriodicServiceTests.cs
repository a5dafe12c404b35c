using System.Globalization;
using Likeness.Server;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace Likeness.Tests.Server;

/// <summary>
/// A periodic service that asks for low priority (the ledger sequencer) runs its ticks on a thread of its own whose
/// operating-system priority is lowered, and stopping it waits for the tick in progress.
/// </summary>
public sealed class PeriodicServiceTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_low_priority_service_ticks_on_its_own_thread_at_a_lowered_priority()
    {
        var tick = await FirstTickAsync(lowPriority: true);

        Assert.Equal(nameof(Probe), tick.ThreadName);
        Assert.False(tick.OnThreadPool);
        if (OperatingSystem.IsLinux())
        {
            Assert.Equal(10, tick.Nice);
        }
    }

    [Fact]
    public async Task A_normal_service_ticks_on_the_thread_pool_at_normal_priority()
    {
        var tick = await FirstTickAsync(lowPriority: false);

        Assert.True(tick.OnThreadPool);
        if (OperatingSystem.IsLinux())
        {
            Assert.Equal(0, tick.Nice);
        }
    }

    [Fact]
    public async Task Stopping_a_low_priority_service_waits_for_its_tick_in_progress()
    {
        using var service = new Probe(lowPriority: true);
        service.Gate.Reset();
        await service.StartAsync(CancellationToken.None);
        await service.Entered.Task.WaitAsync(Patience);

        var stopping = service.StopAsync(CancellationToken.None);
        Assert.False(stopping.IsCompleted);
        service.Gate.Set();
        await stopping.WaitAsync(Patience);
        Assert.Equal(1, service.Ticks);
    }

    private static async Task<Tick> FirstTickAsync(bool lowPriority)
    {
        using var service = new Probe(lowPriority);
        await service.StartAsync(CancellationToken.None);
        var tick = await service.FirstTick.Task.WaitAsync(Patience);
        await service.StopAsync(CancellationToken.None);
        return tick;
    }

    private sealed record Tick(string? ThreadName, bool OnThreadPool, int Nice);

    private sealed class Probe(bool lowPriority)
        : PeriodicService(TimeProvider.System, TimeSpan.FromMilliseconds(5), NullLogger.Instance, lowPriority)
    {
        private int _ticks;

        public TaskCompletionSource<Tick> FirstTick { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ManualResetEventSlim Gate { get; } = new(initialState: true);

        public int Ticks => Volatile.Read(ref _ticks);

        protected override Task TickAsync()
        {
            Interlocked.Increment(ref _ticks);
            Entered.TrySetResult();
            FirstTick.TrySetResult(new Tick(Thread.CurrentThread.Name, Thread.CurrentThread.IsThreadPoolThread, CurrentNice()));
            Gate.Wait(Patience);
            return Task.CompletedTask;
        }

        /// <summary>The calling thread's nice value: the 19th field of /proc/thread-self/stat (after the name in parentheses).</summary>
        private static int CurrentNice()
        {
            if (!OperatingSystem.IsLinux())
            {
                return 0;
            }

            var stat = File.ReadAllText("/proc/thread-self/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.Parse(fields[19 - 3], CultureInfo.InvariantCulture);
        }
    }
}
