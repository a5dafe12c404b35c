using Likeness.Application.Model;
using Likeness.Application.Ports;
using Likeness.Application.Vault;
using Likeness.Storage.Relational.Codecs;
using Likeness.Storage.Relational.Sql;

namespace Likeness.Storage.Relational.Rows;

/// <summary>The <c>vault_keys</c>, <c>asset_uploads</c> and <c>asset_contents</c> tables. Wrapped keys are stored as their bytes.</summary>
internal sealed class VaultRows(ISql sql) : IVaultSession
{
    private static readonly Columns KeyColumns = new("performer_id", "wrapped", "created_at");
    private static readonly Columns UploadColumns = new("asset_id", "blob_id", "upload_offset", "expected_sha256", "wrapped_key", "started_at", "updated_at");
    private static readonly Columns LineageColumns = new("asset_id", "body", "flagged", "recorded_at", "ledger_index");
    private static readonly Columns GrantColumns = new("id", "token_hash", "render_id", "asset_id", "studio_id", "sha256", "created_at", "expires_at", "used_at", "ledger_index",
        "delete_by", "remind_at", "reminded_at", "overdue_at", "deleted_at");
    private static readonly Columns ContentColumns = new("asset_id", "blob_id", "sha256", "size_bytes", "chunk_count", "wrapped_key", "sealed_at", "ledger_index", "shredded_at");

    public AssetRecord? GetAsset(string assetId) => AssetRows.Get(sql, assetId);

    public VaultKeyRecord? GetKey(string performerId) =>
        sql.One($"SELECT {KeyColumns.Sql} FROM vault_keys WHERE performer_id = @p0", KeyColumns, r => new VaultKeyRecord(r.Text("performer_id"), r.Bytes("wrapped"), r.Time("created_at")), performerId);

    public void InsertKey(VaultKeyRecord key) =>
        sql.Exec($"INSERT INTO vault_keys({KeyColumns.Sql}) VALUES (@p0,@p1,@p2)", key.PerformerId, key.WrappedKey, key.CreatedAt.UtcTicks);

    public IReadOnlyList<VaultKeyRecord> ListKeys() =>
        sql.Many($"SELECT {KeyColumns.Sql} FROM vault_keys ORDER BY performer_id", KeyColumns, r => new VaultKeyRecord(r.Text("performer_id"), r.Bytes("wrapped"), r.Time("created_at")));

    public void ReplaceKey(VaultKeyRecord key) =>
        sql.Exec("UPDATE vault_keys SET wrapped = @p1, created_at = @p2 WHERE performer_id = @p0", key.PerformerId, key.WrappedKey, key.CreatedAt.UtcTicks);

    public IReadOnlyList<(string AssetId, byte[] Wrapped, bool Upload)> ListDataKeys(string performerId)
    {
        var keyed = new Columns("asset_id", "wrapped_key");
        var sealedKeys = sql.Many(
            "SELECT c.asset_id, c.wrapped_key FROM asset_contents c JOIN assets a ON a.id = c.asset_id WHERE a.performer_id = @p0 AND c.wrapped_key IS NOT NULL ORDER BY c.asset_id",
            keyed, r => (r.Text("asset_id"), r.Bytes("wrapped_key"), false), performerId);
        var uploads = sql.Many(
            "SELECT u.asset_id, u.wrapped_key FROM asset_uploads u JOIN assets a ON a.id = u.asset_id WHERE a.performer_id = @p0 ORDER BY u.asset_id",
            keyed, r => (r.Text("asset_id"), r.Bytes("wrapped_key"), true), performerId);
        return [.. sealedKeys, .. uploads];
    }

    public void ReplaceDataKey(string assetId, byte[] wrapped, bool upload) =>
        sql.Exec(upload ? "UPDATE asset_uploads SET wrapped_key = @p1 WHERE asset_id = @p0" : "UPDATE asset_contents SET wrapped_key = @p1 WHERE asset_id = @p0 AND wrapped_key IS NOT NULL", assetId, wrapped);

