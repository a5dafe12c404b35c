using System.Buffers;
using System.Security.Cryptography;
using Likeness.Application.Ports;

namespace Likeness.Application.Vault;

/// <summary>
/// Sealed content being read: each chunk is read and authenticated before any of its bytes is written out, so damaged,
/// truncated or reordered ciphertext never yields plaintext (<see cref="SealedChunkException"/> names the chunk).
/// </summary>
public sealed class OpenedContent : IDisposable
{
    private readonly IContentStore _store;
    private readonly AesGcm _aes;
    private readonly byte[] _aad;
    private byte[]? _first;
    private int _firstLength;

    internal OpenedContent(IContentStore store, SealedContentRecord record, byte[] dataKey)
    {
        _store = store;
        Record = record;
        _aes = new AesGcm(dataKey, VaultCipher.TagBytes);
        _aad = VaultCipher.ChunkAad(record.AssetId);
        CryptographicOperations.ZeroMemory(dataKey);
    }

    /// <summary>What is being read: its hash, size and chunks.</summary>
    public SealedContentRecord Record { get; }

    /// <summary>Writes the plaintext to <paramref name="destination"/>, chunk after authenticated chunk.</summary>
    public async Task CopyToAsync(Stream destination, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var plain = ArrayPool<byte>.Shared.Rent(VaultCipher.ChunkBytes);
        var sealedChunk = ArrayPool<byte>.Shared.Rent(VaultCipher.ChunkBytes + VaultCipher.Overhead);
        try
        {
            for (long i = 0; i < Record.ChunkCount; i++)
            {
                int n;
                if (i == 0 && _first is not null)
                {
                    n = _firstLength;
                    _first.AsSpan(0, n).CopyTo(plain);
                }
                else
                {
                    n = await OpenChunkAsync(i, sealedChunk, plain, ct);
                }

                await destination.WriteAsync(plain.AsMemory(0, n), ct);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(plain, clearArray: true);
            ArrayPool<byte>.Shared.Return(sealedChunk);
        }
    }

    /// <summary>Opens the first chunk now, so a reader learns of damage there before an answer starts.</summary>
    internal async Task PrefetchFirstAsync(CancellationToken ct)
    {
        var sealedChunk = ArrayPool<byte>.Shared.Rent(VaultCipher.ChunkBytes + VaultCipher.Overhead);
        try
        {
            _first = new byte[VaultCipher.PlainLength(Record.SizeBytes, 0)];
            _firstLength = await OpenChunkAsync(0, sealedChunk, _first, ct);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(sealedChunk);
        }
    }

    public void Dispose()
    {
        _aes.Dispose();
        if (_first is not null)
        {
            CryptographicOperations.ZeroMemory(_first);
        }
    }

    private async Task<int> OpenChunkAsync(long index, byte[] sealedChunk, byte[] plain, CancellationToken ct)
    {
        var length = VaultCipher.PlainLength(Record.SizeBytes, index);
        var buffer = sealedChunk.AsMemory(0, length + VaultCipher.Overhead);
        var n = await _store.ReadChunkAsync(Record.BlobId, index, buffer, ct);
        return VaultCipher.TryOpen(_aes, _aad, index, index == Record.ChunkCount - 1, buffer.Span[..n], plain.AsSpan(0, length))
            ? length
            : throw new SealedChunkException(Record.AssetId, index);
    }
}
