using System.Data.Common;

namespace Likeness.Storage.Relational.Sql;

/// <summary>What table code does with SQL: write a statement, and read one. Whether a write is sent now or waits is not its concern.</summary>
internal interface ISql
{
    /// <summary>Runs a statement that returns no rows (possibly later: see <see cref="WriteBatch"/>).</summary>
    void Exec(string sql, params object?[] args);

    /// <summary>Runs a query (after any writes waiting before it) and hands its reader to <paramref name="consume"/>.</summary>
    T Read<T>(string sql, object?[] args, Func<DbDataReader, T> consume);
}

/// <summary>One statement waiting to be sent.</summary>
internal readonly record struct PendingWrite(string Sql, object?[] Args);
