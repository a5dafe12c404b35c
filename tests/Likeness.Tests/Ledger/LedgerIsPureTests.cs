using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Likeness.Ledger;
using Xunit;

namespace Likeness.Tests.Ledger;

/// <summary>
/// Likeness.Ledger does no IO (docs/ARCHITECTURE.md): the verifier is reused over any transport only if it never
/// reaches for one itself. The assembly's metadata names every type it uses; none may be a file, console,
/// network or process type.
/// </summary>
public sealed class LedgerIsPureTests
{
    private static readonly HashSet<string> Forbidden =
    [
        "System.IO.File", "System.IO.FileStream", "System.IO.FileInfo", "System.IO.Directory", "System.IO.DirectoryInfo",
        "System.IO.StreamReader", "System.IO.StreamWriter", "System.Console", "System.Net.Http.HttpClient",
        "System.Net.Sockets.Socket", "System.Net.Sockets.TcpClient", "System.Diagnostics.Process",
    ];

    [Fact]
    public void The_ledger_library_uses_no_file_console_network_or_process_type()
    {
        using var stream = File.OpenRead(typeof(Checkpoint).Assembly.Location);
        using var pe = new PEReader(stream);
        var md = pe.GetMetadataReader();
        var used = md.TypeReferences
            .Select(h => md.GetTypeReference(h))
            .Select(t => $"{md.GetString(t.Namespace)}.{md.GetString(t.Name)}")
            .ToHashSet();

        Assert.Contains("System.Security.Cryptography.ECDsa", used);
        Assert.Empty(used.Intersect(Forbidden));
        Assert.DoesNotContain(md.AssemblyReferences.Select(h => md.GetString(md.GetAssemblyReference(h).Name)),
            name => name is "System.Net.Http" or "System.Console" or "System.Net.Sockets");
    }
}
