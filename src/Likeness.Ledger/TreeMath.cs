using System.Numerics;

namespace Likeness.Ledger;

/// <summary>
/// Gives the hash of a complete, aligned subtree: the one at <c>level</c> (2^level leaves) with index
/// <c>index</c> (covering leaves <c>[index·2^level, (index+1)·2^level)</c>). Storage answers it from tiles.
/// </summary>
public delegate byte[] NodeSource(int level, long index);

/// <summary>
/// RFC 9162 tree math, pure: the hash of any range, inclusion and consistency proofs (§2.1.3, §2.1.4), over a
/// <see cref="NodeSource"/>. Nothing here reads or writes storage.
/// </summary>
public static class TreeMath
{
    /// <summary>The largest power of two strictly below <paramref name="n"/> (n ≥ 2).</summary>
    public static long SplitPoint(long n) => (long)BitOperations.RoundUpToPowerOf2((ulong)n) >> 1;

    /// <summary>MTH(D[begin:end]) for a range whose start is aligned as RFC 9162's recursion makes it.</summary>
    public static byte[] HashRange(NodeSource nodes, long begin, long end)
    {
        var n = end - begin;
        if (n <= 0)
        {
            return Hashes.EmptyRoot();
        }

        if (BitOperations.IsPow2(n) && begin % n == 0)
        {
            return nodes(BitOperations.Log2((ulong)n), begin / n);
        }

        var k = SplitPoint(n);
        return Hashes.Node(HashRange(nodes, begin, begin + k), HashRange(nodes, begin + k, end));
    }

    /// <summary>The root of the tree of <paramref name="size"/> leaves.</summary>
    public static byte[] Root(NodeSource nodes, long size) => HashRange(nodes, 0, size);

    /// <summary>The audit path of leaf <paramref name="index"/> in the tree of <paramref name="size"/> leaves (RFC 9162 PATH).</summary>
    public static List<byte[]> InclusionProof(NodeSource nodes, long index, long size)
    {
        if (index < 0 || index >= size)
        {
            throw new ArgumentOutOfRangeException(nameof(index), "The index must be inside the tree.");
        }

        var proof = new List<byte[]>();
        Path(nodes, index, 0, size, proof);
        return proof;
    }

    private static void Path(NodeSource nodes, long m, long begin, long end, List<byte[]> proof)
    {
        var n = end - begin;
        if (n == 1)
        {
            return;
        }

        var k = SplitPoint(n);
        if (m < k)
        {
            Path(nodes, m, begin, begin + k, proof);
            proof.Add(HashRange(nodes, begin + k, end));
        }
        else
        {
            Path(nodes, m - k, begin + k, end, proof);
            proof.Add(HashRange(nodes, begin, begin + k));
        }
    }

    /// <summary>The consistency proof from <paramref name="size1"/> to <paramref name="size2"/> (RFC 9162 PROOF), 0 &lt; size1 ≤ size2.</summary>
    public static List<byte[]> ConsistencyProof(NodeSource nodes, long size1, long size2)
    {
        if (size1 <= 0 || size1 > size2)
        {
            throw new ArgumentOutOfRangeException(nameof(size1), "0 < from ≤ to.");
        }

        var proof = new List<byte[]>();
        if (size1 < size2)
        {
            SubProof(nodes, size1, 0, size2, true, proof);
        }

        return proof;
    }

    private static void SubProof(NodeSource nodes, long m, long begin, long end, bool whole, List<byte[]> proof)
    {
        var n = end - begin;
        if (m == n)
        {
            if (!whole)
            {
                proof.Add(HashRange(nodes, begin, end));
            }

            return;
        }

        var k = SplitPoint(n);
        if (m <= k)
        {
            SubProof(nodes, m, begin, begin + k, whole, proof);
            proof.Add(HashRange(nodes, begin + k, end));
        }
        else
        {
            SubProof(nodes, m - k, begin + k, end, false, proof);
            proof.Add(HashRange(nodes, begin, begin + k));
        }
    }
}
