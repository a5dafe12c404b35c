namespace Likeness.Application.Ports;

/// <summary>
/// Where the vault's sealed bytes live (docs/CUSTODY.md): numbered chunks of ciphertext under a blob id. The store never
/// sees a key or a plaintext byte, and decides nothing: the vault authenticates every chunk it reads back. A file beside
/// the SQLite store, a table every PostgreSQL node reaches; an S3-compatible store would be one more implementation.
/// </summary>
public interface IContentStore
{
    /// <summary>Writes (or overwrites) chunk <paramref name="index"/> of <paramref name="blobId"/>; durable only after <see cref="FlushAsync"/>.</summary>
    ValueTask WriteChunkAsync(string blobId, long index, ReadOnlyMemory<byte> sealedChunk, CancellationToken ct = default);

    /// <summary>Makes every chunk written to <paramref name="blobId"/> so far durable.</summary>
    ValueTask FlushAsync(string blobId, CancellationToken ct = default);

    /// <summary>
    /// Reads chunk <paramref name="index"/> into <paramref name="buffer"/>, which is as long as the chunk should be;
    /// returns how many bytes were there (fewer, or 0, when the chunk is short or missing).
    /// </summary>
    ValueTask<int> ReadChunkAsync(string blobId, long index, Memory<byte> buffer, CancellationToken ct = default);

    /// <summary>Removes every chunk of <paramref name="blobId"/> (an abandoned upload); nothing when there is none.</summary>
    ValueTask DeleteAsync(string blobId, CancellationToken ct = default);
}
