namespace Likeness.Ledger;

/// <summary>
/// Verifies RFC 9162 proofs (§2.1.3.2 and §2.1.4.2). Every hash must be 32 bytes; a consistency proof between
/// two empty trees is an error, as in the reference implementation.
/// </summary>
public static class ProofVerifier
{
    /// <summary>Null when the proof shows <paramref name="leafHash"/> at <paramref name="index"/> under <paramref name="root"/>; otherwise why not.</summary>
    public static string? Inclusion(long index, long size, byte[]? leafHash, IReadOnlyList<byte[]>? proof, byte[]? root)
    {
        if (index < 0 || size <= 0 || index >= size)
        {
            return $"index {index} is outside a tree of size {size}";
        }

        if (!IsHash(leafHash) || !IsHash(root) || proof is null || proof.Any(p => !IsHash(p)))
        {
            return "a hash is not 32 bytes";
        }

        var fn = index;
        var sn = size - 1;
        var r = (byte[])leafHash!.Clone();
        foreach (var p in proof)
        {
            if (sn == 0)
            {
                return "the proof is too long";
            }

            if ((fn & 1) == 1 || fn == sn)
            {
                Hashes.Node(p, r, r);
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                Hashes.Node(r, p, r);
            }

            fn >>= 1;
            sn >>= 1;
        }

        if (sn != 0)
        {
            return "the proof is too short";
        }

        return r.AsSpan().SequenceEqual(root) ? null : "the computed root does not match";
    }

    /// <summary>Null when the proof shows the tree of <paramref name="size1"/> is a prefix of the tree of <paramref name="size2"/>; otherwise why not.</summary>
    public static string? Consistency(long size1, long size2, byte[]? root1, byte[]? root2, IReadOnlyList<byte[]>? proof)
    {
        if (size1 < 0 || size2 < size1)
        {
            return $"size {size1} is larger than size {size2}";
        }

        if (proof is null)
        {
            return "no proof";
        }

        // Equal sizes need no hashing: the roots must simply be the same bytes (as the reference implementation decides).
        if (size1 == size2)
        {
            if (size1 == 0)
            {
                return "a consistency proof between two empty trees proves nothing";
            }

            if (proof.Count > 0)
            {
                return "equal sizes need an empty proof";
            }

            return root1 is not null && root2 is not null && root1.AsSpan().SequenceEqual(root2) ? null : "equal sizes but different roots";
        }

        if (!IsHash(root1) || !IsHash(root2) || proof.Any(p => !IsHash(p)))
        {
            return "a hash is not 32 bytes";
        }

        if (size1 == 0)
        {
            return "a consistency proof from the empty tree proves nothing";
        }

        if (proof.Count == 0)
        {
            return "the proof is empty";
        }

        var path = new List<byte[]>(proof.Count + 1);
        if (System.Numerics.BitOperations.IsPow2(size1))
        {
            path.Add(root1!);
        }

        path.AddRange(proof);
        var fn = size1 - 1;
        var sn = size2 - 1;
        while ((fn & 1) == 1)
        {
            fn >>= 1;
            sn >>= 1;
        }

        var fr = (byte[])path[0].Clone();
        var sr = (byte[])path[0].Clone();
        for (var i = 1; i < path.Count; i++)
        {
            var c = path[i];
            if (sn == 0)
            {
                return "the proof is too long";
            }

            if ((fn & 1) == 1 || fn == sn)
            {
                Hashes.Node(c, fr, fr);
                Hashes.Node(c, sr, sr);
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                Hashes.Node(sr, c, sr);
            }

            fn >>= 1;
            sn >>= 1;
        }

        if (sn != 0)
        {
            return "the proof is too short";
        }

        if (!fr.AsSpan().SequenceEqual(root1))
        {
            return "the proof does not reproduce the first root";
        }

        return sr.AsSpan().SequenceEqual(root2) ? null : "the proof does not reproduce the second root";
    }

    private static bool IsHash(byte[]? h) => h is { Length: Hashes.Size };
}
