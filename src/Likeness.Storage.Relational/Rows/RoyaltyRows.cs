using Likeness.Application.Model;
using Likeness.Domain.Royalties;
using Likeness.Storage.Relational.Sql;

namespace Likeness.Storage.Relational.Rows;

/// <summary>The tables royalties read and write: <c>splits</c>, <c>rate_tables</c>, <c>closed_periods</c>, and the month's usage grouped.</summary>
internal static class RoyaltyRows
{
    private static readonly Columns SplitColumns = new("performer_id", "version", "body", "created_at", "ledger_index");
    private static readonly Columns RateColumns = new("union_id", "version", "label", "body", "created_at", "ledger_index");
    private static readonly Columns ClosedColumns = new("period", "closed_at", "lines", "sha256", "ledger_index");
    private static readonly Columns GroupColumns = new(
        "license_id", "use_index", "factor_e12", "split_version", "performer_id", "COUNT(*) AS renders", "SUM(actual_ms) AS millis");

    private const string Group = "GROUP BY license_id, use_index, factor_e12, split_version, performer_id";

    public static void InsertSplits(ISql sql, SplitsRecord x) =>
        sql.Exec($"INSERT INTO splits({SplitColumns.Sql}) VALUES (@p0,@p1,@p2,@p3,@p4)", x.PerformerId, x.Version, x.BodyJson, x.CreatedAt.UtcTicks, x.LedgerIndex);

    public static SplitsRecord? GetSplits(ISql sql, string performerId, int? version) =>
        sql.One($"SELECT {SplitColumns.Sql} FROM splits WHERE performer_id = @p0 AND (CAST(@p1 AS BIGINT) IS NULL OR version = @p1) ORDER BY version DESC LIMIT 1",
            SplitColumns, ReadSplits, performerId, version);

    public static SplitsRecord? GetSplitsAt(ISql sql, string performerId, DateTimeOffset at) =>
        sql.One($"SELECT {SplitColumns.Sql} FROM splits WHERE performer_id = @p0 AND created_at <= @p1 ORDER BY version DESC LIMIT 1", SplitColumns, ReadSplits, performerId, at.UtcTicks);

    public static void InsertRateTable(ISql sql, RateTableRecord x) =>
        sql.Exec($"INSERT INTO rate_tables({RateColumns.Sql}) VALUES (@p0,@p1,@p2,@p3,@p4,@p5)", x.UnionId, x.Version, x.Label, x.BodyJson, x.CreatedAt.UtcTicks, x.LedgerIndex);

    public static RateTableRecord? GetCurrentRateTable(ISql sql, string unionId) =>
        sql.One($"SELECT {RateColumns.Sql} FROM rate_tables WHERE union_id = @p0 ORDER BY version DESC LIMIT 1", RateColumns,
            r => new RateTableRecord(r.Text("union_id"), r.Int("version"), r.Text("label"), r.Text("body"), r.Time("created_at"), r.Long("ledger_index")), unionId);

    public static ClosedPeriodRecord? GetClosedPeriod(ISql sql, string period) =>
        sql.One($"SELECT {ClosedColumns.Sql} FROM closed_periods WHERE period = @p0", ClosedColumns, ReadClosed, period);

    public static IReadOnlyList<ClosedPeriodRecord> ListClosedPeriods(ISql sql) =>
        sql.Many($"SELECT {ClosedColumns.Sql} FROM closed_periods ORDER BY period", ClosedColumns, ReadClosed);

    public static void InsertClosedPeriod(ISql sql, ClosedPeriodRecord x) =>
        sql.Exec($"INSERT INTO closed_periods({ClosedColumns.Sql}) VALUES (@p0,@p1,@p2,@p3,@p4)", x.Period, x.ClosedAt.UtcTicks, x.LinesJson, x.Sha256, x.LedgerIndex);

