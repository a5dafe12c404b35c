using BenchmarkDotNet.Attributes;
using Likeness.Ledger;

namespace Likeness.Bench;

/// <summary>Proof generation and verification on a tree of 2^20 leaves held as tiles (what the server serves from).</summary>
[MemoryDiagnoser]
public class LedgerBenchmarks
{
    private const long Size = 1 << 20;
    private readonly Dictionary<(int, long), byte[]> _tiles = [];
    private NodeSource _nodes = null!;
    private byte[] _root = null!;
    private byte[] _leaf = null!;
    private List<byte[]> _proof = null!;
    private List<byte[]> _consistency = null!;
    private byte[] _oldRoot = null!;
    private long _next;

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(7);
        var batch = new List<byte[]>(65_536);
        for (long done = 0; done < Size; done += batch.Count)
        {
            batch.Clear();
            for (var i = 0; i < 65_536; i++)
            {
                var e = new byte[64];
                rng.NextBytes(e);
                batch.Add(Hashes.Leaf(e));
            }

            var (updates, root) = TileIntegrator.Integrate(done, batch, (l, i) => _tiles.GetValueOrDefault((l, i)));
            updates.ToList().ForEach(u => _tiles[(u.Level, u.Index)] = u.Data);
            _root = root;
        }

        _nodes = new TileNodeCache(capacity: 1 << 16).Nodes((l, i) => _tiles.GetValueOrDefault((l, i)));
        _leaf = _nodes(0, 123_456);
        _proof = TreeMath.InclusionProof(_nodes, 123_456, Size);
        _consistency = TreeMath.ConsistencyProof(_nodes, 700_001, Size);
        _oldRoot = TreeMath.Root(_nodes, 700_001);
    }

    [Benchmark]
    public List<byte[]> InclusionProof() => TreeMath.InclusionProof(_nodes, (_next = (_next + 7919) % Size), Size);

    [Benchmark]
    public string? VerifyInclusion() => ProofVerifier.Inclusion(123_456, Size, _leaf, _proof, _root);

    [Benchmark]
    public List<byte[]> ConsistencyProof() => TreeMath.ConsistencyProof(_nodes, 700_001, Size);

    [Benchmark]
    public string? VerifyConsistency() => ProofVerifier.Consistency(700_001, Size, _oldRoot, _root, _consistency);
}
