using Likeness.Storage.Sqlite;
using Xunit;

namespace Likeness.Tests.Storage;

/// <summary>
/// Under writes that never pause, a checkpoint beside the writer never catches up with it, and SQLite starts its WAL
/// over only once one has: the store must make that happen, or the WAL grows for as long as the load lasts.
/// </summary>
public sealed class SqliteWalTests : IDisposable
{
    private const int RestartFrames = 64;
    private const int Commands = 100_000;

    private readonly string _dir = Directory.CreateTempSubdirectory("likeness-wal-").FullName;

    [Fact]
    public async Task Under_writes_that_never_pause_the_wal_is_started_over_and_nothing_is_lost()
    {
        var path = Path.Combine(_dir, "wal.db");
        await using (var store = new SqliteStore(path, RestartFrames, commitsPerCheckpoint: 4))
        {
            await store.MigrateAsync();
            var before = await store.ReadAsync(s => s.LatestChange());

            // Every command is queued at once: the writer goes from one full batch to the next (about 200 commits)
            // and is never idle, so no checkpoint beside it can catch up by itself.
            var writes = Enumerable.Range(0, Commands).Select(i => store.WriteAsync(s =>
            {
                s.RecordChange("wal-test", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                return i;
            })).ToArray();
            Assert.Equal(Enumerable.Range(0, Commands), await Task.WhenAll(writes));

            Assert.Equal(before + Commands, await store.ReadAsync(s => s.LatestChange()));
            var changes = await store.ReadAsync(s => s.ReadChanges(before, Commands + 1));
            Assert.Equal(Commands, changes.Select(c => c.Id).Distinct().Count());

            // Without restarts the WAL ends near 8 MB (the schema's 1.2 MB and every batch after it); with them it is
            // cut back to its limit at a restart and grows only by the batches since.
            var wal = new FileInfo(path + "-wal").Length;
            const long bound = 4L * RestartFrames * 4096;
            Assert.True(wal <= bound, $"the WAL is {wal:N0} bytes after the load (bound {bound:N0})");
        }
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
