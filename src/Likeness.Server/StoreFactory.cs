using Likeness.Application.Ports;
using Likeness.Server.Secrets;
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

    /// <summary>
    /// The ledger signing key's file: <paramref name="path"/> (<c>--signing-key</c>) when given, else beside a SQLite
    /// store (<c>&lt;db&gt;.signing-key.pem</c>). A PostgreSQL store has no "beside": it must be told, so that every node
    /// reads the same key and none ever keeps it in a table.
    /// </summary>
    public static SigningKeyFile SigningKeys(string db, string? path)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!string.IsNullOrWhiteSpace(path))
        {
            return new SigningKeyFile(path);
        }

        return IsPostgres(db)
            ? throw new ArgumentException("A PostgreSQL store needs --signing-key PATH (or LIKENESS_SIGNING_KEY): the key file every node reads (docs/SECURITY.md).", nameof(path))
            : new SigningKeyFile(Path.GetFullPath(db) + ".signing-key.pem");
    }

    public static IStore Open(string db)
    {
        if (string.IsNullOrWhiteSpace(db))
        {
            throw new ArgumentException("--db names a SQLite file (or set LIKENESS_DB).", nameof(db));
        }

        return IsPostgres(db) ? new PostgresStore(db) : new SqliteStore(db);
    }
}
