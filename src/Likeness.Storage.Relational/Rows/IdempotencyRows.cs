using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Likeness.Application.Ports;
using Likeness.Storage.Relational.Sql;

namespace Likeness.Storage.Relational.Rows;

/// <summary>The <c>idempotency</c> table: the first answer given under each key.</summary>
internal static class IdempotencyRows
{
    private static readonly Columns Columns = new("scope", "key", "request_hash", "status", "body", "created_at");

    private static readonly ConcurrentDictionary<int, string> FindStatements = new();

    public static IdempotencyRecord? Get(ISql sql, string scope, string key) =>
        sql.One($"SELECT {Columns.Sql} FROM idempotency WHERE scope = @p0 AND key = @p1", Columns, Read, scope, key);

    public static void Insert(ISql sql, IdempotencyRecord x) =>
        sql.Exec($"INSERT INTO idempotency({Columns.Sql}) VALUES (@p0,@p1,@p2,@p3,@p4,@p5)", x.Scope, x.Key, x.RequestHash, x.Status, x.Body, x.CreatedAt.UtcTicks);

    public static void Delete(ISql sql, string scope, string key) => sql.Exec("DELETE FROM idempotency WHERE scope = @p0 AND key = @p1", scope, key);

    /// <summary>Deletes the oldest records created before the cutoff, at most <paramref name="limit"/>; counts them first.</summary>
    public static int DeleteBefore(ISql sql, DateTimeOffset cutoff, int limit)
    {
        var count = (int)Math.Min(limit, sql.Scalar<long>("SELECT COUNT(*) FROM idempotency WHERE created_at < @p0", cutoff.UtcTicks));
        if (count > 0)
        {
            sql.Exec("DELETE FROM idempotency WHERE (scope, key) IN (SELECT scope, key FROM idempotency WHERE created_at < @p0 ORDER BY created_at LIMIT @p1)", cutoff.UtcTicks, count);
        }

        return count;
    }

    /// <summary>
    /// The records of <paramref name="keys"/> the database holds, read in one statement: from two arrays where the
    /// provider takes them, else as row values.
    /// </summary>
    public static List<IdempotencyRecord> Find(ISql sql, Dialect dialect, IReadOnlyCollection<IdempotencyKey> keys) =>
        dialect.IdempotencyFromArrays is { } fromArrays
            ? sql.Many($"SELECT {Columns.Sql} FROM {fromArrays}", Columns, Read, keys.Select(k => k.Scope).ToArray(), keys.Select(k => k.Key).ToArray())
            : sql.Many(FindSql(Slots(keys.Count)), Columns, Read, KeysAsRows(keys));

    private static IdempotencyRecord Read(Row r) => new(r.Text("scope"), r.Text("key"), r.Text("request_hash"), r.Int("status"), r.Text("body"), r.Time("created_at"));

    // The statement's size is rounded up to a power of two (the last key repeated), so that a few prepared statements
    // serve every batch.
    private static int Slots(int keys) => (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)keys);

    private static object?[] KeysAsRows(IReadOnlyCollection<IdempotencyKey> keys)
    {
        var args = new object?[Slots(keys.Count) * 2];
        var i = 0;
        IdempotencyKey last = default;
        foreach (var k in keys)
        {
            args[i++] = k.Scope;
            args[i++] = k.Key;
            last = k;
        }

        for (; i < args.Length; i += 2)
        {
            args[i] = last.Scope;
            args[i + 1] = last.Key;
        }

        return args;
    }

    private static string FindSql(int slots) => FindStatements.GetOrAdd(slots, n =>
    {
        var sql = new StringBuilder($"SELECT {Columns.Sql} FROM idempotency WHERE (scope, key) IN (");
        for (var j = 0; j < n; j++)
        {
            sql.Append(CultureInfo.InvariantCulture, $"{(j == 0 ? "" : ",")}(@p{2 * j},@p{(2 * j) + 1})");
        }

        return sql.Append(')').ToString();
    });
}
