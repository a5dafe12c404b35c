using Likeness.Application.Ports;
using Likeness.Storage.Relational.Sql;

namespace Likeness.Storage.Relational.Rows;

/// <summary>The <c>changes</c> feed: what other nodes must see, in commit order.</summary>
internal static class ChangeRows
{
    private static readonly Columns Columns = new("seq", "kind", "id");

    public static void Record(ISql sql, string kind, string id) => sql.Exec("INSERT INTO changes(kind, id) VALUES (@p0, @p1)", kind, id);

    public static IReadOnlyList<StoreChange> Read(ISql sql, long after, int limit) =>
        sql.Many($"SELECT {Columns.Sql} FROM changes WHERE seq > @p0 ORDER BY seq LIMIT @p1", Columns, r => new StoreChange(r.Long("seq"), r.Text("kind"), r.Text("id")), after, limit);

    public static long Latest(ISql sql) => sql.Scalar<long>("SELECT COALESCE(MAX(seq), 0) FROM changes");
}
