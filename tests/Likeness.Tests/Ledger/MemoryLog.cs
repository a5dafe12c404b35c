using System.Security.Cryptography;
using System.Text;
using Likeness.Ledger;
using Likeness.Ledger.Verification;

namespace Likeness.Tests.Ledger;

/// <summary>
/// A log held in memory, built with the Ledger library's own tile and checkpoint code and signed with a fixed
/// ECDSA P-256 key; it serves itself through <see cref="LogFetchers"/>. Tampering is a change to what it serves:
/// other entries than it integrated, a tile's bytes, a proof.
/// </summary>
internal sealed class MemoryLog
{
    public const string KeyName = "likeness.test/ledger";

    private readonly Dictionary<(int Level, long Index), byte[]> _tiles = [];

    private MemoryLog(IReadOnlyList<byte[]> entries, ECDsa key)
    {
        Entries = entries;
        Leaves = entries.Select(e => Hashes.Leaf(e)).ToList();
        var (tiles, root) = TileIntegrator.Integrate(0, Leaves, (_, _) => null);
        foreach (var t in tiles)
        {
            _tiles[(t.Level, t.Index)] = t.Data;
        }

        Root = root;
        Note = SignAt(Entries.Count, key);
        Served = [.. entries];
    }

    /// <summary>The entries the log integrated.</summary>
    public IReadOnlyList<byte[]> Entries { get; }

    public List<byte[]> Leaves { get; }

    public byte[] Root { get; }

    /// <summary>The signed checkpoint note of the whole log.</summary>
    public string Note { get; }

    /// <summary>The entries the bundles are cut from, in order (as the server reads them by index range); tamper here.</summary>
    public List<byte[]> Served { get; set; }

    /// <summary>Replaces tile bytes as served; the tiles the checkpoint was built from stay as they were.</summary>
    public Func<int, long, byte[], byte[]> TamperTile { get; set; } = (_, _, t) => t;

    public Func<IReadOnlyList<byte[]>, IReadOnlyList<byte[]>> TamperProof { get; set; } = p => p;

    /// <summary>The log's fixed key: tests are the same on every run (only ECDSA's nonces differ, and verification ignores them).</summary>
    public static ECDsa Key(string seed = "likeness log verifier tests")
    {
        var key = ECDsa.Create();
        key.ImportParameters(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, D = SHA256.HashData(Encoding.UTF8.GetBytes(seed)) });
        return key;
    }

    public static PinnedKey Pinned(ECDsa key) => new(KeyName, key.ExportSubjectPublicKeyInfo());

    public static MemoryLog Build(IReadOnlyList<byte[]> entries, ECDsa key) => new(entries, key);

    /// <summary>A checkpoint of the first <paramref name="size"/> entries, signed by <paramref name="key"/>.</summary>
    public string SignAt(long size, ECDsa key)
    {
        var root = new RootBuilder();
        foreach (var leaf in Leaves.Take((int)size))
        {
            root.Append(leaf);
        }

        return new Checkpoint(KeyName, size, root.Root()).Sign(KeyName, key.ExportSubjectPublicKeyInfo(),
            data => key.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
    }

    /// <summary>Any node hash of the honest tree, from its tiles.</summary>
    public NodeSource Nodes() => Tiles.Nodes((level, index) => _tiles.GetValueOrDefault((level, index)));

    public LogFetchers Fetchers(bool auditor = true) => new()
    {
        Checkpoint = _ => Task.FromResult(Encoding.UTF8.GetBytes(Note)),
        Tile = (level, index, width, _) => Task.FromResult(TamperTile(level, index, TileAt(level, index, width))),
        ConsistencyProof = (from, to, _) =>
            Task.FromResult(TamperProof(TreeMath.ConsistencyProof(Nodes(), from, to))),
        EntryBundle = auditor
            ? (index, width, _) => Task.FromResult<byte[]?>(EntryBundle.Write(Served.Skip((int)(index * Tiles.Width)).Take(width)))
            : null,
    };

    private byte[] TileAt(int level, long index, int width) =>
        _tiles.TryGetValue((level, index), out var tile) && tile.Length >= width * Hashes.Size
            ? tile.AsSpan(0, width * Hashes.Size).ToArray()
            : throw new InvalidOperationException($"no tile {level}/{index} of width {width}");
}

/// <summary>Ledger entries whose story holds: a consent, a licence, then renders authorized and completed.</summary>
internal static class Story
{
    public static List<byte[]> Renders(int renders)
    {
        var entries = new List<byte[]>
        {
            Entry("""{"at":"2026-01-01T00:00:00.000Z","kind":"consent.version","performer":"prf_1","v":1}"""),
            Entry("""{"at":"2026-01-01T00:00:01.000Z","kind":"license.approved","license":"lic_1","performer":"prf_1","termEnd":"2027-01-01T00:00:00.000Z","v":1}"""),
        };
        for (var r = 0; r < renders; r++)
        {
            entries.Add(Entry($$"""{"at":"2026-02-01T00:00:00.000Z","kind":"render.authorized","license":"lic_1","render":"rnd_{{r}}","reservedMs":3000,"use":0,"v":1}"""));
            entries.Add(Entry($$"""{"actualMs":2000,"at":"2026-02-01T00:00:01.000Z","kind":"render.completed","render":"rnd_{{r}}","v":1}"""));
        }

        return entries;
    }

    public static byte[] Entry(string json) => Encoding.UTF8.GetBytes(json);
}
