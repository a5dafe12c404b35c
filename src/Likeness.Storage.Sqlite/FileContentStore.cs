using Likeness.Application.Ports;
using Likeness.Application.Vault;
using Microsoft.Win32.SafeHandles;

namespace Likeness.Storage.Sqlite;

/// <summary>
/// Sealed chunks in files beside the SQLite store: one file per content in a 0700 folder (<c>&lt;db&gt;.vault</c>),
/// created 0600, chunk <c>i</c> at <c>i × (chunk + overhead)</c>, so a chunk is one positioned read or write and a
/// part is made durable with one fsync.
/// </summary>
public sealed class FileContentStore(string folder) : IContentStore
{
    private const long Stride = VaultCipher.ChunkBytes + VaultCipher.Overhead;
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>The folder the contents are in.</summary>
    public string Folder { get; } = Path.GetFullPath(folder);

    /// <summary>The file that holds <paramref name="blobId"/>'s chunks.</summary>
    public string PathOf(string blobId) =>
        blobId.Length > 0 && blobId.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')
            ? Path.Combine(Folder, blobId + ".sealed")
            : throw new ArgumentException($"'{blobId}' is not a blob id.", nameof(blobId));

    public async ValueTask WriteChunkAsync(string blobId, long index, ReadOnlyMemory<byte> sealedChunk, CancellationToken ct = default)
    {
        using var handle = Open(blobId, FileMode.OpenOrCreate, FileAccess.Write);
        await RandomAccess.WriteAsync(handle, sealedChunk, index * Stride, ct);
    }

    public ValueTask FlushAsync(string blobId, CancellationToken ct = default)
    {
        using var handle = Open(blobId, FileMode.OpenOrCreate, FileAccess.Write);
        RandomAccess.FlushToDisk(handle);
        return ValueTask.CompletedTask;
    }

    public async ValueTask<int> ReadChunkAsync(string blobId, long index, Memory<byte> buffer, CancellationToken ct = default)
    {
        SafeFileHandle handle;
        try
        {
            handle = Open(blobId, FileMode.Open, FileAccess.Read);
        }
        catch (FileNotFoundException)
        {
            return 0;
        }

        using (handle)
        {
            var total = 0;
            while (total < buffer.Length)
            {
                var n = await RandomAccess.ReadAsync(handle, buffer[total..], (index * Stride) + total, ct);
                if (n == 0)
                {
                    break;
                }

                total += n;
            }

            return total;
        }
    }

    public ValueTask DeleteAsync(string blobId, CancellationToken ct = default)
    {
        File.Delete(PathOf(blobId));
        return ValueTask.CompletedTask;
    }

    private SafeFileHandle Open(string blobId, FileMode mode, FileAccess access)
    {
        if (mode != FileMode.Open && !Directory.Exists(Folder))
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(Folder);
            }
            else
            {
                Directory.CreateDirectory(Folder, OwnerOnly | UnixFileMode.UserExecute);
            }
        }

        var path = PathOf(blobId);
        if (mode != FileMode.Open && !OperatingSystem.IsWindows() && !File.Exists(path))
        {
            try
            {
                new FileStream(path, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = OwnerOnly }).Dispose();
            }
            catch (IOException) when (File.Exists(path))
            {
                // Created by the part before this one.
            }
        }

        return File.OpenHandle(path, mode, access, FileShare.ReadWrite | FileShare.Delete, FileOptions.Asynchronous);
    }
}
