using System.Text;
using System.Text.Json.Nodes;
using Likeness.Ledger;
using Likeness.Tests.Support;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Likeness.Tests.Ledger;

/// <summary>The ledger end to end: every change recorded, checkpoints signed, proofs and tiles served, and tampering detected from outside.</summary>
public abstract class LedgerHttpTests(Provider provider) : WorldTests(provider)
{

    [Fact]
    public async Task Two_integrations_at_once_store_one_checkpoint_and_both_answer_it()
    {
        await RendersAsync(3);
        var ledger = Server.Server.Core.Ledger;

        // Both prepare on the same snapshot; the second to reach the writer finds the first's checkpoint and stores nothing.
        var both = await Task.WhenAll(ledger.IntegrateAsync(), ledger.IntegrateAsync());

        Assert.Equal(both[0]!.Size, both[1]!.Size);
        Assert.Equal(both[0]!.Root, both[1]!.Root);
        var size = await Server.Server.Core.Store.ReadAsync(s => s.LedgerEntryCount());
        Assert.Equal(size, both[0]!.Size);
        Assert.Equal(both[0]!.Note, (await Server.Server.Core.Store.ReadAsync(s => s.GetLatestCheckpoint()))!.Note);
    }

    private async Task<List<string>> RendersAsync(int n)
    {
        var ids = new List<string>();
        for (var i = 0; i < n; i++)
        {
            var (_, r) = await W.As(W.Studio).PostAsync("/v1/renders", World.RenderBody(W.LicenseId, 3));
            var id = r!["renderId"]!.GetValue<string>();
            await W.As(W.Studio).PostAsync($"/v1/renders/{id}/complete", new { actualSeconds = 2, outputSha256 = new string('c', 64) });
            ids.Add(id);
        }

        return ids;
    }

    private async Task<(string Name, byte[] Spki)> KeyAsync()
    {
        var (_, key) = await Server.Client(null).GetJsonAsync("/v1/ledger/key");
        return (key!["keyName"]!.GetValue<string>(), Convert.FromBase64String(key["publicKeySpki"]!.GetValue<string>()));
    }

    private async Task<Checkpoint> CheckpointAsync()
    {
        await Server.Server.Core.Ledger.IntegrateAsync();
        var note = await Server.Client(null).GetStringAsync("/v1/ledger/checkpoint");
        var (name, spki) = await KeyAsync();
        return Checkpoint.Open(note, name, spki);
    }

    [Fact]
    public async Task Every_entry_is_proven_in_the_signed_checkpoint_and_answers_carry_their_index()
    {
        var ids = await RendersAsync(3);
        var cp = await CheckpointAsync();
        var (_, render) = await W.As(W.Studio).GetJsonAsync($"/v1/renders/{ids[0]}");
        var renderIndex = render!["ledgerIndex"]!.GetValue<long>();
        Assert.InRange(renderIndex, 1, cp.Size - 1);

        var anyone = Server.Client(null);
        var auditor = W.As(W.Auditor);
        for (long i = 0; i < cp.Size; i++)
        {
            var (es, entry) = await auditor.GetJsonAsync($"/v1/ledger/entries/{i}");
            Assert.Equal(200, es);
            var bytes = Convert.FromBase64String(entry!["entry"]!.GetValue<string>());
            var (ps, proof) = await anyone.GetJsonAsync($"/v1/ledger/proofs/inclusion?index={i}&treeSize={cp.Size}");
            Assert.Equal(200, ps);
            var path = proof!["proof"]!.AsArray().Select(x => Convert.FromBase64String(x!.GetValue<string>())).ToList();
            Assert.Null(ProofVerifier.Inclusion(i, cp.Size, Hashes.Leaf(bytes), path, cp.Root));
        }

        var (_, completed) = await W.As(W.Studio).GetJsonAsync($"/v1/ledger/entries/{renderIndex}");
        Assert.Equal("render.completed", completed!["decoded"]!["kind"]!.GetValue<string>());
        Assert.Equal(ids[0], completed["decoded"]!["render"]!.GetValue<string>());
        Assert.Equal(200, (await W.As(W.Performer).GetJsonAsync($"/v1/ledger/entries/{renderIndex}")).Status);
        Assert.Equal(404, (await W.As(W.OtherStudio).GetJsonAsync($"/v1/ledger/entries/{renderIndex}")).Status);
        Assert.Equal(401, (await anyone.GetJsonAsync($"/v1/ledger/entries/{renderIndex}")).Status);
    }

    [Fact]
    public async Task Consistency_proofs_link_successive_checkpoints()
    {
        await RendersAsync(2);
        var first = await CheckpointAsync();
        await RendersAsync(300);
        var second = await CheckpointAsync();
        Assert.True(second.Size > 256);
        var (status, proof) = await Server.Client(null).GetJsonAsync($"/v1/ledger/proofs/consistency?from={first.Size}&to={second.Size}");
        Assert.Equal(200, status);
        var path = proof!["proof"]!.AsArray().Select(x => Convert.FromBase64String(x!.GetValue<string>())).ToList();
        Assert.Null(ProofVerifier.Consistency(first.Size, second.Size, first.Root, second.Root, path));
        Assert.Equal(400, (await Server.Client(null).GetJsonAsync($"/v1/ledger/proofs/consistency?from=0&to={second.Size}")).Status);
        Assert.Equal(400, (await Server.Client(null).GetJsonAsync($"/v1/ledger/proofs/inclusion?index=0&treeSize={second.Size + 1}")).Status);
    }

