namespace Likeness.Application.Vault;

/// <summary>A performer's key-encryption key, wrapped by the master key (which is never in the store).</summary>
public sealed record VaultKeyRecord(string PerformerId, byte[] WrappedKey, DateTimeOffset CreatedAt);

/// <summary>
/// An upload in progress: the bytes before <see cref="Offset"/> are sealed in the content store under
/// <see cref="BlobId"/> and durable. Its data key is wrapped by the performer's key-encryption key.
/// </summary>
public sealed record UploadRecord(
    string AssetId, string BlobId, long Offset, string? ExpectedSha256, byte[] WrappedDataKey, DateTimeOffset StartedAt, DateTimeOffset UpdatedAt);

/// <summary>
/// An asset's sealed content: what the vault holds and how to read it. <see cref="WrappedDataKey"/> is null once the
/// content was shredded: the ciphertext may remain, nothing opens it.
/// </summary>
public sealed record SealedContentRecord(
    string AssetId, string BlobId, string Sha256, long SizeBytes, long ChunkCount, byte[]? WrappedDataKey, DateTimeOffset SealedAt,
    long LedgerIndex, DateTimeOffset? ShreddedAt)
{
    /// <summary>Whether the content can still be opened.</summary>
    public bool IsShredded => WrappedDataKey is null;
}
