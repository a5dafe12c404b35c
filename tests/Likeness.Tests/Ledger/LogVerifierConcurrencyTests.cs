using System.Security.Cryptography;
using Likeness.Ledger.Verification;
using Xunit;

namespace Likeness.Tests.Ledger;

/// <summary>
/// A verifier fetches up to <see cref="LogFetchers.MaxConcurrentFetches"/> tiles and entry bundles at once (the first
/// alone), still reads them in order, and reports its progress tile by tile.
/// </summary>
public sealed class LogVerifierConcurrencyTests : IDisposable
{
    private const int Window = 4;

    private readonly ECDsa _key = MemoryLog.Key();

    public void Dispose() => _key.Dispose();

    [Fact]
    public async Task Tiles_and_bundles_are_fetched_a_window_at_a_time_and_read_in_order()
    {
        // 2 + 2·700 entries: 6 tiles and 6 entry bundles.
        var log = MemoryLog.Build(Story.Renders(700), _key);
        var inner = log.Fetchers();
        var tiles = new Gate();
        var bundles = new Gate();
        var fetchers = new LogFetchers
        {
            MaxConcurrentFetches = Window,
            Checkpoint = inner.Checkpoint,
            ConsistencyProof = inner.ConsistencyProof,
            Tile = (level, index, width, ct) => tiles.PassAsync(index, () => inner.Tile(level, index, width, ct)),
            EntryBundle = (index, width, ct) => bundles.PassAsync(index, () => inner.EntryBundle!(index, width, ct)),
        };
        var progress = new Recorded();

        var result = await new LogVerifier(fetchers, MemoryLog.Pinned(_key)).VerifyAsync(progress: progress);

        Assert.True(result.Ok, result.Finding?.ToString());
        Assert.Equal(1402, result.Log.Size);
        Assert.Equal(1402, result.Log.EntriesReplayed);
        Assert.Equal(Window, tiles.Most);
        Assert.Equal(Window, bundles.Most);
        Assert.Equal(Enumerable.Range(1, 6).Select(i => new LogProgress(LogStage.Tiles, i, 6)), progress.Reports.Where(r => r.Stage == LogStage.Tiles));
        Assert.Equal(Enumerable.Range(1, 6).Select(i => new LogProgress(LogStage.Entries, i, 6)), progress.Reports.Where(r => r.Stage == LogStage.Entries));
    }

    /// <summary>
    /// Holds every fetch after the first until <see cref="Window"/> are in flight at once: a verifier that fetched one at a
    /// time would never open it (the guard's timeout then fails the test instead of hanging it).
    /// </summary>
    private sealed class Gate
    {
        private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _inFlight;
        private int _most;

        public int Most => Volatile.Read(ref _most);

        public async Task<T> PassAsync<T>(long index, Func<Task<T>> fetch)
        {
            var now = Interlocked.Increment(ref _inFlight);
            InterlockedMax(now);
            if (now >= Window)
            {
                _open.TrySetResult();
            }

            if (index > 0)
            {
                await _open.Task.WaitAsync(TimeSpan.FromSeconds(30));
            }

            var result = await fetch();
            Interlocked.Decrement(ref _inFlight);
            return result;
        }

        private void InterlockedMax(int value)
        {
            for (var seen = Volatile.Read(ref _most); value > seen; seen = Volatile.Read(ref _most))
            {
                if (Interlocked.CompareExchange(ref _most, value, seen) == seen)
                {
                    return;
                }
            }
        }
    }

    private sealed class Recorded : IProgress<LogProgress>
    {
        public List<LogProgress> Reports { get; } = [];

        public void Report(LogProgress value) => Reports.Add(value);
    }
}
