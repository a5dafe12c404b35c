using System.Text.Json.Nodes;
using Likeness.Ledger;
using Xunit;

namespace Likeness.Tests.Ledger;

/// <summary>The RFC 9162 vectors of ../shared/oracles/merkle: every valid proof verifies, every invalid one is rejected.</summary>
public sealed class MerkleOracleTests
{
    private static string OracleDir
    {
        get
        {
            for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            {
                var candidate = Path.Combine(d.FullName, "shared", "oracles", "merkle");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }

            throw new DirectoryNotFoundException("shared/oracles/merkle is expected beside the repository.");
        }
    }

    public static TheoryData<string> Files(string kind)
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(Path.Combine(OracleDir, kind), "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(OracleDir, f));
        }

        return data;
    }

    public static TheoryData<string> InclusionFiles() => Files("inclusion");

    public static TheoryData<string> ConsistencyFiles() => Files("consistency");

    // The vectors use uint64; a value past long.MaxValue is out of every tree (the verifier then rejects it as negative).
    private static long Signed(JsonNode? n) => unchecked((long)n!.GetValue<ulong>());

    private static byte[]? B64(JsonNode? n)
    {
        if (n is null)
        {
            return null;
        }

        try
        {
            return Convert.FromBase64String(n.GetValue<string>());
        }
        catch (FormatException)
        {
            return [];
        }
    }

    private static List<byte[]>? Proof(JsonNode? n) => n is JsonArray a ? a.Select(x => B64(x) ?? []).ToList() : null;

    [Theory]
    [MemberData(nameof(InclusionFiles))]
    public void Inclusion_vector(string file)
    {
        var v = JsonNode.Parse(File.ReadAllText(Path.Combine(OracleDir, file)))!;
        var error = ProofVerifier.Inclusion(Signed(v["leafIdx"]), Signed(v["treeSize"]), B64(v["leafHash"]), Proof(v["proof"]) ?? [], B64(v["root"]));
        Assert.True(v["wantErr"]!.GetValue<bool>() == (error is not null), $"{file} ({v["desc"]}): {error ?? "accepted"}");
    }

    [Theory]
    [MemberData(nameof(ConsistencyFiles))]
    public void Consistency_vector(string file)
    {
        var v = JsonNode.Parse(File.ReadAllText(Path.Combine(OracleDir, file)))!;
        var error = ProofVerifier.Consistency(Signed(v["size1"]), Signed(v["size2"]), B64(v["root1"]), B64(v["root2"]), Proof(v["proof"]) ?? []);
        Assert.True(v["wantErr"]!.GetValue<bool>() == (error is not null), $"{file} ({v["desc"]}): {error ?? "accepted"}");
    }

    [Fact]
    public void The_reference_tree_is_reproduced_for_every_size()
    {
        var tree = JsonNode.Parse(File.ReadAllText(Path.Combine(OracleDir, "reference-tree.json")))!;
        var inputs = tree["leafInputsHex"]!.AsArray().Select(x => Convert.FromHexString(x!.GetValue<string>())).ToList();
        var leafHashes = inputs.Select(i => Hashes.Leaf(i)).ToList();
        Assert.Equal(tree["leafHashesHex"]!.AsArray().Select(x => x!.GetValue<string>()), leafHashes.Select(Convert.ToHexStringLower));
        var roots = RootsBySize(tree);
        for (var n = 0; n <= inputs.Count; n++)
        {
            var builder = new RootBuilder();
            leafHashes.Take(n).ToList().ForEach(h => builder.Append(h));
            Assert.Equal(roots[n], Convert.ToHexStringLower(builder.Root()));
            Assert.Equal(roots[n], Convert.ToHexStringLower(TreeMath.Root(InMemory(leafHashes), n)));
            var (_, tileRoot) = TileIntegrator.Integrate(0, leafHashes.Take(n).ToList(), (_, _) => null);
            Assert.Equal(roots[n], Convert.ToHexStringLower(tileRoot));
        }
    }

    private static List<string> RootsBySize(JsonNode tree)
    {
        var node = tree["rootHashesHexBySize"];
        return node switch
        {
            JsonArray a => a.Select(x => x!.GetValue<string>().ToLowerInvariant()).ToList(),
            JsonObject o => o.OrderBy(p => int.Parse(p.Key, System.Globalization.CultureInfo.InvariantCulture)).Select(p => p.Value!.GetValue<string>().ToLowerInvariant()).ToList(),
            _ => throw new InvalidDataException("reference-tree.json has no roots"),
        };
    }

    /// <summary>A node source over leaf hashes kept in memory (the test's independent model of the tree).</summary>
    internal static NodeSource InMemory(IReadOnlyList<byte[]> leaves) => (level, index) =>
    {
        var width = 1L << level;
        var b = new RootBuilder();
        for (var i = index * width; i < (index + 1) * width; i++)
        {
            b.Append(leaves[(int)i]);
        }

        return b.Root();
    };
}