    [Fact]
    public async Task Hash_tiles_are_public_and_entry_bundles_are_for_auditors()
    {
        await RendersAsync(1);
        var cp = await CheckpointAsync();
        var width = (int)cp.Size;
        var tile = await Server.Client(null).GetByteArrayAsync($"/v1/ledger/{Tiles.Path(0, 0, width)}");
        Assert.Equal(width * Hashes.Size, tile.Length);
        Assert.Equal(401, (await Server.Client(null).GetJsonAsync($"/v1/ledger/{Tiles.Path(null, 0, width)}")).Status);
        Assert.Equal(403, (await W.As(W.Studio).GetJsonAsync($"/v1/ledger/{Tiles.Path(null, 0, width)}")).Status);
        var bundle = EntryBundle.Read(await W.As(W.Auditor).GetByteArrayAsync($"/v1/ledger/{Tiles.Path(null, 0, width)}"));
        Assert.Equal(width, bundle.Count);
        Assert.Equal(tile.AsSpan(0, 32).ToArray(), Hashes.Leaf(bundle[0]));
        Assert.Equal(404, (await Server.Client(null).GetJsonAsync($"/v1/ledger/{Tiles.Path(0, 0, width + 1)}")).Status);
        Assert.Equal(400, (await Server.Client(null).GetJsonAsync("/v1/ledger/tile/0/12")).Status);
    }

    [Fact]
    public async Task Verify_passes_saves_the_checkpoint_and_stays_consistent_as_the_log_grows()
    {
        await RendersAsync(2);
        await Server.Server.Core.Ledger.IntegrateAsync();
        var trusted = Path.Combine(Server.Dir, "trusted.checkpoint");
        var (e1, o1, err1) = await CliProcess.RunAsync("ledger", "verify", "--server", Server.Url, "--trusted-checkpoint", trusted, "--key", W.Auditor.Key, "--json");
        Assert.True(e1 == 0, err1);
        var first = JsonNode.Parse(o1)!;
        Assert.Contains("story holds", first["story"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(File.Exists(trusted + ".key"));

        await RendersAsync(5);
        await Server.Server.Core.Ledger.IntegrateAsync();
        var (e2, o2, err2) = await CliProcess.RunAsync("ledger", "verify", "--server", Server.Url, "--trusted-checkpoint", trusted, "--json");
        Assert.True(e2 == 0, err2);
        var second = JsonNode.Parse(o2)!;
        Assert.Equal(first["size"]!.GetValue<long>(), second["consistentWith"]!.GetValue<long>());
        Assert.True(second["size"]!.GetValue<long>() > first["size"]!.GetValue<long>());
    }

    [Fact]
    public async Task An_inclusion_proof_from_prove_checks_offline_with_only_the_checkpoint_and_key()
    {
        var ids = await RendersAsync(1);
        await Server.Server.Core.Ledger.IntegrateAsync();
        var (_, render) = await W.As(W.Studio).GetJsonAsync($"/v1/renders/{ids[0]}");
        var index = render!["ledgerIndex"]!.GetValue<long>().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var (pe, proof, perr) = await CliProcess.RunAsync("ledger", "prove", index, "--server", Server.Url);
        Assert.True(pe == 0, perr);
        var proofFile = Path.Combine(Server.Dir, "proof.json");
        await File.WriteAllTextAsync(proofFile, proof);
        var keyFile = Path.Combine(Server.Dir, "key.json");
        await File.WriteAllTextAsync(keyFile, await Server.Client(null).GetStringAsync("/v1/ledger/key"));
        var (_, entry) = await W.As(W.Studio).GetJsonAsync($"/v1/ledger/entries/{index}");
        var entryFile = Path.Combine(Server.Dir, "entry.bin");
        await File.WriteAllBytesAsync(entryFile, Convert.FromBase64String(entry!["entry"]!.GetValue<string>()));

        await Server.DisposeAsync();
        var (ce, cout, cerr) = await CliProcess.RunAsync("ledger", "check-proof", proofFile, "--ledger-key", keyFile, "--entry", entryFile);
        Assert.True(ce == 0, cerr);
        Assert.Contains("ok: entry", cout, StringComparison.Ordinal);
        await File.WriteAllBytesAsync(entryFile, Encoding.UTF8.GetBytes("{\"kind\":\"forged\"}"));
        var (fe, _, ferr) = await CliProcess.RunAsync("ledger", "check-proof", proofFile, "--ledger-key", keyFile, "--entry", entryFile);
        Assert.Equal(1, fe);
        Assert.Contains("not proven", ferr, StringComparison.Ordinal);
        Server = await Server.StartAnotherAsync();
    }

    [Fact]
    public async Task Licence_expiry_is_recorded_once()
    {
        Server.Clock.Advance(TimeSpan.FromDays(400));
        Assert.Equal(1, await Server.Server.Core.Licenses.RecordExpiriesAsync());
        Assert.Equal(0, await Server.Server.Core.Licenses.RecordExpiriesAsync());
        var cp = await CheckpointAsync();
        var (_, last) = await W.As(W.Auditor).GetJsonAsync($"/v1/ledger/entries/{cp.Size - 1}");
        Assert.Equal("license.expired", last!["decoded"]!["kind"]!.GetValue<string>());
    }
}

/// <summary>The same tests on the embedded SQLite store.</summary>
public sealed class LedgerHttpTestsOnSqlite() : LedgerHttpTests(Provider.Sqlite);

/// <summary>The same tests on PostgreSQL.</summary>
public sealed class LedgerHttpTestsOnPostgres() : LedgerHttpTests(Provider.Postgres);