    /// <summary>
    /// One pass over the period's completed renders (an index-only scan), grouped without looking at deaths; then, for the
    /// few performers who died, the renders after the death are moved into groups of their own; then each contributor's
    /// part of a render with several performers is moved into a group of its own naming the render and her share.
    /// </summary>
    public static IReadOnlyList<UsageAggregate> AggregateUsage(ISql sql, Dialect dialect, DateTimeOffset? from, DateTimeOffset to, string? licenseId)
    {
        var rows = licenseId is null
            ? sql.Many($"SELECT {GroupColumns.Sql} FROM renders {dialect.SettledIndexHint} WHERE status = 'completed' AND settled_at >= @p0 AND settled_at < @p1 {Group}", GroupColumns, ReadGroup, from?.UtcTicks ?? 0, to.UtcTicks)
            : sql.Many($"SELECT {GroupColumns.Sql} FROM renders WHERE status = 'completed' AND license_id = @p2 AND settled_at >= @p0 AND settled_at < @p1 {Group}", GroupColumns, ReadGroup, from?.UtcTicks ?? 0, to.UtcTicks, licenseId);
        var groups = rows.ToDictionary(r => (r.License, r.Use, r.Factor, r.Split, Deceased: false, Render: (string?)null), r => (r.Performer, r.Renders, r.Millis));
        var deaths = sql.Many("SELECT id, died_at FROM parties WHERE died_at IS NOT NULL AND died_at < @p0", DeathColumns, r => (r.Text("id"), r.Long("died_at")), to.UtcTicks);
        foreach (var (performer, diedAt) in deaths)
        {
            var after = sql.Many($"SELECT {GroupColumns.Sql} FROM renders WHERE status = 'completed' AND performer_id = @p0 AND settled_at >= @p1 AND settled_at < @p2 AND (CAST(@p3 AS TEXT) IS NULL OR license_id = @p3) {Group}",
                GroupColumns, ReadGroup, performer, Math.Max(from?.UtcTicks ?? 0, diedAt), to.UtcTicks, licenseId);
            foreach (var a in after)
            {
                var alive = groups[(a.License, a.Use, a.Factor, a.Split, false, null)];
                groups[(a.License, a.Use, a.Factor, a.Split, false, null)] = (performer, alive.Renders - a.Renders, alive.Millis - a.Millis);
                groups[(a.License, a.Use, a.Factor, a.Split, true, null)] = (performer, a.Renders, a.Millis);
            }
        }

        var diedAtOf = deaths.ToDictionary(d => d.Item1, d => d.Item2, StringComparer.Ordinal);
        var shares = new Dictionary<(string Render, string License), int>();
        foreach (var part in sql.Many(
            $"SELECT {PartColumns.Sql} FROM render_contributors c JOIN renders r ON r.id = c.part_id WHERE r.status = 'completed' AND r.settled_at >= @p0 AND r.settled_at < @p1 AND (CAST(@p2 AS TEXT) IS NULL OR r.license_id = @p2)",
            PartColumns, ReadPart, from?.UtcTicks ?? 0, to.UtcTicks, licenseId))
        {
            var deceased = diedAtOf.TryGetValue(part.Performer, out var diedAt) && part.SettledAt >= diedAt;
            var key = (part.License, part.Use, part.Factor, part.Split, deceased, (string?)null);
            var all = groups[key];
            groups[key] = (all.Performer, all.Renders - 1, all.Millis - part.Millis);
            groups[(part.License, part.Use, part.Factor, part.Split, deceased, part.Render)] = (part.Performer, 1, part.Millis);
            shares[(part.Render, part.License)] = part.ShareBps; // each licence takes part in a render once
        }

        return groups.Where(g => g.Value.Renders > 0)
            .Select(g => new UsageAggregate(g.Key.License, g.Key.Use, g.Key.Factor, g.Key.Split, g.Key.Deceased, g.Value.Renders, g.Value.Millis,
                g.Key.Render, g.Key.Render is { } render ? shares[(render, g.Key.License)] : null))
            .ToList();
    }

    private static readonly Columns PartColumns = new(
        "c.render_id", "r.license_id", "r.use_index", "r.factor_e12", "r.split_version", "r.performer_id", "r.actual_ms", "r.settled_at", "c.share_bps");

    private static (string Render, string License, int Use, long Factor, int Split, string Performer, long Millis, long SettledAt, int ShareBps) ReadPart(Row r) =>
        (r.Text("c.render_id"), r.Text("r.license_id"), r.Int("r.use_index"), r.Long("r.factor_e12"), r.Int("r.split_version"), r.Text("r.performer_id"),
            r.Long("r.actual_ms"), r.Long("r.settled_at"), r.Int("c.share_bps"));

    private static readonly Columns DeathColumns = new("id", "died_at");

    private static SplitsRecord ReadSplits(Row r) => new(r.Text("performer_id"), r.Int("version"), r.Text("body"), r.Time("created_at"), r.Long("ledger_index"));

    private static ClosedPeriodRecord ReadClosed(Row r) => new(r.Text("period"), r.Time("closed_at"), r.Text("lines"), r.Text("sha256"), r.Long("ledger_index"));

    private static (string License, int Use, long Factor, int Split, string Performer, long Renders, long Millis) ReadGroup(Row r) =>
        (r.Text("license_id"), r.Int("use_index"), r.Long("factor_e12"), r.Int("split_version"), r.Text("performer_id"), r.Long("renders"), r.Long("millis"));
}
