using System.Globalization;
using System.Text;
using Likeness.Client.Transport;

namespace Likeness.Client;

/// <summary>The ledger's public face: its key, checkpoint, entries, proofs and tiles (check them offline with <see cref="LedgerTrust"/>).</summary>
public sealed class LedgerClient
{
    private readonly JsonCalls _calls;

    internal LedgerClient(JsonCalls calls) => _calls = calls;

    /// <summary><c>GET /v1/ledger/key</c>: pin it once (<see cref="LedgerTrust.Pin"/>); never trust a key the log hands out at check time.</summary>
    public Task<LedgerKey> KeyAsync(CancellationToken ct = default) => _calls.GetAsync("v1/ledger/key", ClientJson.Default.LedgerKey, ct);

    /// <summary><c>GET /v1/ledger/checkpoint</c>: the latest signed checkpoint, as its exact note text.</summary>
    public async Task<string> CheckpointAsync(CancellationToken ct = default) =>
        Encoding.UTF8.GetString((await _calls.Transport.SendAsync(HttpMethod.Get, "v1/ledger/checkpoint", ct: ct).ConfigureAwait(false)).EnsureSuccess().Body);

    /// <summary><c>GET /v1/ledger/entries/{index}</c> (the parties it concerns, auditors).</summary>
    public Task<LedgerEntry> EntryAsync(long index, CancellationToken ct = default) =>
        _calls.GetAsync($"v1/ledger/entries/{index.ToString(CultureInfo.InvariantCulture)}", ClientJson.Default.LedgerEntry, ct);

    /// <summary><c>GET /v1/ledger/proofs/inclusion</c>: entry <paramref name="index"/> in the tree of <paramref name="treeSize"/> (the latest when null).</summary>
    public Task<InclusionProof> InclusionProofAsync(long index, long? treeSize = null, CancellationToken ct = default) =>
        _calls.GetAsync(JsonCalls.Query("v1/ledger/proofs/inclusion", ("index", index.ToString(CultureInfo.InvariantCulture)), ("treeSize", treeSize?.ToString(CultureInfo.InvariantCulture))), ClientJson.Default.InclusionProof, ct);

    /// <summary><c>GET /v1/ledger/proofs/consistency</c>: that the tree of <paramref name="from"/> is a prefix of the tree of <paramref name="to"/> (the latest when null).</summary>
    public Task<ConsistencyProof> ConsistencyProofAsync(long from, long? to = null, CancellationToken ct = default) =>
        _calls.GetAsync(JsonCalls.Query("v1/ledger/proofs/consistency", ("from", from.ToString(CultureInfo.InvariantCulture)), ("to", to?.ToString(CultureInfo.InvariantCulture))), ClientJson.Default.ConsistencyProof, ct);

    /// <summary><c>GET /v1/ledger/tile/{path}</c>: a C2SP tlog-tiles tile (<c>0/000</c>, <c>entries/001.p/5</c>).</summary>
    public async Task<byte[]> TileAsync(string path, CancellationToken ct = default) =>
        (await _calls.Transport.SendAsync(HttpMethod.Get, "v1/ledger/tile/" + path, ct: ct).ConfigureAwait(false)).EnsureSuccess().Body;

    /// <summary><c>POST /v1/ledger/key/rotate</c> (operator).</summary>
    public Task<LedgerKey> RotateKeyAsync(CancellationToken ct = default) => _calls.PostEmptyAsync("v1/ledger/key/rotate", ClientJson.Default.LedgerKey, ct);
}
