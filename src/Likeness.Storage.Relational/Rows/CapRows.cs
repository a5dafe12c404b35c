using Likeness.Domain.Common;
using Likeness.Domain.Decisions;
using Likeness.Storage.Relational.Sql;

namespace Likeness.Storage.Relational.Rows;

/// <summary>The <c>cap_counters</c> table: a performer's renders counted per month, studio and modality.</summary>
internal static class CapRows
{
    private static readonly Columns Columns = new("studio_id", "modality", "month", "seconds_used", "seconds_reserved", "renders_used", "renders_reserved");

    public static IReadOnlyList<CapCounter> Get(ISql sql, string performerId, int fromMonth) =>
        sql.Many($"SELECT {Columns.Sql} FROM cap_counters WHERE performer_id = @p0 AND month >= @p1", Columns,
            r => new CapCounter(r.Text("studio_id"), r.Code<Modality>("modality"), r.Int("month"), r.Long("seconds_used"), r.Long("seconds_reserved"), r.Long("renders_used"), r.Long("renders_reserved")),
            performerId, (long)fromMonth);

    /// <summary>
    /// Adds to a counter, creating it if it is new, in one statement. A database checks the row an insert proposes before it
    /// finds the conflict, so the proposed row holds the deltas clamped at zero: a counter that does not exist yet was never
    /// reserved in, so what reaches it first only adds.
    /// </summary>
    public static void Adjust(ISql sql, string performerId, string studioId, Modality modality, int month, long secondsUsed, long secondsReserved, long rendersUsed, long rendersReserved) =>
        sql.Exec(
            "INSERT INTO cap_counters(performer_id, month, studio_id, modality, seconds_used, seconds_reserved, renders_used, renders_reserved) " +
            "VALUES (@p0, @p1, @p2, @p3, CASE WHEN @p4 > 0 THEN @p4 ELSE 0 END, CASE WHEN @p5 > 0 THEN @p5 ELSE 0 END, CASE WHEN @p6 > 0 THEN @p6 ELSE 0 END, CASE WHEN @p7 > 0 THEN @p7 ELSE 0 END) " +
            "ON CONFLICT (performer_id, month, studio_id, modality) DO UPDATE SET seconds_used = cap_counters.seconds_used + @p4, " +
            "seconds_reserved = cap_counters.seconds_reserved + @p5, renders_used = cap_counters.renders_used + @p6, renders_reserved = cap_counters.renders_reserved + @p7",
            performerId, (long)month, studioId, Vocabulary<Modality>.Name(modality), secondsUsed, secondsReserved, rendersUsed, rendersReserved);
}
