using Likeness.Application.Common;
using Likeness.Application.Model;
using Likeness.Domain.Common;
using Likeness.Storage.Relational.Sql;

namespace Likeness.Storage.Relational.Rows;

/// <summary>The <c>assets</c> table.</summary>
internal static class AssetRows
{
    private static readonly Columns Columns = new("id", "performer_id", "name", "modality", "tier", "sha256", "size_bytes", "provenance", "created_at", "voice_model");

    public static void Insert(ISql sql, AssetRecord a) =>
        sql.Exec($"INSERT INTO assets({Columns.Sql}) VALUES (@p0,@p1,@p2,@p3,@p4,@p5,@p6,@p7,@p8,@p9)",
            a.Id, a.PerformerId, a.Name, Vocabulary<Modality>.Name(a.Modality), Vocabulary<Tier>.Name(a.Tier), a.Sha256, a.SizeBytes, Json.Serialize(a.Provenance), a.CreatedAt.UtcTicks,
            a.VoiceModel is null ? null : Json.Serialize(a.VoiceModel));

    public static IReadOnlyList<AssetRecord> List(ISql sql, string performerId) =>
        sql.Many($"SELECT {Columns.Sql} FROM assets WHERE performer_id = @p0 ORDER BY created_at, id", Columns, Read, performerId);

    public static AssetRecord? Get(ISql sql, string id) => sql.One($"SELECT {Columns.Sql} FROM assets WHERE id = @p0", Columns, Read, id);

    private static AssetRecord Read(Row r) => new(
        r.Text("id"), r.Text("performer_id"), r.Text("name"), r.Code<Modality>("modality"), r.Code<Tier>("tier"), r.TextOrNull("sha256"),
        r.LongOrNull("size_bytes"), Json.DeserializeStored<ProvenanceItem[]>(r.Text("provenance")), r.Time("created_at"))
    {
        VoiceModel = r.TextOrNull("voice_model") is { } voice ? Json.DeserializeStored<VoiceModel>(voice) : null,
    };
}
