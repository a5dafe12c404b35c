using Likeness.Application.Model;
using Likeness.Storage.Relational.Sql;

namespace Likeness.Storage.Relational.Rows;

/// <summary>The <c>consent_versions</c> table: each version as the text the performer side wrote.</summary>
internal static class ConsentRows
{
    private static readonly Columns Columns = new("performer_id", "version", "policy", "created_at", "ledger_index");

    public static void Insert(ISql sql, ConsentVersionRecord v) =>
        sql.Exec($"INSERT INTO consent_versions({Columns.Sql}) VALUES (@p0,@p1,@p2,@p3,@p4)", v.PerformerId, v.Version, v.PolicyJson, v.CreatedAt.UtcTicks, v.LedgerIndex);

    public static ConsentVersionRecord? GetCurrent(ISql sql, string performerId) =>
        sql.One($"SELECT {Columns.Sql} FROM consent_versions WHERE performer_id = @p0 ORDER BY version DESC LIMIT 1", Columns, Read, performerId);

    public static IReadOnlyList<ConsentVersionRecord> List(ISql sql, string performerId, int? beforeVersion, int limit) =>
        sql.Many($"SELECT {Columns.Sql} FROM consent_versions WHERE performer_id = @p0 AND version < @p1 ORDER BY version DESC LIMIT @p2", Columns, Read,
            performerId, (long)(beforeVersion ?? int.MaxValue), limit);

    private static ConsentVersionRecord Read(Row r) => new(r.Text("performer_id"), r.Int("version"), r.Text("policy"), r.Time("created_at"), r.Long("ledger_index"));
}
