using System.Security.Cryptography;

namespace Likeness.Ledger;

/// <summary>RFC 9162 hashing with SHA-256: leaves are <c>H(0x00 || entry)</c>, interior nodes <c>H(0x01 || left || right)</c>.</summary>
public static class Hashes
{
    public const int Size = 32;

    /// <summary>The root of the empty tree: SHA-256 of nothing.</summary>
    public static byte[] EmptyRoot() => SHA256.HashData([]);

    public static byte[] Leaf(ReadOnlySpan<byte> entry)
    {
        var h = new byte[Size];
        Leaf(entry, h);
        return h;
    }

    public static void Leaf(ReadOnlySpan<byte> entry, Span<byte> into)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData([0x00]);
        hash.AppendData(entry);
        hash.GetHashAndReset(into);
    }

    public static byte[] Node(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        var h = new byte[Size];
        Node(left, right, h);
        return h;
    }

    /// <summary>Writes <c>H(0x01 || left || right)</c>; <paramref name="into"/> may alias either input.</summary>
    public static void Node(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right, Span<byte> into)
    {
        Span<byte> buffer = stackalloc byte[1 + (2 * Size)];
        buffer[0] = 0x01;
        left.CopyTo(buffer[1..]);
        right.CopyTo(buffer[(1 + Size)..]);
        SHA256.HashData(buffer, into);
    }
}
