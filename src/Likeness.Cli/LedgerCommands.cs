using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Likeness.Cli.Output;
using Likeness.Ledger;
using Likeness.Ledger.Verification;

namespace Likeness.Cli;

/// <summary>
/// <c>likeness ledger verify | prove | check-proof</c>: checks the log from the outside, trusting nothing but a
/// pinned key (and the rotations it signed) and the checkpoint it trusted before; <c>rotate-key</c> (the operator).
/// </summary>
public static class LedgerCommands
{
    private const string KeyShape = "a ledger key (as GET /v1/ledger/key publishes it)";
    private const string ProofShape = "a proof from 'likeness ledger prove'";

    /// <summary>The key a verifier trusts: from --ledger-key, else the one pinned for the server, else fetched once and pinned.</summary>
    private static async Task<PinnedKey> PinnedKeyAsync(string? ledgerKey, ApiClient api, string pinPath)
    {
        var path = ledgerKey ?? pinPath;
        if (File.Exists(path))
        {
            return KeyOf(ReadJson(path, "a ledger key"), path);
        }

        if (ledgerKey is not null)
        {
            throw new CliException($"cannot read the ledger key {path}");
        }

        var key = await api.SendAsync(HttpMethod.Get, "v1/ledger/key") ?? throw new CliException("the server published no key");
        ServerState.Write(path, key.ToJsonString());
        Console.Error.WriteLine($"likeness: pinned ledger key {key["keyId"]} in {path} (trust on first use)");
        return KeyOf(key, "the server's key");
    }

    /// <summary>A key as <c>GET /v1/ledger/key</c> publishes it (and as it is pinned in a file).</summary>
    private static PinnedKey KeyOf(JsonNode key, string where)
    {
        return new PinnedKey(Field<string>(key, "keyName", where, KeyShape), Base64(Field<string>(key, "publicKeySpki", where, KeyShape), where, KeyShape));
    }

    /// <summary>
    /// Verifies the log against the checkpoint trusted before (<paramref name="trustedPath"/>, else the one kept for the
    /// server in <paramref name="state"/>), then trusts the verified one; on a terminal, shows the tiles read as it goes.
    /// </summary>
    public static async Task<int> VerifyAsync(ApiClient api, string server, ServerState state, string? trustedPath, string? ledgerKey, bool json)
    {
        // An explicit --trusted-checkpoint keeps its key beside it, as before checkpoints moved to the configuration folder.
        var checkpointPath = trustedPath ?? state.CheckpointPath;
        var key = await PinnedKeyAsync(ledgerKey, api, trustedPath is null ? state.LedgerKeyPath : trustedPath + ".key");
        var trustedNote = File.Exists(checkpointPath) ? await File.ReadAllTextAsync(checkpointPath) : null;
        var result = await VerifyProgress.ShowAsync(json, progress => new LogVerifier(HttpLogFetchers.For(api), key).VerifyAsync(trustedNote, progress));
        if (!result.Ok)
        {
            throw new CliException(Describe(result.Finding, checkpointPath));
        }

        var log = result.Log;
        ServerState.Write(checkpointPath, log.CheckpointNote);

        var story = log.RendersCompleted is { } completed ? $"story holds ({completed} renders completed)" : null;
        if (json)
        {
            Answer.PrintJson(new JsonObject
            {
                ["server"] = server,
                ["origin"] = log.Origin,
                ["size"] = log.Size,
                ["root"] = Convert.ToBase64String(log.Root),
                ["consistentWith"] = log.ConsistentWith,
                ["entriesReplayed"] = log.EntriesReplayed,
                ["story"] = story,
                ["signedBy"] = log.SignedBy,
                ["rotationsFollowed"] = log.RotationsFollowed,
                ["trustedCheckpoint"] = checkpointPath,
            });
        }
        else
        {
            Console.WriteLine($"ok: {log.Origin} size {log.Size} root {Convert.ToBase64String(log.Root)}");
            Console.WriteLine(log.ConsistentWith is { } size ? $"consistent with the trusted checkpoint of size {size}" : "no trusted checkpoint before: this one is now trusted");
            Console.WriteLine($"trusted checkpoint kept in {checkpointPath}");
            Console.WriteLine(story is not null ? $"entries: {log.EntriesReplayed} replayed, {story}" : "entries: not replayed (that needs an auditor's --key)");
            Console.WriteLine(log.RotationsFollowed == 0 ? $"signed by the pinned key {log.SignedBy}" : $"signed by key {log.SignedBy}, {log.RotationsFollowed} rotation(s) on from the pinned key, each signed by the key before it");
        }

        return ExitCodes.Ok;
    }

