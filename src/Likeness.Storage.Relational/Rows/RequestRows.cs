using Likeness.Application.Model;
using Likeness.Application.Ports;
using Likeness.Domain.Common;
using Likeness.Storage.Relational.Codecs;
using Likeness.Storage.Relational.Sql;

namespace Likeness.Storage.Relational.Rows;

/// <summary>The <c>license_requests</c> table; terms in their stored codec (<see cref="TermsCodec"/>).</summary>
internal static class RequestRows
{
    private static readonly Columns Columns = new(
        "id", "performer_id", "studio_id", "status", "terms", "conflicts", "counter_terms", "note", "license_id", "created_at", "updated_at", "ledger_index");

    public static void Insert(ISql sql, LicenseRequestRecord q) =>
        sql.Exec($"INSERT INTO license_requests({Columns.Sql}) VALUES (@p0,@p1,@p2,@p3,@p4,@p5,@p6,@p7,@p8,@p9,@p10,@p11)",
            q.Id, q.PerformerId, q.StudioId, Vocabulary<RequestStatus>.Name(q.Status), TermsCodec.Encode(q.Terms), q.ConflictsJson,
            q.CounterTerms is null ? null : TermsCodec.Encode(q.CounterTerms), q.Note, q.LicenseId, q.CreatedAt.UtcTicks, q.UpdatedAt.UtcTicks, q.LedgerIndex);

    public static void Update(ISql sql, LicenseRequestRecord q) =>
        sql.Exec("UPDATE license_requests SET status=@p1, counter_terms=@p2, note=@p3, license_id=@p4, updated_at=@p5, ledger_index=@p6 WHERE id=@p0",
            q.Id, Vocabulary<RequestStatus>.Name(q.Status), q.CounterTerms is null ? null : TermsCodec.Encode(q.CounterTerms), q.Note, q.LicenseId, q.UpdatedAt.UtcTicks, q.LedgerIndex);

    public static LicenseRequestRecord? Get(ISql sql, string id) => sql.One($"SELECT {Columns.Sql} FROM license_requests WHERE id = @p0", Columns, Read, id);

    public static IReadOnlyList<LicenseRequestRecord> List(ISql sql, RequestListQuery q) =>
        ListConditions.InParts(q.Scope, q.Limit, scope => List(sql, q, scope), x => x.CreatedAt, x => x.Id);

    private static List<LicenseRequestRecord> List(ISql sql, RequestListQuery q, ListScope scope)
    {
        var where = new ListConditions().Scope(scope, "studio_id", "performer_id").After(q.After, "created_at");
        if (q.Status is { } status)
        {
            where.Add($"status = {where.Param(Vocabulary<RequestStatus>.Name(status))}");
        }

        return sql.Many($"SELECT {Columns.Sql} FROM license_requests{where.Where} ORDER BY created_at, id LIMIT {where.Param(q.Limit)}", Columns, Read, where.Args);
    }

    private static LicenseRequestRecord Read(Row r) => new(
        r.Text("id"), r.Text("performer_id"), r.Text("studio_id"), r.Code<RequestStatus>("status"), TermsCodec.Decode(r.Text("terms")),
        r.Text("conflicts"), r.TextOrNull("counter_terms") is { } counter ? TermsCodec.Decode(counter) : null, r.TextOrNull("note"),
        r.TextOrNull("license_id"), r.Time("created_at"), r.Time("updated_at"), r.Long("ledger_index"));
}
