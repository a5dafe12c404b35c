using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Likeness.Application.Vault;

/// <summary>
/// The vault's envelope encryption with the base library's AES-256-GCM (docs/CUSTODY.md). Keys are wrapped under the
/// key above them with their owner's id as associated data. Content is sealed in chunks of <see cref="ChunkBytes"/>:
/// each chunk is <c>nonce ‖ ciphertext ‖ tag</c> with a fresh random nonce, and its associated data binds the asset,
/// the chunk's index and whether it is the last, so a chunk moved to another asset or place, or a content cut short,
/// fails to open.
/// </summary>
public static class VaultCipher
{
    /// <summary>Plaintext bytes per chunk (the last may be shorter).</summary>
    public const int ChunkBytes = 1 << 20;

    public const int KeyBytes = 32;
    public const int NonceBytes = 12;
    public const int TagBytes = 16;

    /// <summary>What sealing adds to a chunk.</summary>
    public const int Overhead = NonceBytes + TagBytes;

    private static readonly byte[] ChunkLabel = Encoding.UTF8.GetBytes("likeness vault chunk v1\0");
    private static readonly byte[] KeyLabel = Encoding.UTF8.GetBytes("likeness vault key v1\0");

    /// <summary>A fresh random key.</summary>
    public static byte[] NewKey() => RandomNumberGenerator.GetBytes(KeyBytes);

    /// <summary>How many chunks content of <paramref name="size"/> bytes takes (empty content is one empty chunk).</summary>
    public static long ChunkCount(long size) => size == 0 ? 1 : (size + ChunkBytes - 1) / ChunkBytes;

    /// <summary>The plaintext length of chunk <paramref name="index"/> of content of <paramref name="size"/> bytes.</summary>
    public static int PlainLength(long size, long index) => (int)Math.Min(ChunkBytes, size - (index * ChunkBytes));

    /// <summary>Wraps <paramref name="key"/> under <paramref name="wrappingKey"/>, bound to <paramref name="owner"/> (<c>kek:prf_…</c>, <c>dek:ast_…</c>).</summary>
    public static byte[] Wrap(byte[] wrappingKey, byte[] key, string owner)
    {
        var wrapped = new byte[NonceBytes + key.Length + TagBytes];
        RandomNumberGenerator.Fill(wrapped.AsSpan(0, NonceBytes));
        using var aes = new AesGcm(wrappingKey, TagBytes);
        aes.Encrypt(wrapped.AsSpan(0, NonceBytes), key, wrapped.AsSpan(NonceBytes, key.Length), wrapped.AsSpan(NonceBytes + key.Length), KeyAad(owner));
        return wrapped;
    }

    /// <summary>The key <see cref="Wrap"/> wrapped, or null when it was not wrapped under this key for this owner.</summary>
    public static byte[]? Unwrap(byte[] wrappingKey, byte[] wrapped, string owner)
    {
        if (wrapped.Length != NonceBytes + KeyBytes + TagBytes)
        {
            return null;
        }

        var key = new byte[KeyBytes];
        using var aes = new AesGcm(wrappingKey, TagBytes);
        try
        {
            aes.Decrypt(wrapped.AsSpan(0, NonceBytes), wrapped.AsSpan(NonceBytes, KeyBytes), wrapped.AsSpan(NonceBytes + KeyBytes), key, KeyAad(owner));
            return key;
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }
    }

    /// <summary>The associated data of one chunk: the asset, its index, whether it is the last.</summary>
    public static byte[] ChunkAad(string assetId) => [.. ChunkLabel, .. Encoding.UTF8.GetBytes(assetId), 0, .. new byte[9]];

    /// <summary>Seals one chunk into <paramref name="sealedChunk"/> (<paramref name="plain"/>'s length plus <see cref="Overhead"/>).</summary>
    public static void Seal(AesGcm aes, byte[] aad, long index, bool last, ReadOnlySpan<byte> plain, Span<byte> sealedChunk)
    {
        SetPlace(aad, index, last);
        RandomNumberGenerator.Fill(sealedChunk[..NonceBytes]);
        aes.Encrypt(sealedChunk[..NonceBytes], plain, sealedChunk.Slice(NonceBytes, plain.Length), sealedChunk.Slice(NonceBytes + plain.Length, TagBytes), aad);
    }

    /// <summary>Opens one chunk into <paramref name="plain"/>; false when it is not this asset's chunk at this place, or was changed.</summary>
    public static bool TryOpen(AesGcm aes, byte[] aad, long index, bool last, ReadOnlySpan<byte> sealedChunk, Span<byte> plain)
    {
        if (sealedChunk.Length != plain.Length + Overhead)
        {
            return false;
        }

        SetPlace(aad, index, last);
        try
        {
            aes.Decrypt(sealedChunk[..NonceBytes], sealedChunk.Slice(NonceBytes, plain.Length), sealedChunk.Slice(NonceBytes + plain.Length, TagBytes), plain, aad);
            return true;
        }
        catch (AuthenticationTagMismatchException)
        {
            plain.Clear();
            return false;
        }
    }

    private static void SetPlace(byte[] aad, long index, bool last)
    {
        BinaryPrimitives.WriteInt64BigEndian(aad.AsSpan(aad.Length - 9, 8), index);
        aad[^1] = last ? (byte)1 : (byte)0;
    }

    private static byte[] KeyAad(string owner) => [.. KeyLabel, .. Encoding.UTF8.GetBytes(owner)];
}