    /// <summary>One line for a finding; a fork carries both notes, the proof a third party needs.</summary>
    private static string Describe(LogFinding finding, string? trustedPath) => finding.Kind switch
    {
        LogFindingKind.Fork or LogFindingKind.BadConsistencyProof =>
            $"{finding}. trusted checkpoint: {OneLine(finding.TrustedNote)} | server checkpoint: {OneLine(finding.ServerNote)}",
        LogFindingKind.BadTrustedCheckpoint => $"{finding} ({trustedPath})",
        _ => finding.ToString(),
    };

    private static string OneLine(string? note) => (note ?? "").Trim().Replace("\n", " / ", StringComparison.Ordinal);

    /// <summary>An inclusion proof a third party can check with nothing but the checkpoint (and the log's key).</summary>
    public static async Task<int> ProveAsync(ApiClient api, long index)
    {
        var note = Encoding.UTF8.GetString(await api.GetBytesAsync("v1/ledger/checkpoint"));
        var size = long.Parse(note.Split('\n')[1], NumberStyles.None, CultureInfo.InvariantCulture);
        var proof = await api.SendAsync(HttpMethod.Get, $"v1/ledger/proofs/inclusion?index={index}&treeSize={size}")!;
        var key = await api.SendAsync(HttpMethod.Get, "v1/ledger/key");
        Answer.PrintJson(new JsonObject
        {
            ["checkpoint"] = note,
            ["index"] = index,
            ["treeSize"] = size,
            ["leafHash"] = proof!["leafHash"]!.DeepClone(),
            ["proof"] = proof["proof"]!.DeepClone(),
            ["keyName"] = key!["keyName"]!.DeepClone(),
            ["keyId"] = key["keyId"]!.DeepClone(),
        });
        return ExitCodes.Ok;
    }

    /// <summary>The operator rotates the signing key; prints the key now in force (as <c>GET /v1/ledger/key</c> does).</summary>
    public static async Task<int> RotateKeyAsync(ApiClient api, bool json)
    {
        var key = await api.SendAsync(HttpMethod.Post, "v1/ledger/key/rotate", "{}");
        if (json)
        {
            Answer.PrintJson(key);
        }
        else
        {
            Console.WriteLine($"ok: the ledger now signs with key {key?["keyId"]}; the key.rotated entry {key?["rotations"]?.AsArray().LastOrDefault()?["index"]} announces it, signed by key {key?["previous"]?.AsArray().LastOrDefault()?["keyId"]}");
        }

        return ExitCodes.Ok;
    }

    /// <summary>Checks a proof from <c>ledger prove</c> offline, against a pinned key; a file of another shape is one line, exit 1.</summary>
    public static int CheckProof(string proofPath, string keyPath, string? entryPath, string? leafHash)
    {
        var doc = ReadJson(proofPath, "a proof");
        var pinned = KeyOf(ReadJson(keyPath, "a ledger key"), keyPath);
        var checkpoint = Field<string>(doc, "checkpoint", proofPath, ProofShape);
        var index = Field<long>(doc, "index", proofPath, ProofShape);
        var leaf = Base64(leafHash ?? Field<string>(doc, "leafHash", proofPath, ProofShape), proofPath, ProofShape);
        var hashes = doc["proof"] is JsonArray proof && proof.All(h => h is JsonValue v && v.TryGetValue<string>(out _))
            ? proof.Select(h => Base64(h!.GetValue<string>(), proofPath, ProofShape)).ToList()
            : throw new CliException($"{proofPath} is not {ProofShape}: its proof is not a list of hashes");
        if (entryPath is not null)
        {
            leaf = Hashes.Leaf(File.ReadAllBytes(entryPath));
        }

        var result = LogVerifier.VerifyInclusion(checkpoint, pinned, index, leaf, hashes);
        if (!result.Ok)
        {
            throw new CliException(result.Finding.Message);
        }

        Console.WriteLine($"ok: entry {index} is in {result.Log.Checkpoint.Origin} at size {result.Log.Checkpoint.Size}");
        return ExitCodes.Ok;
    }

    private static JsonNode ReadJson(string path, string what)
    {
        try
        {
            return JsonNode.Parse(File.ReadAllText(path)) ?? throw new CliException($"{path} is not {what}: it is null");
        }
        catch (JsonException e)
        {
            throw new CliException($"{path} is not {what}: not JSON ({e.Message})");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot read {path}: {e.Message}");
        }
    }

    /// <summary>A field of a parsed file; missing or of another type is one line naming the file and the field.</summary>
    private static T Field<T>(JsonNode doc, string name, string where, string what) =>
        doc is JsonObject o && o[name] is JsonValue v && v.TryGetValue<T>(out var value) ? value
        : throw new CliException($"{where} is not {what}: it has no {name} of the right type");

    private static byte[] Base64(string text, string where, string what)
    {
        var bytes = new byte[text.Length];
        return Convert.TryFromBase64String(text, bytes, out var n) ? bytes[..n] : throw new CliException($"{where} is not {what}: bad base64");
    }
}
