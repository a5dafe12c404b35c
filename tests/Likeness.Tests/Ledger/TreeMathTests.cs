using Likeness.Ledger;
using Xunit;

namespace Likeness.Tests.Ledger;

/// <summary>Generated proofs verify, tiles built in batches agree with a one-pass root, and tile paths follow C2SP.</summary>
public sealed class TreeMathTests
{
    private const int Seed = 20261122;

    private static List<byte[]> Leaves(int n, Random rng) =>
        Enumerable.Range(0, n).Select(i =>
        {
            var e = new byte[4 + rng.Next(0, 40)];
            rng.NextBytes(e);
            BitConverter.TryWriteBytes(e, i);
            return Hashes.Leaf(e);
        }).ToList();

    [Fact]
    public void Proofs_generated_from_tiles_verify_for_random_trees()
    {
        var rng = new Random(Seed);
        for (var round = 0; round < 30; round++)
        {
            var n = rng.Next(1, 1400);
            var leaves = Leaves(n, rng);
            var tiles = new Dictionary<(int, long), byte[]>();
            long size = 0;
            while (size < n)
            {
                var batch = Math.Min(n - (int)size, rng.Next(1, 300));
                var (updates, root) = TileIntegrator.Integrate(size, leaves.Skip((int)size).Take(batch).ToList(), (l, i) => tiles.GetValueOrDefault((l, i)));
                updates.ToList().ForEach(u => tiles[(u.Level, u.Index)] = u.Data);
                size += batch;
                var expected = new RootBuilder();
                leaves.Take((int)size).ToList().ForEach(h => expected.Append(h));
                Assert.True(expected.Root().AsSpan().SequenceEqual(root), $"seed {Seed}, round {round}: root at size {size}");
            }

            var nodes = Tiles.Nodes((l, i) => tiles.GetValueOrDefault((l, i)));
            var fullRoot = TreeMath.Root(nodes, n);
            var cached = new TileNodeCache(capacity: 3).Nodes((l, i) => tiles.GetValueOrDefault((l, i)));
            Assert.Equal(fullRoot, TreeMath.Root(cached, n));
            for (var k = 0; k < 10; k++)
            {
                var index = rng.Next(0, n);
                var proof = TreeMath.InclusionProof(nodes, index, n);
                Assert.Equal(proof, TreeMath.InclusionProof(cached, index, n));
                Assert.Null(ProofVerifier.Inclusion(index, n, leaves[index], proof, fullRoot));
                if (n > 1)
                {
                    Assert.NotNull(ProofVerifier.Inclusion(index, n, leaves[(index + 1) % n], proof, fullRoot));
                }

                var from = rng.Next(1, n + 1);
                var consistency = TreeMath.ConsistencyProof(nodes, from, n);
                Assert.Null(ProofVerifier.Consistency(from, n, TreeMath.Root(nodes, from), fullRoot, consistency));
            }
        }
    }

    [Theory]
    [InlineData(0, 0, 256, "tile/0/000")]
    [InlineData(1, 1234067, 256, "tile/1/x001/x234/067")]
    [InlineData(2, 5, 17, "tile/2/005.p/17")]
    [InlineData(null, 1000, 3, "tile/entries/x001/000.p/3")]
    public void Tile_paths_follow_the_spec(int? level, long index, int width, string path)
    {
        Assert.Equal(path, Tiles.Path(level, index, width));
        Assert.True(Tiles.TryParse(path["tile/".Length..], out var l, out var i, out var w));
        Assert.Equal((level, index, width), (l, i, w));
    }

    [Theory]
    [InlineData("0/00")]
    [InlineData("0/1234")]
    [InlineData("0/001.p/256")]
    [InlineData("0/001.p/0")]
    [InlineData("x/001")]
    [InlineData("0/001/x002")]
    public void Malformed_tile_paths_are_rejected(string rest) => Assert.False(Tiles.TryParse(rest, out _, out _, out _));

    [Fact]
    public void A_checkpoint_signed_by_one_key_opens_only_with_that_key()
    {
        using var key = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        using var other = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        var spki = key.ExportSubjectPublicKeyInfo();
        var cp = new Checkpoint("likeness.test/ledger", 42, Hashes.Leaf([1, 2, 3]));
        var note = cp.Sign("likeness.test/ledger", spki, b => key.SignData(b, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.DSASignatureFormat.Rfc3279DerSequence));
        var opened = Checkpoint.Open(note, "likeness.test/ledger", spki);
        Assert.Equal(42, opened.Size);
        Assert.Throws<FormatException>(() => Checkpoint.Open(note, "likeness.test/ledger", other.ExportSubjectPublicKeyInfo()));
        Assert.Throws<FormatException>(() => Checkpoint.Open(note.Replace("\n42\n", "\n43\n", StringComparison.Ordinal), "likeness.test/ledger", spki));
        var forged = cp.Sign("likeness.test/ledger", spki, b => other.SignData(b, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.DSASignatureFormat.Rfc3279DerSequence));
        Assert.Throws<FormatException>(() => Checkpoint.Open(forged, "likeness.test/ledger", spki));
        var withForeign = note + "\u2014 someone.else/log AAAAAAAA\n";
        Assert.Equal(42, Checkpoint.Open(withForeign, "likeness.test/ledger", spki).Size);
    }
}
