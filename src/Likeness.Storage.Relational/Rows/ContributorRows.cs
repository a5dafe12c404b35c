using Likeness.Application.Model;
using Likeness.Domain.Common;
using Likeness.Storage.Relational.Sql;

namespace Likeness.Storage.Relational.Rows;

/// <summary>The <c>render_contributors</c> table: the contributors of a render with several performers, in order.</summary>
internal static class ContributorRows
{
    private static readonly Columns Columns = new(
        "render_id", "position", "part_id", "license_id", "performer_id", "role", "share_bps", "needs_approval", "approved_by", "approved_at");

    public static void Insert(ISql sql, ContributorRecord x) =>
        sql.Exec($"INSERT INTO render_contributors({Columns.Sql}) VALUES (@p0,@p1,@p2,@p3,@p4,@p5,@p6,@p7,@p8,@p9)",
            x.RenderId, (long)x.Position, x.PartId, x.LicenseId, x.PerformerId, Vocabulary<ContributorRole>.Name(x.Role), (long)x.ShareBps,
            x.NeedsApproval ? 1L : 0L, x.ApprovedBy, x.ApprovedAt?.UtcTicks);

    public static void Approve(ISql sql, string renderId, int position, string by, DateTimeOffset at) =>
        sql.Exec("UPDATE render_contributors SET approved_by = @p2, approved_at = @p3 WHERE render_id = @p0 AND position = @p1",
            renderId, (long)position, by, at.UtcTicks);

    public static IReadOnlyList<ContributorRecord> Get(ISql sql, string renderId) =>
        sql.Many($"SELECT {Columns.Sql} FROM render_contributors WHERE render_id = @p0 ORDER BY position", Columns,
            r => new ContributorRecord(r.Text("render_id"), r.Int("position"), r.Text("part_id"), r.Text("license_id"), r.Text("performer_id"),
                r.Code<ContributorRole>("role"), r.Int("share_bps"), r.Flag("needs_approval"), r.TextOrNull("approved_by"), r.TimeOrNull("approved_at")),
            renderId);
}