    public UploadRecord? GetUpload(string assetId) =>
        sql.One($"SELECT {UploadColumns.Sql} FROM asset_uploads WHERE asset_id = @p0", UploadColumns, r => new UploadRecord(
            r.Text("asset_id"), r.Text("blob_id"), r.Long("upload_offset"), r.TextOrNull("expected_sha256"), r.Bytes("wrapped_key"), r.Time("started_at"), r.Time("updated_at")), assetId);

    public void InsertUpload(UploadRecord u) =>
        sql.Exec($"INSERT INTO asset_uploads({UploadColumns.Sql}) VALUES (@p0,@p1,@p2,@p3,@p4,@p5,@p6)",
            u.AssetId, u.BlobId, u.Offset, u.ExpectedSha256, u.WrappedDataKey, u.StartedAt.UtcTicks, u.UpdatedAt.UtcTicks);

    public void AdvanceUpload(string assetId, long offset, DateTimeOffset at) =>
        sql.Exec("UPDATE asset_uploads SET upload_offset = @p1, updated_at = @p2 WHERE asset_id = @p0", assetId, offset, at.UtcTicks);

    public void DeleteUpload(string assetId) => sql.Exec("DELETE FROM asset_uploads WHERE asset_id = @p0", assetId);

    public SealedContentRecord? GetContent(string assetId) =>
        sql.One($"SELECT {ContentColumns.Sql} FROM asset_contents WHERE asset_id = @p0", ContentColumns, r => new SealedContentRecord(
            r.Text("asset_id"), r.Text("blob_id"), r.Text("sha256"), r.Long("size_bytes"), r.Long("chunk_count"), r.BytesOrNull("wrapped_key"),
            r.Time("sealed_at"), r.Long("ledger_index"), r.TimeOrNull("shredded_at")), assetId);

    public void InsertContent(SealedContentRecord c) =>
        sql.Exec($"INSERT INTO asset_contents({ContentColumns.Sql}) VALUES (@p0,@p1,@p2,@p3,@p4,@p5,@p6,@p7,@p8)",
            c.AssetId, c.BlobId, c.Sha256, c.SizeBytes, c.ChunkCount, c.WrappedDataKey, c.SealedAt.UtcTicks, c.LedgerIndex, c.ShreddedAt?.UtcTicks);

    // The wrapped key is overwritten by NULL in place: the row keeps what was sealed and when, nothing that opens it.
    public void ShredContent(string assetId, DateTimeOffset at) =>
        sql.Exec("UPDATE asset_contents SET wrapped_key = NULL, shredded_at = @p1 WHERE asset_id = @p0", assetId, at.UtcTicks);

    public LineageRecord? GetLineage(string assetId) =>
        sql.One($"SELECT {LineageColumns.Sql} FROM asset_lineage WHERE asset_id = @p0", LineageColumns, r =>
        {
            var (sources, derivedFrom) = LineageCodec.Decode(r.Text("body"));
            return new LineageRecord(r.Text("asset_id"), sources, derivedFrom, r.Flag("flagged"), r.Time("recorded_at"), r.Long("ledger_index"));
        }, assetId);

    public void InsertLineage(LineageRecord l) =>
        sql.Exec($"INSERT INTO asset_lineage({LineageColumns.Sql}) VALUES (@p0,@p1,@p2,@p3,@p4)",
            l.AssetId, LineageCodec.Encode(l.Sources, l.DerivedFrom), l.Flagged ? 1L : 0L, l.RecordedAt.UtcTicks, l.LedgerIndex);

    public void InsertGrant(AssetGrantRecord g) =>
        sql.Exec($"INSERT INTO asset_grants({GrantColumns.Sql}) VALUES (@p0,@p1,@p2,@p3,@p4,@p5,@p6,@p7,@p8,@p9,@p10,@p11,@p12,@p13,@p14)",
            g.Id, g.TokenHash, g.RenderId, g.AssetId, g.StudioId, g.Sha256, g.CreatedAt.UtcTicks, g.ExpiresAt.UtcTicks, g.UsedAt?.UtcTicks, g.LedgerIndex,
            g.DeleteBy?.UtcTicks, g.RemindAt?.UtcTicks, g.RemindedAt?.UtcTicks, g.OverdueAt?.UtcTicks, g.DeletedAt?.UtcTicks);

