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
    /// store (<c>&lt;db&gt;.signing-key.pem</c>). A PostgreSQL store has no "beside": by default its key is in the user's
    /// configuration folder, named for the store's host, port and database (<see cref="DefaultPostgresKeyPath"/>), so every
    /// node started by that user on that machine reads the same key; nodes on other machines are given a copy or a shared
    /// path with <c>--signing-key</c>. Never in a table.
    /// </summary>
    public static SigningKeyFile SigningKeys(string db, string? path)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!string.IsNullOrWhiteSpace(path))
        {
            return new SigningKeyFile(path);
        }

        return new SigningKeyFile(IsPostgres(db) ? DefaultPostgresKeyPath(db) : Path.GetFullPath(db) + ".signing-key.pem");
    }

    /// <summary>
    /// <c>~/.config/likeness/signing-keys/&lt;store&gt;.pem</c> (the user's configuration folder, created 0700), where
    /// &lt;store&gt; is a hash of the host, port and database: two connection strings to one store (another user or
    /// password, options in another order) name one key.
    /// </summary>
    public static string DefaultPostgresKeyPath(string db)
    {
        string identity;
        try
        {
            var b = new Npgsql.NpgsqlConnectionStringBuilder(db);
            identity = $"{b.Host?.ToLowerInvariant()}:{b.Port}/{b.Database}";
        }
        catch (ArgumentException)
        {
            identity = db;
        }

        var folder = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData, Environment.SpecialFolderOption.Create), "likeness", "signing-keys");
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else
        {
            Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var name = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(identity)))[..16];
        return Path.Combine(folder, name + ".pem");
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
