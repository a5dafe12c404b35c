namespace Likeness.Application.Vault;

/// <summary>Where an asset's upload stands: how many bytes are durable, and the sizes the vault works in.</summary>
public sealed record UploadStatusView(string AssetId, string State, long Offset, int ChunkBytes, long MaxBytes, string? Sha256, long? SizeBytes);

/// <summary>The answer to one part: the durable offset, and, once the last part is in, the sealed content's hash and size.</summary>
public sealed record ContentPartView(string AssetId, long Offset, bool Complete, string? Sha256, long? SizeBytes, long? LedgerIndex);

/// <summary>An asset's content destroyed: its data key is gone.</summary>
public sealed record ShreddedView(string AssetId, string Sha256, DateTimeOffset ShreddedAt, string Reason, long LedgerIndex);

/// <summary><c>POST /v1/performers/{id}/assets/{asset}/shred</c>: nothing to say but, optionally, why.</summary>
public sealed record ShredBody(string? Reason = null);

/// <summary><c>POST /v1/performers/{id}/assets/{asset}/lineage</c>: the asset's sources and the assets it derives from.</summary>
public sealed record LineageBody(LineageSourceBody[]? Sources = null, string[]? DerivedFrom = null);

/// <summary>A recording or session the asset was made from, its SHA-256, and when it was captured.</summary>
public sealed record LineageSourceBody(string Kind, string Name, string? Sha256, DateTimeOffset CapturedAt);

/// <summary>
/// An asset's lineage tree: <c>consent</c> is <c>clean</c>, <c>flagged</c> (a source without consent, here or below) or
/// <c>unrecorded</c>.
/// </summary>
public sealed record LineageView(string AssetId, string Name, string? Sha256, string Consent, long? LedgerIndex, LineageSourceView[] Sources, LineageView[] DerivedFrom);

/// <summary>One source and the consent version in force when it was captured (none: <c>consented</c> false).</summary>
public sealed record LineageSourceView(string Kind, string Name, string Sha256, DateTimeOffset CapturedAt, int? ConsentVersion, bool Consented);

/// <summary><c>POST /v1/renders/{id}/asset-grants</c>: the asset to release to the render.</summary>
public sealed record AssetGrantBody(string Asset);

/// <summary>A release: a single-use download (its URL holds the token, shown once) until <c>expiresAt</c>.</summary>
/// <c>deleteBy</c>: when the studio must have deleted its copy, when the licence sets a retention.
public sealed record AssetGrantView(string Id, string RenderId, string AssetId, string Sha256, long SizeBytes, DateTimeOffset ExpiresAt, long LedgerIndex, string? DownloadUrl, DateTimeOffset? DeleteBy = null);

/// <summary>One release of a performer's asset, as she sees it.</summary>
public sealed record ReleaseView(
    string Id, string RenderId, string AssetId, string StudioId, string Sha256, DateTimeOffset ReleasedAt, DateTimeOffset? DownloadedAt, long LedgerIndex,
    DateTimeOffset? DeleteBy, DateTimeOffset? OverdueAt, DateTimeOffset? DeletedAt);

/// <summary><c>POST /v1/asset-grants/{id}/deletion</c>: no fields; the grant's studio states it deleted its copy.</summary>
public sealed record DeletionBody;

/// <summary>A studio's statement that it deleted a released copy; <c>late</c> when after its <c>deleteBy</c>.</summary>
public sealed record DeletionView(string GrantId, string AssetId, DateTimeOffset DeletedAt, DateTimeOffset? DeleteBy, bool Late, long LedgerIndex);
