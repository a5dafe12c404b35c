using System.Text;
using Likeness.Application.Ports;
using Likeness.Ledger;
using Likeness.Storage.Relational;
using Likeness.Tests.Support;
using Xunit;

namespace Likeness.Tests.Ledger;

/// <summary>
/// Every ledger entry is stored with its leaf hash, so the sequencer integrates leaves without reading the entries
/// again; an entry stored without one (written before leaf hashes were stored) is hashed by the sequencer, and the
/// checkpoint is the same either way.
/// </summary>
public abstract class LedgerLeafTests(Provider provider) : WorldTests(provider)
{
    [Fact]
    public async Task Every_entry_is_stored_with_its_own_leaf_hash()
    {
        var (_, render) = await W.As(W.Studio).PostAsync("/v1/renders", World.RenderBody(W.LicenseId, 3));
        await W.As(W.Studio).PostAsync($"/v1/renders/{render!["renderId"]}/complete", new { actualSeconds = 2, outputSha256 = new string('e', 64) });

        var (entries, leaves) = await Store.ReadAsync(s =>
        {
            var n = (int)s.LedgerEntryCount();
            return (s.ReadLedgerEntries(0, n), s.ReadLedgerLeaves(0, n));
        });

        Assert.True(entries.Count >= 5, $"{entries.Count} entries");
        Assert.Equal(entries.Count, leaves.Count);
        for (var i = 0; i < entries.Count; i++)
        {
            Assert.Null(leaves[i].Entry);
            Assert.Equal(Hashes.Leaf(entries[i]), leaves[i].LeafHash);
        }
    }

    [Fact]
    public async Task An_entry_stored_without_a_leaf_hash_is_hashed_by_the_sequencer_to_the_same_root()
    {
        var size = (await Server.Server.Core.Ledger.IntegrateAsync())!.Size;
        var older = Encoding.UTF8.GetBytes("{\"kind\":\"older\",\"v\":1}");
        var newer = Encoding.UTF8.GetBytes("{\"kind\":\"newer\",\"v\":1}");
        await Store.WriteAsync(s =>
        {
            ((IRelationalSession)s).Exec("INSERT INTO ledger_entries(idx, data) VALUES (@p0, @p1)", size, older);
            return 0;
        });
        await Store.WriteAsync(s => s.AppendLedgerEntry(newer));

        var leaves = await Store.ReadAsync(s => s.ReadLedgerLeaves(size, 10));
        Assert.Equal(new StoredLeaf(null, older).Entry, leaves[0].Entry);
        Assert.Null(leaves[0].LeafHash);
        Assert.Null(leaves[1].Entry);
        Assert.Equal(Hashes.Leaf(newer), leaves[1].LeafHash);

        var checkpoint = await Server.Server.Core.Ledger.IntegrateAsync();
        var all = await Store.ReadAsync(s => s.ReadLedgerEntries(0, (int)s.LedgerEntryCount()));
        Assert.Equal(size + 2, checkpoint!.Size);
        var (_, root) = TileIntegrator.Integrate(0, all.Select(e => Hashes.Leaf(e)).ToList(), (_, _) => null);
        Assert.Equal(root, checkpoint.Root);
    }
}

/// <summary><see cref="LedgerLeafTests"/> on SQLite.</summary>
public sealed class LedgerLeafTestsOnSqlite() : LedgerLeafTests(Provider.Sqlite);

/// <summary><see cref="LedgerLeafTests"/> on PostgreSQL.</summary>
public sealed class LedgerLeafTestsOnPostgres() : LedgerLeafTests(Provider.Postgres);
