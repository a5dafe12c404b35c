using Likeness.Server;
using Likeness.Server.Secrets;

namespace Likeness.Cli;

/// <summary>Where the operator key of a SQLite store is kept beside it (created 0600: readable by its owner only). A PostgreSQL store has no such file.</summary>
public static class KeyFile
{
    public static string PathFor(string db) => Path.GetFullPath(db) + ".operator-key";

    /// <summary>Writes the key beside a SQLite file; false (nothing written) for a PostgreSQL connection string.</summary>
    public static bool Write(string db, string key)
    {
        if (StoreFactory.IsPostgres(db))
        {
            return false;
        }

        PrivateFile.Write(PathFor(db), key + "\n");
        return true;
    }
}
