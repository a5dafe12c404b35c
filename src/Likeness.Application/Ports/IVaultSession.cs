using Likeness.Application.Model;
using Likeness.Application.Vault;

namespace Likeness.Application.Ports;

/// <summary>The vault's rows (docs/CUSTODY.md): performers' wrapped keys, uploads in progress, sealed contents.</summary>
public interface IVaultSession
{
    AssetRecord? GetAsset(string assetId);

    VaultKeyRecord? GetKey(string performerId);
    void InsertKey(VaultKeyRecord key);

    /// <summary>Every performer's wrapped key (a master key rotation re-wraps them all).</summary>
    IReadOnlyList<VaultKeyRecord> ListKeys();
    void ReplaceKey(VaultKeyRecord key);

    /// <summary>The wrapped data keys of a performer's assets: sealed content not shredded, and uploads in progress.</summary>
    IReadOnlyList<(string AssetId, byte[] Wrapped, bool Upload)> ListDataKeys(string performerId);
    void ReplaceDataKey(string assetId, byte[] wrapped, bool upload);

    UploadRecord? GetUpload(string assetId);
    void InsertUpload(UploadRecord upload);

    /// <summary>Moves an upload's durable offset.</summary>
    void AdvanceUpload(string assetId, long offset, DateTimeOffset at);
    void DeleteUpload(string assetId);

    SealedContentRecord? GetContent(string assetId);
    void InsertContent(SealedContentRecord content);

    /// <summary>Destroys a content's wrapped data key (crypto-shredding).</summary>
    void ShredContent(string assetId, DateTimeOffset at);

    LineageRecord? GetLineage(string assetId);
    void InsertLineage(LineageRecord lineage);

    void InsertGrant(AssetGrantRecord grant);
    AssetGrantRecord? GetGrantByToken(string tokenHash);

    /// <summary>Marks a grant used; false when it was used already (a race between two downloads is won once).</summary>
    bool UseGrant(string grantId, DateTimeOffset at);

    AssetGrantRecord? GetGrant(string grantId);

    /// <summary>Open retention obligations with something due by <paramref name="now"/>: a reminder not yet sent, or the deadline itself.</summary>
    IReadOnlyList<AssetGrantRecord> ListRetentionDue(DateTimeOffset now, int limit);

    void SetReminded(string grantId, DateTimeOffset at);
    void SetOverdue(string grantId, DateTimeOffset at);
    void SetDeleted(string grantId, DateTimeOffset at);

    /// <summary>Whether <paramref name="studioId"/> holds an overdue copy of one of <paramref name="performerId"/>'s assets.</summary>
    bool HasOverdue(string studioId, string performerId);

    /// <summary>Assets whose content can still be opened although their performer's post-mortem term ended by <paramref name="now"/>.</summary>
    IReadOnlyList<string> ListContentsPastPostMortem(DateTimeOffset now, int limit);

    /// <summary>The releases of a performer's assets, newest first.</summary>
    IReadOnlyList<AssetGrantRecord> ListGrantsOfPerformer(string performerId, int limit);
}
