using Likeness.Application.Model;
using Likeness.Application.Ports;
using Likeness.Application.Webhooks;
using Likeness.Domain.Common;
using Likeness.Domain.Licensing;
using Likeness.Storage.Relational.Codecs;
using Likeness.Storage.Relational.Sql;

namespace Likeness.Storage.Relational.Rows;

/// <summary>The <c>licenses</c> and <c>license_budgets</c> tables; terms in their stored codec (<see cref="TermsCodec"/>).</summary>
internal static class LicenseRows
{
    private static readonly Columns Columns = new(
        "id", "request_id", "performer_id", "studio_id", "terms", "stored_status", "revocation_effective_at", "approved_at", "estate_confirmed",
        "consent_version", "token", "attestation", "ledger_index", "rate_override", "suspensions");

    private static readonly Columns BudgetColumns = new("use_index", "seconds_used", "seconds_reserved", "renders_used", "renders_reserved");

    public static void Insert(ISql sql, LicenseRecord l)
    {
        sql.Exec($"INSERT INTO licenses({Columns.Sql}, term_end, next_notice_at) VALUES (@p0,@p1,@p2,@p3,@p4,@p5,@p6,@p7,@p8,@p9,@p10,@p11,@p12,@p13,@p14,@p15,@p16)",
            l.Id, l.RequestId, l.PerformerId, l.StudioId, TermsCodec.Encode(l.Terms), Vocabulary<LicenseStatus>.Name(l.StoredStatus), l.RevocationEffectiveAt?.UtcTicks,
            l.ApprovedAt.UtcTicks, l.EstateConfirmed ? 1 : 0, l.ConsentVersion, l.Token, l.Attestation, l.LedgerIndex, l.RateOverride ? 1 : 0,
            SuspensionsCodec.Encode(l.Suspensions), l.Terms.TermEnd.UtcTicks,
            LicenseNotices.FirstNoticeAt(l.Terms.TermEnd).UtcTicks);
        for (var i = 0; i < l.Terms.Uses.Count; i++)
        {
            sql.Exec("INSERT INTO license_budgets(license_id, use_index) VALUES (@p0, @p1)", l.Id, i);
        }
    }

    public static void Update(ISql sql, LicenseRecord l) =>
        sql.Exec("UPDATE licenses SET stored_status=@p1, revocation_effective_at=@p2, estate_confirmed=@p3, suspensions=@p4 WHERE id=@p0",
            l.Id, Vocabulary<LicenseStatus>.Name(l.StoredStatus), l.RevocationEffectiveAt?.UtcTicks, l.EstateConfirmed ? 1 : 0, SuspensionsCodec.Encode(l.Suspensions));

    public static LicenseRecord? Get(ISql sql, string id) => sql.One($"SELECT {Columns.Sql} FROM licenses WHERE id = @p0", Columns, Read, id);

    public static IReadOnlyList<LicenseRecord> List(ISql sql, LicenseListQuery q) =>
        ListConditions.InParts(q.Scope, q.Limit, scope => List(sql, q, scope), x => x.ApprovedAt, x => x.Id);

    private static List<LicenseRecord> List(ISql sql, LicenseListQuery q, ListScope scope)
    {
        var where = new ListConditions().Scope(scope, "studio_id", "performer_id").After(q.After, "approved_at");
        if (q.Status is { } status)
        {
            where.Add(StatusAt(where, status, q.Now));
        }

        if (q.ExpiringBefore is { } before)
        {
            where.Add($"term_end < {where.Param(before.UtcTicks)}");
        }

        return sql.Many($"SELECT {Columns.Sql} FROM licenses{where.Where} ORDER BY approved_at, id LIMIT {where.Param(q.Limit)}", Columns, Read, where.Args);
    }

    /// <summary>
    /// The condition for a licence's status at <paramref name="now"/>, as <see cref="LicenseLifecycle.StatusAt(long, LicenseStatus, long, long, bool, bool)"/>
    /// decides it on whole milliseconds: an instant has passed when it falls before the end of now's millisecond. Active
    /// and exhausted differ by budget only; both are returned for either. Whether a suspension holds depends on its window,
    /// which the list reads after the page's rows: a condition here may return more rows than the status matches, never fewer.
    /// </summary>
    private static string StatusAt(ListConditions where, LicenseStatus status, DateTimeOffset now)
    {
        var passed = where.Param(((now.UtcTicks / TimeSpan.TicksPerMillisecond) + 1) * TimeSpan.TicksPerMillisecond);
        var revoked = $"(stored_status = 'revoked' OR (stored_status = 'revocationPending' AND revocation_effective_at < {passed}))";
        return status switch
        {
            LicenseStatus.Revoked => revoked,
            LicenseStatus.Expired => $"NOT {revoked} AND term_end < {passed}",
            LicenseStatus.Suspended => $"NOT {revoked} AND suspensions IS NOT NULL AND term_end >= {passed}",
            LicenseStatus.RevocationPending => $"stored_status = 'revocationPending' AND revocation_effective_at >= {passed} AND term_end >= {passed}",
            _ => $"stored_status = 'active' AND term_end >= {passed}",
        };
    }

