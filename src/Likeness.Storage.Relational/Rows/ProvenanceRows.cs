using Likeness.Application.Ports;
using Likeness.Application.Provenance;
using Likeness.Storage.Relational.Sql;

namespace Likeness.Storage.Relational.Rows;

/// <summary>
/// The <c>watermarks</c> and <c>fingerprints</c> tables. A token is kept as the signed 64-bit integer of the same bits
/// (both providers' BIGINT).
/// </summary>
internal sealed class ProvenanceRows(ISql sql) : IProvenanceSession
{
    private static readonly Columns Columns = new("token", "render_id", "created_at");
    private static readonly Columns FingerprintColumns = new("render_id", "items", "created_at");

    public void InsertWatermark(WatermarkRecord w) =>
        sql.Exec($"INSERT INTO watermarks({Columns.Sql}) VALUES (@p0,@p1,@p2)", unchecked((long)w.Token), w.RenderId, w.CreatedAt.UtcTicks);

    public WatermarkRecord? GetWatermark(ulong token) =>
        sql.One($"SELECT {Columns.Sql} FROM watermarks WHERE token = @p0", Columns, Read, unchecked((long)token));

    public ulong? WatermarkOf(string renderId) =>
        sql.Scalar<long?>("SELECT token FROM watermarks WHERE render_id = @p0", renderId) is { } token ? unchecked((ulong)token) : null;

    public void InsertFingerprint(FingerprintRecord f) =>
        sql.Exec($"INSERT INTO fingerprints({FingerprintColumns.Sql}) VALUES (@p0,@p1,@p2)", f.RenderId, f.Items, f.CreatedAt.UtcTicks);

    public IEnumerable<FingerprintRecord> Fingerprints() =>
        sql.Many($"SELECT {FingerprintColumns.Sql} FROM fingerprints ORDER BY created_at, render_id", FingerprintColumns, r => new FingerprintRecord(r.Text("render_id"), r.Bytes("items"), r.Time("created_at")));

    private static WatermarkRecord Read(Row r) =>
        new(unchecked((ulong)r.Long("token")), r.Text("render_id"), r.Time("created_at"));
}
