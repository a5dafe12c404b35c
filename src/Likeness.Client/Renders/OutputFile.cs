namespace Likeness.Client;

/// <summary>Replaces a render's output file whole: written beside it, then moved over it, so a reader never sees half a stamp.</summary>
internal static class OutputFile
{
    public static async Task ReplaceAsync(string file, byte[] content, CancellationToken ct)
    {
        var temp = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(file))!, $".{Path.GetFileName(file)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await File.WriteAllBytesAsync(temp, content, ct).ConfigureAwait(false);
            File.Move(temp, file, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }
}
