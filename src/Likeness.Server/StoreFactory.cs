using Likeness.Application.Ports;
using Likeness.Storage.Sqlite;

namespace Likeness.Server;

/// <summary>Opens the store named by <c>--db</c>: a SQLite file path (the embedded default).</summary>
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

        if (IsPostgres(db))
        {
            throw new NotSupportedException("This build stores in SQLite only; the PostgreSQL provider is tracked as its own issue.");
        }

        return new SqliteStore(db);
    }
}
