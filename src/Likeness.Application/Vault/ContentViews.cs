namespace Likeness.Application.Vault;

/// <summary>Where an asset's upload stands: how many bytes are durable, and the sizes the vault works in.</summary>
public sealed record UploadStatusView(string AssetId, string State, long Offset, int ChunkBytes, long MaxBytes, string? Sha256, long? SizeBytes);

/// <summary>The answer to one part: the durable offset, and, once the last part is in, the sealed content's hash and size.</summary>
public sealed record ContentPartView(string AssetId, long Offset, bool Complete, string? Sha256, long? SizeBytes, long? LedgerIndex);

/// <summary>An asset's content destroyed: its data key is gone.</summary>
public sealed record ShreddedView(string AssetId, string Sha256, DateTimeOffset ShreddedAt, string Reason, long LedgerIndex);

/// <summary><c>POST /v1/performers/{id}/assets/{asset}/shred</c>: nothing to say but, optionally, why.</summary>
public sealed record ShredBody(string? Reason = null);