    public AssetGrantRecord? GetGrant(string grantId) =>
        sql.One($"SELECT {GrantColumns.Sql} FROM asset_grants WHERE id = @p0", GrantColumns, ReadGrant, grantId);

    public IReadOnlyList<AssetGrantRecord> ListRetentionDue(DateTimeOffset now, int limit) =>
        sql.Many(
            $"SELECT {GrantColumns.Sql} FROM asset_grants WHERE delete_by IS NOT NULL AND deleted_at IS NULL AND overdue_at IS NULL " +
            "AND (delete_by <= @p0 OR (reminded_at IS NULL AND remind_at <= @p0)) ORDER BY delete_by, id LIMIT @p1",
            GrantColumns, ReadGrant, now.UtcTicks, (long)limit);

    public void SetReminded(string grantId, DateTimeOffset at) => sql.Exec("UPDATE asset_grants SET reminded_at = @p1 WHERE id = @p0", grantId, at.UtcTicks);

    public void SetOverdue(string grantId, DateTimeOffset at) => sql.Exec("UPDATE asset_grants SET overdue_at = @p1 WHERE id = @p0", grantId, at.UtcTicks);

    public void SetDeleted(string grantId, DateTimeOffset at) => sql.Exec("UPDATE asset_grants SET deleted_at = @p1 WHERE id = @p0", grantId, at.UtcTicks);

    public bool HasOverdue(string studioId, string performerId) =>
        sql.Scalar<long>(
            "SELECT COUNT(*) FROM asset_grants g JOIN assets a ON a.id = g.asset_id WHERE g.studio_id = @p0 AND a.performer_id = @p1 " +
            "AND g.overdue_at IS NOT NULL AND g.deleted_at IS NULL", studioId, performerId) > 0;

    public IReadOnlyList<string> ListContentsPastPostMortem(DateTimeOffset now, int limit) =>
        sql.Many(
            "SELECT c.asset_id FROM asset_contents c JOIN assets a ON a.id = c.asset_id JOIN parties p ON p.id = a.performer_id " +
            "WHERE c.wrapped_key IS NOT NULL AND p.post_mortem_end IS NOT NULL AND p.post_mortem_end <= @p0 ORDER BY c.asset_id LIMIT @p1",
            new Columns("asset_id"), r => r.Text("asset_id"), now.UtcTicks, (long)limit);

    public AssetGrantRecord? GetGrantByToken(string tokenHash) =>
        sql.One($"SELECT {GrantColumns.Sql} FROM asset_grants WHERE token_hash = @p0", GrantColumns, ReadGrant, tokenHash);

    public bool UseGrant(string grantId, DateTimeOffset at)
    {
        if (sql.Scalar<long>("SELECT COUNT(*) FROM asset_grants WHERE id = @p0 AND used_at IS NULL", grantId) == 0)
        {
            return false;
        }

        sql.Exec("UPDATE asset_grants SET used_at = @p1 WHERE id = @p0", grantId, at.UtcTicks);
        return true;
    }

    public IReadOnlyList<AssetGrantRecord> ListGrantsOfPerformer(string performerId, int limit) =>
        sql.Many($"SELECT {GrantColumns.Sql} FROM asset_grants WHERE asset_id IN (SELECT id FROM assets WHERE performer_id = @p0) ORDER BY created_at DESC, id DESC LIMIT @p1",
            GrantColumns, ReadGrant, performerId, (long)limit);

    private static AssetGrantRecord ReadGrant(Row r) => new(
        r.Text("id"), r.Text("token_hash"), r.Text("render_id"), r.Text("asset_id"), r.Text("studio_id"), r.Text("sha256"), r.Time("created_at"),
        r.Time("expires_at"), r.TimeOrNull("used_at"), r.Long("ledger_index"))
    {
        DeleteBy = r.TimeOrNull("delete_by"),
        RemindAt = r.TimeOrNull("remind_at"),
        RemindedAt = r.TimeOrNull("reminded_at"),
        OverdueAt = r.TimeOrNull("overdue_at"),
        DeletedAt = r.TimeOrNull("deleted_at"),
    };
}