    public static IReadOnlyList<LicenseRecord> ListEndingIn(ISql sql, DateTimeOffset from, DateTimeOffset to) =>
        sql.Many($"SELECT {Columns.Sql} FROM licenses WHERE term_end >= @p0 AND term_end < @p1 ORDER BY id", Columns, Read, from.UtcTicks, to.UtcTicks);

    public static IReadOnlyList<LicenseRecord> ListUnrecordedExpiries(ISql sql, DateTimeOffset now, int limit) =>
        sql.Many($"SELECT {Columns.Sql} FROM licenses WHERE expiry_recorded = 0 AND term_end <= @p0 ORDER BY term_end LIMIT @p1", Columns, Read, now.UtcTicks, limit);

    public static void MarkExpiryRecorded(ISql sql, string licenseId) => sql.Exec("UPDATE licenses SET expiry_recorded = 1 WHERE id = @p0", licenseId);

    public static IReadOnlyList<LicenseRecord> ListDueNotice(ISql sql, DateTimeOffset now, int limit) =>
        sql.Many($"SELECT {Columns.Sql} FROM licenses WHERE next_notice_at <= @p0 ORDER BY next_notice_at LIMIT @p1", Columns, Read, now.UtcTicks, limit);

    public static void SetNextNotice(ISql sql, string licenseId, DateTimeOffset? at) => sql.Exec("UPDATE licenses SET next_notice_at = @p1 WHERE id = @p0", licenseId, at?.UtcTicks);

    public static IReadOnlyList<LicenseRecord> ListUnannouncedRevocations(ISql sql, DateTimeOffset now, int limit) =>
        sql.Many(
            $"SELECT {Columns.Sql} FROM licenses WHERE revocation_announced = 0 AND stored_status = 'revocationPending' AND revocation_effective_at <= @p0 ORDER BY revocation_effective_at LIMIT @p1",
            Columns, Read, now.UtcTicks, limit);

    public static void MarkRevocationAnnounced(ISql sql, string licenseId) => sql.Exec("UPDATE licenses SET revocation_announced = 1 WHERE id = @p0", licenseId);

    public static IReadOnlyList<LicenseRecord> ListOfPerformer(ISql sql, string performerId) =>
        sql.Many($"SELECT {Columns.Sql} FROM licenses WHERE performer_id = @p0 ORDER BY approved_at", Columns, Read, performerId);

    public static IReadOnlyList<UseBudgetRecord> GetBudgets(ISql sql, string licenseId) =>
        sql.Many($"SELECT {BudgetColumns.Sql} FROM license_budgets WHERE license_id = @p0 ORDER BY use_index", BudgetColumns,
            r => new UseBudgetRecord(r.Int("use_index"), r.Long("seconds_used"), r.Long("seconds_reserved"), r.Long("renders_used"), r.Long("renders_reserved")), licenseId);

    public static void AdjustBudget(ISql sql, string licenseId, int useIndex, long secondsUsedDelta, long secondsReservedDelta, long rendersUsedDelta, long rendersReservedDelta) =>
        sql.Exec("UPDATE license_budgets SET seconds_used = seconds_used + @p2, seconds_reserved = seconds_reserved + @p3, renders_used = renders_used + @p4, renders_reserved = renders_reserved + @p5 WHERE license_id = @p0 AND use_index = @p1",
            licenseId, useIndex, secondsUsedDelta, secondsReservedDelta, rendersUsedDelta, rendersReservedDelta);

    private static LicenseRecord Read(Row r) => new(
        r.Text("id"), r.Text("request_id"), r.Text("performer_id"), r.Text("studio_id"), TermsCodec.Decode(r.Text("terms")), r.Code<LicenseStatus>("stored_status"),
        r.TimeOrNull("revocation_effective_at"), r.Time("approved_at"), r.Flag("estate_confirmed"), r.Int("consent_version"), r.Text("token"),
        r.TextOrNull("attestation"), r.Long("ledger_index"), r.Flag("rate_override"), SuspensionsCodec.Decode(r.TextOrNull("suspensions")));
}
