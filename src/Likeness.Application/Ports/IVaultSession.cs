using Likeness.Application.Model;
using Likeness.Application.Vault;

namespace Likeness.Application.Ports;

/// <summary>The vault's rows (docs/CUSTODY.md): performers' wrapped keys, uploads in progress, sealed contents.</summary>
public interface IVaultSession
{
    AssetRecord? GetAsset(string assetId);

    VaultKeyRecord? GetKey(string performerId);
    void InsertKey(VaultKeyRecord key);

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

    /// <summary>The releases of a performer's assets, newest first.</summary>
    IReadOnlyList<AssetGrantRecord> ListGrantsOfPerformer(string performerId, int limit);
}
