using System.Data.Common;
using System.Globalization;

namespace Likeness.Storage.Relational.Sql;

/// <summary>
/// SQL plumbing on one connection and its open transaction: statements prepared once per connection, parameters
/// named <c>@p0…</c>, and waiting writes sent in one round trip with the query after them where the provider batches.
/// </summary>
internal sealed class SqlRunner(DbConnection connection, bool writable) : ISql, IDisposable
{
    private readonly Dictionary<string, DbCommand> _commands = new(StringComparer.Ordinal);

    /// <summary>The open transaction, if any.</summary>
    public DbTransaction? Transaction { get; set; }

    public void Exec(string sql, params object?[] args)
    {
        ThrowIfReadOnly();
        Command(sql, args).ExecuteNonQuery();
    }

    public T Read<T>(string sql, object?[] args, Func<DbDataReader, T> consume)
    {
        using var reader = Command(sql, args).ExecuteReader();
        return consume(reader);
    }

    /// <summary>Sends <paramref name="writes"/> (then clears them), in one round trip where the provider batches.</summary>
    public void Send(List<PendingWrite> writes)
    {
        ThrowIfReadOnly();
        if (connection.CanCreateBatch)
        {
            using var batch = Batch(writes, null, []);
            batch.ExecuteNonQuery();
        }
        else
        {
            SendOneByOne(writes);
        }
    }

    /// <summary>Sends <paramref name="writes"/> (then clears them) and runs the query after them, in one round trip where the provider batches.</summary>
    public T SendThenRead<T>(List<PendingWrite> writes, string sql, object?[] args, Func<DbDataReader, T> consume)
    {
        ThrowIfReadOnly();
        if (connection.CanCreateBatch)
        {
            using var batch = Batch(writes, sql, args);
            using var reader = batch.ExecuteReader();
            return consume(reader);
        }

        SendOneByOne(writes);
        return Read(sql, args, consume);
    }

    private void SendOneByOne(List<PendingWrite> writes)
    {
        foreach (var w in writes)
        {
            Command(w.Sql, w.Args).ExecuteNonQuery();
        }

        writes.Clear();
    }

    private void ThrowIfReadOnly()
    {
        if (!writable)
        {
            throw new InvalidOperationException("A read session cannot write.");
        }
    }

    private DbBatch Batch(List<PendingWrite> writes, string? query, object?[] queryArgs)
    {
        var batch = connection.CreateBatch();
        batch.Transaction = Transaction;
        foreach (var w in writes)
        {
            batch.BatchCommands.Add(BatchCommand(batch, w.Sql, w.Args));
        }

        if (query is not null)
        {
            batch.BatchCommands.Add(BatchCommand(batch, query, queryArgs));
        }

        writes.Clear();
        return batch;
    }

    private static DbBatchCommand BatchCommand(DbBatch batch, string sql, object?[] args)
    {
        var c = batch.CreateBatchCommand();
        c.CommandText = sql;
        for (var i = 0; i < args.Length; i++)
        {
            var parameter = c.CreateParameter();
            parameter.ParameterName = ParameterNames[i];
            parameter.Value = Value(args[i]);
            c.Parameters.Add(parameter);
        }

        return c;
    }

    // Named with their prefix: Microsoft.Data.Sqlite then binds each with one lookup instead of trying every prefix.
    // Up to two for each key a batch of 512 commands looks up at once (WriteBatch.FindKeys).
    private static readonly string[] ParameterNames = Enumerable.Range(0, 1024).Select(i => "@p" + i.ToString(CultureInfo.InvariantCulture)).ToArray();

    private DbCommand Command(string sql, object?[] args)
    {
        if (!_commands.TryGetValue(sql, out var cmd))
        {
            cmd = connection.CreateCommand();
            cmd.CommandText = sql;
            for (var i = 0; i < args.Length; i++)
            {
                var parameter = cmd.CreateParameter();
                parameter.ParameterName = ParameterNames[i];
                cmd.Parameters.Add(parameter);
            }

            _commands[sql] = cmd;
        }

        cmd.Transaction = Transaction;
        for (var i = 0; i < args.Length; i++)
        {
            cmd.Parameters[i].Value = Value(args[i]);
        }

        return cmd;
    }

    /// <summary>
    /// A parameter's value as sent: every integer column is BIGINT, so an <see cref="int"/> goes as a <see cref="long"/>.
    /// INVARIANT: a statement the database prepared once is always sent the same types (a prepared statement whose
    /// parameter was inferred as BIGINT cannot take a 4-byte integer).
    /// </summary>
    private static object Value(object? v) => v switch
    {
        null => DBNull.Value,
        int i => (long)i,
        _ => v,
    };

    public void Dispose()
    {
        foreach (var c in _commands.Values)
        {
            c.Dispose();
        }

        _commands.Clear();
    }
}
