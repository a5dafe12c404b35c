using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Likeness.Ledger;
using Likeness.Ledger.Verification;

namespace Likeness.Cli;

/// <summary>
/// <c>likeness ledger verify | prove | check-proof</c>: checks the log from the outside, trusting nothing but a
/// pinned key (and the rotations it signed) and the checkpoint it trusted before; <c>rotate-key</c> (the operator).
/// </summary>
public static class LedgerCommands
{
    public static async Task<int> RunAsync(Args a, ApiClient api, string server)
    {
        var verb = a.Words.Count > 1 ? a.Words[1] : "";
        return verb switch
        {
            "verify" => await VerifyAsync(a, api, server),
            "prove" => await ProveAsync(a, api),
            "check-proof" => CheckProof(a),
            "rotate-key" => await RotateKeyAsync(a, api),
            _ => throw new CliException("ledger verify | prove INDEX | check-proof FILE | rotate-key"),
        };
    }

    /// <summary>The key a verifier trusts: from --ledger-key, else beside the trusted checkpoint, else fetched once and pinned there.</summary>
    private static async Task<PinnedKey> PinnedKeyAsync(Args a, ApiClient api, string? trusted)
    {
        var path = a.Get("ledger-key") ?? (trusted is null ? null : trusted + ".key");
        if (path is not null && File.Exists(path))
        {
            return KeyOf(JsonNode.Parse(await File.ReadAllTextAsync(path))!);
        }

        if (a.Get("ledger-key") is not null)
        {
            throw new CliException($"cannot read the ledger key {path}");
        }

        var key = await api.SendAsync(HttpMethod.Get, "v1/ledger/key") ?? throw new CliException("the server published no key");
        if (path is not null)
        {
            await File.WriteAllTextAsync(path, key.ToJsonString());
            Console.Error.WriteLine($"likeness: pinned ledger key {key["keyId"]} in {path} (trust on first use)");
        }

        return KeyOf(key);
    }

    /// <summary>A key as <c>GET /v1/ledger/key</c> publishes it (and as it is pinned in a file).</summary>
    private static PinnedKey KeyOf(JsonNode key) =>
        new(key["keyName"]!.GetValue<string>(), Convert.FromBase64String(key["publicKeySpki"]!.GetValue<string>()));

    private static async Task<int> VerifyAsync(Args a, ApiClient api, string server)
    {
        var trustedPath = a.Get("trusted-checkpoint");
        var key = await PinnedKeyAsync(a, api, trustedPath);
        var trustedNote = trustedPath is not null && File.Exists(trustedPath) ? await File.ReadAllTextAsync(trustedPath) : null;
        var result = await new LogVerifier(HttpLogFetchers.For(api), key).VerifyAsync(trustedNote);
        if (!result.Ok)
        {
            Console.Error.WriteLine($"likeness: {Describe(result.Finding, trustedPath)}");
            return 1;
        }

        var log = result.Log;
        if (trustedPath is not null)
        {
            await File.WriteAllTextAsync(trustedPath, log.CheckpointNote);
        }

        var story = log.RendersCompleted is { } completed ? $"story holds ({completed} renders completed)" : null;
        if (a.Json)
        {
            Printer.Print(new JsonObject
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
            }, json: true);
        }
        else
        {
            Console.WriteLine($"ok: {log.Origin} size {log.Size} root {Convert.ToBase64String(log.Root)}");
            Console.WriteLine(log.ConsistentWith is { } size ? $"consistent with the trusted checkpoint of size {size}" : "no trusted checkpoint before: this one is now trusted");
            Console.WriteLine(story is not null ? $"entries: {log.EntriesReplayed} replayed, {story}" : "entries: not replayed (that needs an auditor's --key)");
            Console.WriteLine(log.RotationsFollowed == 0 ? $"signed by the pinned key {log.SignedBy}" : $"signed by key {log.SignedBy}, {log.RotationsFollowed} rotation(s) on from the pinned key, each signed by the key before it");
        }

        return 0;
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
    private static async Task<int> ProveAsync(Args a, ApiClient api)
    {
        var index = long.Parse(a.Word(2, "index"), NumberStyles.None, CultureInfo.InvariantCulture);
        var note = Encoding.UTF8.GetString(await api.GetBytesAsync("v1/ledger/checkpoint"));
        var size = long.Parse(note.Split('\n')[1], NumberStyles.None, CultureInfo.InvariantCulture);
        var proof = await api.SendAsync(HttpMethod.Get, $"v1/ledger/proofs/inclusion?index={index}&treeSize={size}")!;
        var key = await api.SendAsync(HttpMethod.Get, "v1/ledger/key");
        Printer.Print(new JsonObject
        {
            ["checkpoint"] = note,
            ["index"] = index,
            ["treeSize"] = size,
            ["leafHash"] = proof!["leafHash"]!.DeepClone(),
            ["proof"] = proof["proof"]!.DeepClone(),
            ["keyName"] = key!["keyName"]!.DeepClone(),
            ["keyId"] = key["keyId"]!.DeepClone(),
        }, json: true);
        return 0;
    }

    /// <summary>The operator rotates the signing key; prints the key now in force (as <c>GET /v1/ledger/key</c> does).</summary>
    private static async Task<int> RotateKeyAsync(Args a, ApiClient api)
    {
        var key = await api.SendAsync(HttpMethod.Post, "v1/ledger/key/rotate", "{}");
        if (a.Json)
        {
            Printer.Print(key, json: true);
        }
        else
        {
            Console.WriteLine($"ok: the ledger now signs with key {key?["keyId"]}; the key.rotated entry {key?["rotations"]?.AsArray().LastOrDefault()?["index"]} announces it, signed by key {key?["previous"]?.AsArray().LastOrDefault()?["keyId"]}");
        }

        return 0;
    }

    /// <summary>Checks a proof from <c>ledger prove</c> offline, against a pinned key.</summary>
    private static int CheckProof(Args a)
    {
        var proofPath = a.Word(2, "proof file");
        var keyPath = a.Require("ledger-key");
        var doc = JsonNode.Parse(File.ReadAllText(proofPath))!;
        var pinned = KeyOf(JsonNode.Parse(File.ReadAllText(keyPath))!);
        var index = doc["index"]!.GetValue<long>();
        var leaf = Convert.FromBase64String(a.Get("leaf-hash") ?? doc["leafHash"]!.GetValue<string>());
        if (a.Get("entry") is { } entryPath)
        {
            leaf = Hashes.Leaf(File.ReadAllBytes(entryPath));
        }

        var result = LogVerifier.VerifyInclusion(doc["checkpoint"]!.GetValue<string>(), pinned, index, leaf, HttpLogFetchers.ProofHashes(doc["proof"]));
        if (!result.Ok)
        {
            Console.Error.WriteLine($"likeness: {result.Finding.Message}");
            return 1;
        }

        var checkpoint = result.Log.Checkpoint;
        Console.WriteLine($"ok: entry {index} is in {checkpoint.Origin} at size {checkpoint.Size}");
        return 0;
    }
}
