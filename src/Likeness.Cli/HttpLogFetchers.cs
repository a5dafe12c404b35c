using Likeness.Ledger;
using Likeness.Ledger.Verification;

namespace Likeness.Cli;

/// <summary>The ledger's read routes (docs/LEDGER.md, "Serving") as the fetch functions a <see cref="LogVerifier"/> takes.</summary>
public static class HttpLogFetchers
{
    /// <summary>The fetchers; <paramref name="fetched"/> is called after each tile or entry bundle (for a progress display).</summary>
    public static LogFetchers For(ApiClient api, Action? fetched = null) => new()
    {
        Checkpoint = _ => api.GetBytesAsync("v1/ledger/checkpoint"),
        Tile = async (level, index, width, _) =>
        {
            var tile = await api.GetBytesAsync("v1/ledger/" + Tiles.Path(level, index, width));
            fetched?.Invoke();
            return tile;
        },

        // Entry bundles are for auditors: a 401 or 403 answers null, and the verifier then does not replay entries.
        EntryBundle = async (index, width, _) =>
        {
            var bundle = await api.TryGetBytesAsync("v1/ledger/" + Tiles.Path(null, index, width));
            fetched?.Invoke();
            return bundle;
        },
        // The key.rotated entries are public (GET /v1/ledger/key lists them with their bytes); the verifier checks each against its leaf.
        KeyRotations = async _ =>
        {
            var key = await api.SendAsync(HttpMethod.Get, "v1/ledger/key");
            return key?["rotations"]?.AsArray()
                .Select(r => new LoggedEntry(r!["index"]!.GetValue<long>(), Convert.FromBase64String(r["entry"]!.GetValue<string>())))
                .ToList() ?? [];
        },
        ConsistencyProof = async (from, to, _) =>
        {
            var proof = await api.SendAsync(HttpMethod.Get, $"v1/ledger/proofs/consistency?from={from}&to={to}");
            return ProofHashes(proof?["proof"]);
        },
    };

    /// <summary>A JSON array of base64 hashes, as the proof routes and <c>ledger prove</c> write them.</summary>
    public static List<byte[]> ProofHashes(System.Text.Json.Nodes.JsonNode? array) =>
        array?.AsArray().Select(x => Convert.FromBase64String(x!.GetValue<string>())).ToList()
        ?? throw new CliException("the proof has no hashes");
}
