using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Likeness.Ledger;

namespace Likeness.Cli;

/// <summary>
/// <c>likeness ledger verify | prove | check-proof</c>: checks the log from the outside, trusting nothing but a
/// pinned key and the checkpoint it trusted before.
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
            _ => throw new CliException("ledger verify | prove INDEX | check-proof FILE"),
        };
    }

    /// <summary>The key a verifier trusts: from --ledger-key, else beside the trusted checkpoint, else fetched once and pinned there.</summary>
    private static async Task<(string Name, byte[] Spki)> PinnedKeyAsync(Args a, ApiClient api, string? trusted)
    {
        var path = a.Get("ledger-key") ?? (trusted is null ? null : trusted + ".key");
        if (path is not null && File.Exists(path))
        {
            var doc = JsonNode.Parse(await File.ReadAllTextAsync(path))!;
            return (doc["keyName"]!.GetValue<string>(), Convert.FromBase64String(doc["publicKeySpki"]!.GetValue<string>()));
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

        return (key["keyName"]!.GetValue<string>(), Convert.FromBase64String(key["publicKeySpki"]!.GetValue<string>()));
    }

    private static async Task<int> VerifyAsync(Args a, ApiClient api, string server)
    {
        var trustedPath = a.Get("trusted-checkpoint");
        var (keyName, spki) = await PinnedKeyAsync(a, api, trustedPath);
        var note = Encoding.UTF8.GetString(await api.GetBytesAsync("v1/ledger/checkpoint"));
        Checkpoint checkpoint;
        try
        {
            checkpoint = Checkpoint.Open(note, keyName, spki);
        }
        catch (FormatException e)
        {
            throw new CliException($"the server's checkpoint is not signed by the pinned key: {e.Message}");
        }

        Checkpoint? trusted = null;
        string? trustedNote = null;
        if (trustedPath is not null && File.Exists(trustedPath))
        {
            trustedNote = await File.ReadAllTextAsync(trustedPath);
            try
            {
                trusted = Checkpoint.Open(trustedNote, keyName, spki);
            }
            catch (FormatException e)
            {
                throw new CliException($"the trusted checkpoint {trustedPath} does not verify: {e.Message}");
            }

            if (trusted.Size > checkpoint.Size || (trusted.Size == checkpoint.Size && !trusted.Root.AsSpan().SequenceEqual(checkpoint.Root)))
            {
                throw Fork(trustedNote, note, trusted.Size > checkpoint.Size ? "the log shrank" : "two checkpoints of one size with different roots");
            }
        }

        // Every leaf hash, from the level-0 tiles; the root is recomputed from them, and the trusted size on the way.
        var builder = new RootBuilder();
        var leafHashes = new List<byte[]>((int)Math.Min(checkpoint.Size, int.MaxValue));
        for (long t = 0; t * Tiles.Width < checkpoint.Size; t++)
        {
            var width = (int)Math.Min(Tiles.Width, checkpoint.Size - (t * Tiles.Width));
            var tile = await api.GetBytesAsync("v1/ledger/" + Tiles.Path(0, t, width));
            if (tile.Length != width * Hashes.Size)
            {
                throw new CliException($"tile 0/{t} has {tile.Length} bytes, not {width * Hashes.Size}; first bad index {t * Tiles.Width}");
            }

            for (var i = 0; i < width; i++)
            {
                var leaf = tile.AsSpan(i * Hashes.Size, Hashes.Size).ToArray();
                leafHashes.Add(leaf);
                builder.Append(leaf);
                if (trusted is not null && builder.Size == trusted.Size && !builder.Root().AsSpan().SequenceEqual(trusted.Root))
                {
                    throw Fork(trustedNote!, note, $"the first {trusted.Size} entries no longer have the trusted root");
                }
            }
        }

        if (!builder.Root().AsSpan().SequenceEqual(checkpoint.Root))
        {
            throw new CliException($"the tiles do not reproduce the checkpoint's root at size {checkpoint.Size}");
        }

        if (trusted is { Size: > 0 } && trusted.Size < checkpoint.Size)
        {
            var proof = await api.SendAsync(HttpMethod.Get, $"v1/ledger/proofs/consistency?from={trusted.Size}&to={checkpoint.Size}");
            var hashes = proof!["proof"]!.AsArray().Select(x => Convert.FromBase64String(x!.GetValue<string>())).ToList();
            if (ProofVerifier.Consistency(trusted.Size, checkpoint.Size, trusted.Root, checkpoint.Root, hashes) is { } why)
            {
                throw Fork(trustedNote!, note, $"the server's consistency proof fails: {why}");
            }
        }

        // Entry bundles are for auditors: with any other key (or none) the entries are not replayed, and the summary says so.
        var audited = checkpoint.Size > 0 && await api.TryGetBytesAsync("v1/ledger/" + Tiles.Path(null, 0, (int)Math.Min(Tiles.Width, checkpoint.Size))) is not null
            ? await AuditAsync(api, checkpoint.Size, leafHashes)
            : "";

        if (trustedPath is not null)
        {
            await File.WriteAllTextAsync(trustedPath, note);
        }

        var summary = new JsonObject
        {
            ["server"] = server,
            ["origin"] = checkpoint.Origin,
            ["size"] = checkpoint.Size,
            ["root"] = Convert.ToBase64String(checkpoint.Root),
            ["consistentWith"] = trusted?.Size,
            ["entriesReplayed"] = audited.Length > 0 ? checkpoint.Size : null,
            ["story"] = audited.Length > 0 ? audited : null,
        };
        if (a.Json)
        {
            Printer.Print(summary, json: true);
        }
        else
        {
            Console.WriteLine($"ok: {checkpoint.Origin} size {checkpoint.Size} root {Convert.ToBase64String(checkpoint.Root)}");
            Console.WriteLine(trusted is null ? "no trusted checkpoint before: this one is now trusted" : $"consistent with the trusted checkpoint of size {trusted.Size}");
            Console.WriteLine(audited.Length > 0 ? $"entries: {checkpoint.Size} replayed, {audited}" : "entries: not replayed (that needs an auditor's --key)");
        }

        return 0;
    }

    /// <summary>With an auditor's key: every entry hashes to its leaf, and the story they tell holds.</summary>
    private static async Task<string> AuditAsync(ApiClient api, long size, List<byte[]> leafHashes)
    {
        var audit = new LedgerAudit();
        for (long t = 0; t * Tiles.Width < size; t++)
        {
            var width = (int)Math.Min(Tiles.Width, size - (t * Tiles.Width));
            var entries = EntryBundle.Read(await api.GetBytesAsync("v1/ledger/" + Tiles.Path(null, t, width)));
            for (var i = 0; i < width; i++)
            {
                var index = (t * Tiles.Width) + i;
                if (i >= entries.Count)
                {
                    throw new CliException($"entry {index} is missing from the server's entries; first bad index {index}");
                }

                if (!Hashes.Leaf(entries[i]).AsSpan().SequenceEqual(leafHashes[(int)index]))
                {
                    throw new CliException($"entry {index} does not hash to its leaf in the log: it was changed, removed or moved; first bad index {index}");
                }

                if (audit.Next(entries[i]) is { } finding)
                {
                    throw new CliException($"entry {finding.Index} breaks the story: {finding.Problem}; first bad index {finding.Index}");
                }
            }
        }

        return $"story holds ({audit.Completed} renders completed)";
    }

    private static CliException Fork(string trustedNote, string note, string why) =>
        new($"fork detected: {why}. trusted checkpoint: {OneLine(trustedNote)} | server checkpoint: {OneLine(note)}");

    private static string OneLine(string note) => note.Trim().Replace("\n", " / ", StringComparison.Ordinal);

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

    /// <summary>Checks a proof from <c>ledger prove</c> offline, against a pinned key.</summary>
    private static int CheckProof(Args a)
    {
        var proofPath = a.Word(2, "proof file");
        var keyPath = a.Require("ledger-key");
        var doc = JsonNode.Parse(File.ReadAllText(proofPath))!;
        var key = JsonNode.Parse(File.ReadAllText(keyPath))!;
        var keyName = key["keyName"]!.GetValue<string>();
        Checkpoint checkpoint;
        try
        {
            checkpoint = Checkpoint.Open(doc["checkpoint"]!.GetValue<string>(), keyName, Convert.FromBase64String(key["publicKeySpki"]!.GetValue<string>()));
        }
        catch (FormatException e)
        {
            throw new CliException($"the proof's checkpoint does not verify: {e.Message}");
        }

        var index = doc["index"]!.GetValue<long>();
        var leaf = Convert.FromBase64String(a.Get("leaf-hash") ?? doc["leafHash"]!.GetValue<string>());
        if (a.Get("entry") is { } entryPath)
        {
            leaf = Hashes.Leaf(File.ReadAllBytes(entryPath));
        }

        var hashes = doc["proof"]!.AsArray().Select(x => Convert.FromBase64String(x!.GetValue<string>())).ToList();
        if (ProofVerifier.Inclusion(index, checkpoint.Size, leaf, hashes, checkpoint.Root) is { } why)
        {
            throw new CliException($"entry {index} is not proven in the log of size {checkpoint.Size}: {why}");
        }

        Console.WriteLine($"ok: entry {index} is in {checkpoint.Origin} at size {checkpoint.Size}");
        return 0;
    }
}
