using System.Globalization;
using System.Text.Json.Nodes;
using Likeness.Cli.Output;
using Likeness.Ledger;

namespace Likeness.Cli;

/// <summary>
/// <c>likeness ledger entry N</c>: one entry of the ledger, decoded from its exact bytes, with its inclusion proof checked
/// against the checkpoint <c>ledger verify</c> last verified for the server. That checkpoint was verified (signature,
/// tiles, consistency) before it was kept, so its size and root are trusted as stored; an entry it does not cover yet
/// is printed unproven, with a note to verify first. A proof that fails is exit 1: the server shows an entry its log
/// does not hold.
/// </summary>
public static class LedgerEntryCommand
{
    public static async Task<int> RunAsync(ApiClient api, string server, ServerState state, long index, bool json)
    {
        var answer = await api.SendAsync(HttpMethod.Get, $"v1/ledger/entries/{index}") ?? throw new CliException($"entry {index}: the server sent nothing");
        var bytes = answer["entry"] is JsonValue v && v.TryGetValue<string>(out var b64) ? FromBase64(b64, index)
            : throw new CliException($"entry {index}: the server's answer has no entry bytes");

        // The leaf is computed here from the bytes, and what is printed is decoded from them: the server's own decoding and leaf hash are not trusted.
        var leaf = Hashes.Leaf(bytes);
        var proof = await ProveAsync(api, server, state, index, leaf);
        if (json)
        {
            Answer.PrintJson(answer);
            if (!proof.Proven)
            {
                Console.Error.WriteLine($"likeness: {proof.Text}");
            }
        }
        else
        {
            Answer.Print(
                new JsonObject
                {
                    ["index"] = index,
                    ["leafHash"] = Convert.ToBase64String(leaf),
                    ["proof"] = proof.Text,
                    ["entry"] = Decode(bytes, index),
                },
                json: false);
        }

        return ExitCodes.Ok;
    }

    private static async Task<(bool Proven, string Text)> ProveAsync(ApiClient api, string server, ServerState state, long index, byte[] leaf)
    {
        if (!File.Exists(state.CheckpointPath))
        {
            return (false, $"entry {index} not proven: no trusted checkpoint for {server} yet (run 'likeness ledger verify' first)");
        }

        var (size, root) = Trusted(await File.ReadAllTextAsync(state.CheckpointPath), state.CheckpointPath);
        if (index >= size)
        {
            return (false, $"entry {index} not proven: the trusted checkpoint (size {size}) is older than it (run 'likeness ledger verify' to advance it)");
        }

        var answer = await api.SendAsync(HttpMethod.Get, $"v1/ledger/proofs/inclusion?index={index}&treeSize={size}");
        var hashes = HttpLogFetchers.ProofHashes(answer?["proof"]);
        return ProofVerifier.Inclusion(index, size, leaf, hashes, root) is { } why
            ? throw new CliException($"entry {index} is not in the trusted log of size {size}: {why}")
            : (true, $"included in the trusted checkpoint of size {size}");
    }

    /// <summary>The size and root of a checkpoint note (its first lines: origin, size, root).</summary>
    private static (long Size, byte[] Root) Trusted(string note, string path)
    {
        var lines = note.Split('\n');
        var root = new byte[Hashes.Size];
        return lines.Length > 2
            && long.TryParse(lines[1], NumberStyles.None, CultureInfo.InvariantCulture, out var size)
            && Convert.TryFromBase64String(lines[2], root, out var n) && n == Hashes.Size
            ? (size, root)
            : throw new CliException($"{path} is not a checkpoint");
    }

    private static byte[] FromBase64(string text, long index)
    {
        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            throw new CliException($"entry {index}: the server's entry bytes are not base64");
        }
    }

    private static JsonNode Decode(byte[] bytes, long index)
    {
        try
        {
            return JsonNode.Parse(bytes) ?? throw new CliException($"entry {index} is null");
        }
        catch (System.Text.Json.JsonException)
        {
            throw new CliException($"entry {index} is not JSON");
        }
    }
}
