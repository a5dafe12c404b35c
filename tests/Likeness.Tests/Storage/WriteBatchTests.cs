using System.Data.Common;
using System.Text;
using Likeness.Application.Model;
using Likeness.Application.Ports;
using Likeness.Tests.Support;
using Xunit;

namespace Likeness.Tests.Storage;

/// <summary>
/// Group commit with deferred writes: commands that share one write batch see each other's changes, and a command
/// that fails (before its writes left memory, after they did, or because the database refused one) leaves nothing
/// behind while the others of its batch commit. Each test holds the writer inside one command until the others are
/// queued, so they all land in the next batch together.
/// </summary>
public abstract class WriteBatchTests(Provider provider) : WorldTests(provider)
{
    [Fact]
    public async Task Commands_in_one_batch_see_each_others_budget_changes_and_a_failed_one_takes_its_back()
    {
        var before = await Budget();
        var ledger = await Store.ReadAsync(s => s.LedgerEntryCount());
        var (a, b, c) = await InOneBatch(
            s =>
            {
                s.AdjustBudget(W.LicenseId, 0, 0, 1000, 0, 1);
                return s.AppendLedgerEntry(Entry("a"));
            },
            s =>
            {
                s.AdjustBudget(W.LicenseId, 0, 0, 5000, 0, 1);
                s.AppendLedgerEntry(Entry("b"));
                throw new InvalidOperationException("b fails after writing");
            },
            s =>
            {
                var seen = s.GetBudgets(W.LicenseId)[0];
                Assert.Equal(before.SecondsReservedMillis + 1000, seen.SecondsReservedMillis);
                s.AdjustBudget(W.LicenseId, 0, 0, 2000, 0, 1);
                return s.AppendLedgerEntry(Entry("c"));
            });

        Assert.Equal(ledger, await a);
        await Assert.ThrowsAsync<InvalidOperationException>(() => b);
        Assert.Equal(ledger + 1, await c);
        var after = await Budget();
        Assert.Equal(before.SecondsReservedMillis + 3000, after.SecondsReservedMillis);
        Assert.Equal(before.RendersReserved + 2, after.RendersReserved);
        var entries = await Store.ReadAsync(s => s.ReadLedgerEntries(ledger, 10));
        Assert.Equal(["a", "c"], entries.Select(e => Encoding.UTF8.GetString(e)));
    }

    [Fact]
    public async Task A_command_that_fails_after_its_writes_were_sent_is_rolled_back_to_its_savepoint()
    {
        var ledger = await Store.ReadAsync(s => s.LedgerEntryCount());
        var (a, b, c) = await InOneBatch(
            s => s.AppendLedgerEntry(Entry("a")),
            s =>
            {
                s.SetSetting("batch-test", "written by b");
                s.AppendLedgerEntry(Entry("b"));

                // A read after a write sends the write (behind a savepoint) before the command has ended.
                Assert.Equal("written by b", s.GetSetting("batch-test"));
                throw new InvalidOperationException("b fails after its writes reached the database");
            },
            s =>
            {
                Assert.Null(s.GetSetting("batch-test"));
                return s.AppendLedgerEntry(Entry("c"));
            });

        Assert.Equal(ledger, await a);
        await Assert.ThrowsAsync<InvalidOperationException>(() => b);
        Assert.Equal(ledger + 1, await c);
        Assert.Null(await Store.ReadAsync(s => s.GetSetting("batch-test")));
        var entries = await Store.ReadAsync(s => s.ReadLedgerEntries(ledger, 10));
        Assert.Equal(["a", "c"], entries.Select(e => Encoding.UTF8.GetString(e)));
    }

    [Fact]
    public async Task A_statement_the_database_refuses_fails_only_the_command_that_wrote_it()
    {
        var before = await Budget();
        var ledger = await Store.ReadAsync(s => s.LedgerEntryCount());
        var existing = await Store.ReadAsync(s => s.GetSetting("batch-test"));
        Assert.Null(existing);
        var (a, b, c) = await InOneBatch(
            s =>
            {
                s.AdjustBudget(W.LicenseId, 0, 0, 1000, 0, 1);
                return s.AppendLedgerEntry(Entry("a"));
            },
            s =>
            {
                // A render of a licence that does not exist: the foreign key refuses it, but only when it is sent.
                s.AdjustBudget(W.LicenseId, 0, 0, 7000, 0, 1);
                s.InsertRender(new RenderRecord("rnd_orphan", "lic_missing", W.Studio.Id, W.Performer.Id, 0, RenderStatus.Authorized, "{}", 1000, 1000,
                    null, null, "[]", Server.Clock.GetUtcNow(), null, null, 0, 1_000_000_000_000, 0));
                return s.AppendLedgerEntry(Entry("b"));
            },
            s =>
            {
                s.AdjustBudget(W.LicenseId, 0, 0, 2000, 0, 1);
                return s.AppendLedgerEntry(Entry("c"));
            });

        Assert.Equal(ledger, await a);
        await Assert.ThrowsAnyAsync<DbException>(() => b);
        Assert.Equal(ledger + 1, await c);
        var after = await Budget();
        Assert.Equal(before.SecondsReservedMillis + 3000, after.SecondsReservedMillis);
        var entries = await Store.ReadAsync(s => s.ReadLedgerEntries(ledger, 10));
        Assert.Equal(["a", "c"], entries.Select(e => Encoding.UTF8.GetString(e)));
        Assert.Null(await Store.ReadAsync(s => s.GetRender("rnd_orphan")));
    }

    private Task<UseBudgetRecord> Budget() => Store.ReadAsync(s => s.GetBudgets(W.LicenseId)[0]);

    private static byte[] Entry(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>Holds the writer inside a command of its own until the three commands are queued, then lets them run as one batch.</summary>
    private async Task<(Task<long> A, Task<long> B, Task<long> C)> InOneBatch(Func<IStoreSession, long> a, Func<IStoreSession, long> b, Func<IStoreSession, long> c)
    {
        using var holding = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var holder = Store.WriteAsync(_ =>
        {
            holding.Set();
            return release.Wait(TimeSpan.FromSeconds(30)) ? 0 : throw new TimeoutException("the test never released the writer");
        });
        Assert.True(holding.Wait(TimeSpan.FromSeconds(30)), "the writer never started the holding command");
        var tasks = (Store.WriteAsync(a), Store.WriteAsync(b), Store.WriteAsync(c));
        release.Set();
        await holder;
        await Task.WhenAny(Task.WhenAll(tasks.Item1, tasks.Item2, tasks.Item3), Task.Delay(TimeSpan.FromSeconds(30)));
        return tasks;
    }
}

/// <summary><see cref="WriteBatchTests"/> on SQLite.</summary>
public sealed class WriteBatchTestsOnSqlite() : WriteBatchTests(Provider.Sqlite);

/// <summary><see cref="WriteBatchTests"/> on PostgreSQL.</summary>
public sealed class WriteBatchTestsOnPostgres() : WriteBatchTests(Provider.Postgres);
