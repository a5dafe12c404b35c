using Likeness.Application.Model;
using Likeness.Application.Ports;
using Likeness.Domain.Common;
using Likeness.Storage.Relational.Sql;

namespace Likeness.Storage.Relational.Rows;

/// <summary>The <c>renders</c> table.</summary>
internal static class RenderRows
{
    private static readonly Columns Columns = new(
        "id", "license_id", "studio_id", "performer_id", "use_index", "status", "request", "requested_ms", "reserved_ms", "actual_ms", "output_sha256",
        "obligations", "created_at", "expires_at", "settled_at", "ledger_index", "factor_e12", "split_version", "cap_month");

    public static void Insert(ISql sql, RenderRecord x) =>
        sql.Exec($"INSERT INTO renders({Columns.Sql}) VALUES (@p0,@p1,@p2,@p3,@p4,@p5,@p6,@p7,@p8,@p9,@p10,@p11,@p12,@p13,@p14,@p15,@p16,@p17,@p18)",
            x.Id, x.LicenseId, x.StudioId, x.PerformerId, x.UseIndex, Vocabulary<RenderStatus>.Name(x.Status), x.RequestJson, x.RequestedMillis, x.ReservedMillis,
            x.ActualMillis, x.OutputSha256, x.ObligationsJson, x.CreatedAt.UtcTicks, x.ExpiresAt?.UtcTicks, x.SettledAt?.UtcTicks, x.LedgerIndex, x.FactorE12, x.SplitVersion, x.CapMonth);

    public static void Update(ISql sql, RenderRecord x) =>
        sql.Exec("UPDATE renders SET use_index=@p1, status=@p2, reserved_ms=@p3, actual_ms=@p4, output_sha256=@p5, obligations=@p6, expires_at=@p7, settled_at=@p8, ledger_index=@p9, factor_e12=@p10, split_version=@p11, cap_month=@p12 WHERE id=@p0",
            x.Id, x.UseIndex, Vocabulary<RenderStatus>.Name(x.Status), x.ReservedMillis, x.ActualMillis, x.OutputSha256, x.ObligationsJson, x.ExpiresAt?.UtcTicks, x.SettledAt?.UtcTicks, x.LedgerIndex, x.FactorE12, x.SplitVersion,
            x.CapMonth);

    public static RenderRecord? Get(ISql sql, string id) => sql.One($"SELECT {Columns.Sql} FROM renders WHERE id = @p0", Columns, Read, id);

    public static IReadOnlyList<RenderRecord> ListExpiredReservations(ISql sql, DateTimeOffset now, string? licenseId, int limit) =>
        sql.Many(
            $"SELECT {Columns.Sql} FROM (SELECT {Columns.Sql} FROM renders WHERE status = 'authorized' AND expires_at <= @p0 AND (CAST(@p1 AS TEXT) IS NULL OR license_id = @p1) " +
            $"UNION ALL SELECT {Columns.Sql} FROM renders WHERE status = 'pendingApproval' AND expires_at <= @p0 AND (CAST(@p1 AS TEXT) IS NULL OR license_id = @p1)) due ORDER BY expires_at LIMIT @p2",
            Columns, Read, now.UtcTicks, licenseId, limit);

    public static IReadOnlyList<RenderRecord> ListUsage(ISql sql, string? licenseId, string? performerId, string? studioId, (DateTimeOffset At, string Id)? before, int limit) =>
        sql.Many($"SELECT {Columns.Sql} FROM renders WHERE status = 'completed' AND (CAST(@p0 AS TEXT) IS NULL OR license_id = @p0) AND (CAST(@p1 AS TEXT) IS NULL OR performer_id = @p1) AND (CAST(@p2 AS TEXT) IS NULL OR studio_id = @p2) " +
                 "AND (CAST(@p3 AS BIGINT) IS NULL OR settled_at < @p3 OR (settled_at = @p3 AND id < CAST(@p4 AS TEXT))) ORDER BY settled_at DESC, id DESC LIMIT @p5",
            Columns, Read, licenseId, performerId, studioId, before?.At.UtcTicks, before?.Id, limit);

    public static IReadOnlyList<RenderRecord> List(ISql sql, RenderListQuery q) =>
        ListConditions.InParts(q.Scope, q.Limit, scope => List(sql, q, scope), x => x.CreatedAt, x => x.Id);

    private static List<RenderRecord> List(ISql sql, RenderListQuery q, ListScope scope)
    {
        var where = new ListConditions().Scope(scope, "studio_id", "performer_id").After(q.After, "created_at");
        if (q.Status is { } status)
        {
            where.Add($"status = {where.Param(Vocabulary<RenderStatus>.Name(status))}");
        }

        if (q.LicenseId is { } license)
        {
            where.Add($"license_id = {where.Param(license)}");
        }

        if (q.Since is { } since)
        {
            where.Add($"created_at >= {where.Param(since.UtcTicks)}");
        }

        return sql.Many($"SELECT {Columns.Sql} FROM renders{where.Where} ORDER BY created_at, id LIMIT {where.Param(q.Limit)}", Columns, Read, where.Args);
    }

    public static DateTimeOffset? EarliestSettlement(ISql sql) =>
        sql.Scalar<long?>("SELECT MIN(settled_at) FROM renders WHERE status = 'completed'") is { } t ? SqlReads.Time(t) : null;

    private static RenderRecord Read(Row r) => new(
        r.Text("id"), r.Text("license_id"), r.Text("studio_id"), r.Text("performer_id"), r.Int("use_index"), r.Code<RenderStatus>("status"), r.Text("request"),
        r.Long("requested_ms"), r.Long("reserved_ms"), r.LongOrNull("actual_ms"), r.TextOrNull("output_sha256"), r.Text("obligations"),
        r.Time("created_at"), r.TimeOrNull("expires_at"), r.TimeOrNull("settled_at"), r.Long("ledger_index"), r.Long("factor_e12"), r.Int("split_version"),
        r.LongOrNull("cap_month") is { } month ? (int)month : null);
}
