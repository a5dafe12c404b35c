using Likeness.Application.Ports;
using Likeness.Storage.Relational.Sql;

namespace Likeness.Storage.Relational.Rows;

/// <summary>The ledger's tables: <c>ledger_entries</c>, <c>ledger_tiles</c>, <c>ledger_checkpoints</c>.</summary>
internal static class LedgerRows
{
    private static readonly Columns DataColumns = new("data");
    private static readonly Columns LeafColumns = new("leaf", "CASE WHEN leaf IS NULL THEN data END AS entry");
    private static readonly Columns CheckpointColumns = new("size", "root", "note", "at");

    public static void Append(ISql sql, long index, byte[] entry, byte[] leafHash) =>
        sql.Exec("INSERT INTO ledger_entries(idx, data, leaf) VALUES (@p0, @p1, @p2)", index, entry, leafHash);

    public static long Count(ISql sql) => sql.Scalar<long>("SELECT COALESCE(MAX(idx) + 1, 0) FROM ledger_entries");

    public static IReadOnlyList<byte[]> ReadEntries(ISql sql, long from, int count) =>
        sql.Many($"SELECT {DataColumns.Sql} FROM ledger_entries WHERE idx >= @p0 AND idx < @p1 ORDER BY idx", DataColumns, r => r.Bytes("data"), from, from + count);

    public static IReadOnlyList<StoredLeaf> ReadLeaves(ISql sql, long from, int count) =>
        sql.Many($"SELECT {LeafColumns.Sql} FROM ledger_entries WHERE idx >= @p0 AND idx < @p1 ORDER BY idx", LeafColumns,
            r => new StoredLeaf(r.BytesOrNull("leaf"), r.BytesOrNull("entry")), from, from + count);

    public static byte[]? GetTile(ISql sql, int level, long index) =>
        sql.One($"SELECT {DataColumns.Sql} FROM ledger_tiles WHERE level = @p0 AND idx = @p1", DataColumns, r => r.Bytes("data"), level, index);

    public static void PutTile(ISql sql, int level, long index, byte[] data) =>
        sql.Exec("INSERT INTO ledger_tiles(level, idx, data) VALUES (@p0, @p1, @p2) ON CONFLICT(level, idx) DO UPDATE SET data = excluded.data", level, index, data);

    public static StoredCheckpoint? GetLatestCheckpoint(ISql sql) =>
        sql.One($"SELECT {CheckpointColumns.Sql} FROM ledger_checkpoints ORDER BY size DESC LIMIT 1", CheckpointColumns,
            r => new StoredCheckpoint(r.Long("size"), r.Bytes("root"), r.Text("note"), r.Time("at")));

    public static void InsertCheckpoint(ISql sql, StoredCheckpoint c) =>
        sql.Exec($"INSERT INTO ledger_checkpoints({CheckpointColumns.Sql}) VALUES (@p0, @p1, @p2, @p3)", c.Size, c.Root, c.Note, c.At.UtcTicks);
}
