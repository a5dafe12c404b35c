using System.Text.Json;
using Likeness.Application.Ports;
using Likeness.Application.Strikes;
using Likeness.Storage.Relational.Sql;

namespace Likeness.Storage.Relational.Rows;

/// <summary>The <c>strikes</c> table; members and waived projects as JSON arrays of strings.</summary>
internal sealed class StrikeRows(ISql sql) : IStrikeSession
{
    private static readonly Columns Columns = new(
        "id", "union_id", "studio_id", "starts_at", "ends_at", "ended_at", "members", "waivers", "created_at", "ledger_index");

    public void Insert(StrikeRecord k) =>
        sql.Exec($"INSERT INTO strikes({Columns.Sql}) VALUES (@p0,@p1,@p2,@p3,@p4,@p5,@p6,@p7,@p8,@p9)",
            k.Id, k.UnionId, k.StudioId, k.StartsAt.UtcTicks, k.EndsAt?.UtcTicks, k.EndedAt?.UtcTicks, List(k.Members), List(k.Waivers), k.CreatedAt.UtcTicks, k.LedgerIndex);

    public void Update(StrikeRecord k) =>
        sql.Exec("UPDATE strikes SET ended_at = @p1, waivers = @p2 WHERE id = @p0", k.Id, k.EndedAt?.UtcTicks, List(k.Waivers));

    public StrikeRecord? Get(string id) => sql.One($"SELECT {Columns.Sql} FROM strikes WHERE id = @p0", Columns, Read, id);

    public IReadOnlyList<StrikeRecord> ListOfUnion(string unionId) =>
        sql.Many($"SELECT {Columns.Sql} FROM strikes WHERE union_id = @p0 ORDER BY created_at, id", Columns, Read, unionId);

    public IReadOnlyList<StrikeRecord> ListNotOver(DateTimeOffset now) =>
        sql.Many(
            $"SELECT {Columns.Sql} FROM strikes WHERE (ended_at IS NULL OR ended_at > @p0) AND (ends_at IS NULL OR ends_at > @p0) ORDER BY created_at, id",
            Columns, Read, now.UtcTicks);

    private static string List(IReadOnlyList<string> items) => JsonSerializer.Serialize(items);

    private static StrikeRecord Read(Row r) => new(
        r.Text("id"), r.Text("union_id"), r.TextOrNull("studio_id"), r.Time("starts_at"), r.TimeOrNull("ends_at"), r.TimeOrNull("ended_at"),
        JsonSerializer.Deserialize<string[]>(r.Text("members")) ?? [], JsonSerializer.Deserialize<string[]>(r.Text("waivers")) ?? [],
        r.Time("created_at"), r.Long("ledger_index"));
}
