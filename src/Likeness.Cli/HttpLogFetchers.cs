using Likeness.Ledger;
using Likeness.Ledger.Verification;

namespace Likeness.Cli;

/// <summary>The ledger's read routes (docs/LEDGER.md, "Serving") as the fetch functions a <see cref="LogVerifier"/> takes.</summary>
public static class HttpLogFetchers
{
    /// <summary>
    /// Tiles and entry bundles are fetched up to this many at once: each is a round trip the verifier would otherwise wait
    /// for in turn, and a server answers a few at a time without strain.
    /// </summary>
    public const int Concurrency = 8;

    /// <summary>The fetchers.</summary>
    public static LogFetchers For(ApiClient api) => new()
    {
        MaxConcurrentFetches = Concurrency,
        Checkpoint = _ => api.GetBytesAsync("v1/ledger/checkpoint"),
        Tile = (level, index, width, _) => api.GetBytesAsync("v1/ledger/" + Tiles.Path(level, index, width)),

        // Entry bundles are for auditors: a 401 or 403 answers null, and the verifier then does not replay entries.
        EntryBundle = (index, width, _) => api.TryGetBytesAsync("v1/ledger/" + Tiles.Path(null, index, width)),
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
