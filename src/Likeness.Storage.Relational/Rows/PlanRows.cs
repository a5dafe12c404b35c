using Likeness.Application.Planning;
using Likeness.Application.Ports;
using Likeness.Storage.Relational.Codecs;
using Likeness.Storage.Relational.Sql;

namespace Likeness.Storage.Relational.Rows;

/// <summary>The <c>plans</c> and <c>plan_versions</c> tables; a version's inputs through <see cref="PlanCodec"/>.</summary>
internal sealed class PlanRows(ISql sql) : IPlanSession
{
    private static readonly Columns Plans = new("id", "studio_id", "project", "latest_version", "created_at", "updated_at");
    private static readonly Columns Versions = new("plan_id", "version", "inputs", "created_at");

    public void Insert(PlanRecord p) =>
        sql.Exec($"INSERT INTO plans({Plans.Sql}) VALUES (@p0,@p1,@p2,@p3,@p4,@p5)", p.Id, p.StudioId, p.Project, (long)p.LatestVersion, p.CreatedAt.UtcTicks, p.UpdatedAt.UtcTicks);

    public void Update(PlanRecord p) =>
        sql.Exec("UPDATE plans SET latest_version = @p1, updated_at = @p2 WHERE id = @p0", p.Id, (long)p.LatestVersion, p.UpdatedAt.UtcTicks);

    public PlanRecord? Get(string id) => sql.One($"SELECT {Plans.Sql} FROM plans WHERE id = @p0", Plans, ReadPlan, id);

    public void InsertVersion(PlanVersionRecord v) =>
        sql.Exec($"INSERT INTO plan_versions({Versions.Sql}) VALUES (@p0,@p1,@p2,@p3)", v.PlanId, (long)v.Version, PlanCodec.Encode(v.Inputs), v.CreatedAt.UtcTicks);

    public PlanVersionRecord? GetVersion(string planId, int version) =>
        sql.One($"SELECT {Versions.Sql} FROM plan_versions WHERE plan_id = @p0 AND version = @p1", Versions, ReadVersion, planId, (long)version);

    private static PlanRecord ReadPlan(Row r) => new(
        r.Text("id"), r.Text("studio_id"), r.Text("project"), (int)r.Long("latest_version"), r.Time("created_at"), r.Time("updated_at"));

    private static PlanVersionRecord ReadVersion(Row r) => new(r.Text("plan_id"), (int)r.Long("version"), PlanCodec.Decode(r.Text("inputs")), r.Time("created_at"));
}
