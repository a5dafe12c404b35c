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

/// <summary>
/// What an asset was made from (seed 001's "provably clean datasets"): recordings and sessions with their hashes and the
/// consent version in force when each was captured (null: none, the source is without consent), and the assets it was
/// derived from. <see cref="Flagged"/> when a source, or an asset it derives from, is without consent.
/// </summary>
public sealed record LineageRecord(string AssetId, IReadOnlyList<LineageSource> Sources, IReadOnlyList<string> DerivedFrom, bool Flagged, DateTimeOffset RecordedAt, long LedgerIndex);

/// <summary>One source of an asset: a recording or a session, its hash, when it was captured, and the consent then in force.</summary>
public sealed record LineageSource(string Kind, string Name, string Sha256, DateTimeOffset CapturedAt, int? ConsentVersion);

/// <summary>
/// An asset released to a render: a single-use download, by the hash of its token, until <see cref="ExpiresAt"/>.
/// </summary>
public sealed record AssetGrantRecord(
    string Id, string TokenHash, string RenderId, string AssetId, string StudioId, string Sha256, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt,
    DateTimeOffset? UsedAt, long LedgerIndex)
{
    /// <summary>When the studio must have deleted the released copy (the licence's retention after the release); null: no retention.</summary>
    public DateTimeOffset? DeleteBy { get; init; }

    /// <summary>When the studio is reminded of <see cref="DeleteBy"/> (<see cref="Likeness.Domain.Licensing.AssetRetention.RemindAt"/>).</summary>
    public DateTimeOffset? RemindAt { get; init; }

    /// <summary>When the reminder was published.</summary>
    public DateTimeOffset? RemindedAt { get; init; }

    /// <summary>When the obligation was recorded overdue (<c>asset.retention_overdue</c>).</summary>
    public DateTimeOffset? OverdueAt { get; init; }

    /// <summary>When the studio stated it deleted its copy (<c>asset.deleted</c>).</summary>
    public DateTimeOffset? DeletedAt { get; init; }
}
