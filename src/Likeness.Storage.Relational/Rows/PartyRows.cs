using Likeness.Application.Common;
using Likeness.Application.Model;
using Likeness.Domain.Common;
using Likeness.Storage.Relational.Sql;

namespace Likeness.Storage.Relational.Rows;

/// <summary>The <c>parties</c> table.</summary>
internal static class PartyRows
{
    public static readonly Columns Columns = new("id", "kind", "name", "represents", "created_at", "died_on", "died_at", "domicile", "post_mortem_end");

    public static void Insert(ISql sql, PartyRecord p, string apiKeyHash) =>
        sql.Exec("INSERT INTO parties(id, kind, name, represents, created_at, died_on, key_hash) VALUES (@p0,@p1,@p2,@p3,@p4,@p5,@p6)",
            p.Id, Vocabulary<PartyKind>.Name(p.Kind), p.Name, Json.Serialize(p.Represents), p.CreatedAt.UtcTicks, SqlReads.DateText(p.DiedOn), apiKeyHash);

    public static PartyRecord? Get(ISql sql, string id) => WithGrants(sql, sql.One($"SELECT {Columns.Sql} FROM parties WHERE id = @p0", Columns, Read, id));

    public static PartyRecord? GetByKeyHash(ISql sql, string hash) => WithGrants(sql, sql.One($"SELECT {Columns.Sql} FROM parties WHERE key_hash = @p0", Columns, Read, hash));

    // A representative acts for the performers who granted it powers (their own acts, in the grants table), never for
    // whom the operator named: its Represents are read from the grants.
    private static PartyRecord? WithGrants(ISql sql, PartyRecord? p) =>
        p is { Kind: PartyKind.Representative } ? p with { Represents = ActRows.GrantorsOf(sql, p.Id) } : p;

    public static void SetDeath(ISql sql, string performerId, DateOnly diedOn, DateTimeOffset diedAt, string? domicile, DateTimeOffset postMortemEnd) =>
        sql.Exec("UPDATE parties SET died_on = @p1, died_at = @p2, domicile = @p3, post_mortem_end = @p4 WHERE id = @p0",
            performerId, SqlReads.DateText(diedOn), diedAt.UtcTicks, domicile, postMortemEnd.UtcTicks);

    public static void SetPostMortemEnd(ISql sql, string performerId, DateTimeOffset end) =>
        sql.Exec("UPDATE parties SET post_mortem_end = @p1 WHERE id = @p0", performerId, end.UtcTicks);

    public static IReadOnlyList<PartyRecord> ListUnionsOf(ISql sql, Dialect dialect, string performerId) =>
        sql.Many($"SELECT {Columns.Sql} FROM parties WHERE kind = 'union' AND {dialect.RepresentsContains("parties.represents", "@p0")} ORDER BY id", Columns, Read, performerId);

    private static PartyRecord Read(Row r) => new(
        r.Text("id"), r.Code<PartyKind>("kind"), r.Text("name"), Json.DeserializeStored<string[]>(r.Text("represents")), r.Time("created_at"), r.DateOrNull("died_on"),
        r.TimeOrNull("died_at"), r.TextOrNull("domicile"), r.TimeOrNull("post_mortem_end"));
}
