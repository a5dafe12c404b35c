using Likeness.Application.Ports;
using Likeness.Storage.Postgres;
using Likeness.Storage.Sqlite;

namespace Likeness.Server;

/// <summary>Opens the store named by <c>--db</c>: a SQLite file path (the embedded default) or a PostgreSQL connection string.</summary>
public static class StoreFactory
{
    /// <summary>True when <paramref name="db"/> is a PostgreSQL connection string rather than a file.</summary>
    public static bool IsPostgres(string db) =>
        db.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || db.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase) ||
        db.Contains("Host=", StringComparison.OrdinalIgnoreCase);

    public static IStore Open(string db)
    {
        if (string.IsNullOrWhiteSpace(db))
        {
            throw new ArgumentException("--db names a SQLite file (or set LIKENESS_DB).", nameof(db));
        }

        return IsPostgres(db) ? new PostgresStore(db) : new SqliteStore(db);
    }
}
