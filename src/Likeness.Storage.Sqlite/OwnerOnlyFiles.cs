namespace Likeness.Storage.Sqlite;

/// <summary>
/// Keeps the store's files (the database, its -wal and -shm) readable and writable by their owner only (0600),
/// whatever the umask: the database is created 0600 before SQLite opens it, and SQLite creates the -wal and -shm
/// with the database's mode; files of a store made before (0644) are tightened when it is opened.
/// </summary>
internal static class OwnerOnlyFiles
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Creates the folder (0700 when it is new) and an empty database file (0600) when there is none.</summary>
    public static void Prepare(string path)
    {
        var full = Path.GetFullPath(path);
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(full)!, OwnerOnly | UnixFileMode.UserExecute);
        try
        {
            // An empty file is a valid empty database to SQLite.
            using var created = new FileStream(full, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = OwnerOnly });
        }
        catch (IOException) when (File.Exists(full))
        {
            // The store exists; Tighten sees to its mode.
        }
    }

    /// <summary>Takes group and other permissions away from the database and its -wal and -shm, where they have any.</summary>
    public static void Tighten(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var full = Path.GetFullPath(path);
        foreach (var file in new[] { full, full + "-wal", full + "-shm" })
        {
            if (File.Exists(file) && (File.GetUnixFileMode(file) & ~(OwnerOnly | UnixFileMode.UserExecute)) != 0)
            {
                File.SetUnixFileMode(file, OwnerOnly);
            }
        }
    }
}
