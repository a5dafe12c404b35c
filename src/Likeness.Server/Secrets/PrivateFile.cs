namespace Likeness.Server.Secrets;

/// <summary>
/// Files that hold a secret (the ledger signing key, the operator key): created readable and writable by their owner
/// only (0600) from their first byte, so they are never world-readable even for an instant whatever the umask, and
/// written whole to a new file that is then renamed into place, so a reader never sees half a key.
/// </summary>
public static class PrivateFile
{
    /// <summary>Writes <paramref name="content"/> to <paramref name="path"/>, replacing what was there.</summary>
    public static void Write(string path, string content)
    {
        var temp = WriteTemp(path, content);
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>Writes <paramref name="content"/> to <paramref name="path"/> unless a file is there already; false (nothing written) then.</summary>
    public static bool TryCreate(string path, string content)
    {
        var temp = WriteTemp(path, content);
        try
        {
            File.Move(temp, path, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temp);
            return false;
        }
    }

    private static string WriteTemp(string path, string content)
    {
        var full = Path.GetFullPath(path);
        if (Path.GetDirectoryName(full) is { } dir && !Directory.Exists(dir))
        {
            CreateOwnerOnlyDirectory(dir);
        }

        var temp = $"{full}.tmp-{Guid.NewGuid():N}";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temp, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(content);
            writer.Flush();
            stream.Flush(flushToDisk: true);
        }

        return temp;
    }

    private static void CreateOwnerOnlyDirectory(string dir)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(dir);
        }
        else
        {
            Directory.CreateDirectory(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }
}
