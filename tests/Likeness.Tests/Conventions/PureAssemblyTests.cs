using System.Reflection;
using Likeness.Domain.Decisions;
using Likeness.Ledger;
using Xunit;

namespace Likeness.Tests.Conventions;

/// <summary>
/// Likeness.Domain, Likeness.Ledger, Likeness.Provenance and Likeness.Watermark are pure: the same inputs give the same answer, on any machine, at any time.
/// They touch no file, network, database, console, environment, process, sleep or wall clock; the clock is a
/// parameter (an instant, or a <see cref="TimeProvider"/> passed in). Checked on the compiled metadata, so a call
/// buried in a method body counts as much as a public signature.
/// </summary>
public sealed class PureAssemblyTests
{
    public static TheoryData<string> PureAssemblies() => new() { "Likeness.Domain", "Likeness.Ledger", "Likeness.Provenance", "Likeness.Watermark" };

    // Referenced assemblies a pure library may use. An allowlist rather than a denylist, so that a new dependency is a
    // decision someone writes down here: System.Runtime and friends hold the base types; Collections, Linq, Memory and
    // Immutable are data structures; Text.Json and RegularExpressions parse text in memory; Cryptography hashes and signs
    // bytes (the ledger's Merkle tree and checkpoints); Intrinsics and Numerics are arithmetic; Concurrent holds the
    // thread-safe in-memory cache of expanded tiles (TileNodeCache), which remembers, never fetches. NSec.Cryptography
    // verifies Ed25519 act signatures (PartyKey), which .NET's own cryptography lacks: libsodium over bytes in memory.
    // Cbor and Cose encode and sign C2PA claims (Likeness.Provenance) in memory; NonGeneric holds the base class of
    // the certificate collection a PEM chain is read into.
    // NWaves gives the watermark its FFT and its filter design (arrays in, arrays out); its WAV reader is never named.
    // Numerics.Vectors (SIMD dot products) and InteropServices (span marshalling) are arithmetic over memory.
    private static readonly HashSet<string> AllowedAssemblies =
    [
        "System.Runtime", "System.Collections", "System.Collections.Concurrent", "System.Collections.Immutable", "System.Linq", "System.Memory",
        "System.Text.Json", "System.Text.RegularExpressions", "System.Security.Cryptography", "System.Runtime.Intrinsics",
        "System.Runtime.Numerics", "System.Text.Encodings.Web", "Likeness.Domain", "NSec.Cryptography",
        "System.Formats.Cbor", "System.Security.Cryptography.Cose", "System.Collections.NonGeneric",
        "NWaves", "System.Numerics.Vectors", "System.Runtime.InteropServices",
    ];

    // System.IO types that do no IO. MemoryStream is a growable byte buffer (EntryBundle writes a bundle into one);
    // Stream is its base class, named when a base method is called on it; the exceptions are only thrown or caught.
    // FileStream, File, Directory, Path and the rest are not here, and so fail.
    private static readonly HashSet<string> AllowedIoTypes =
    [
        "System.IO.MemoryStream", "System.IO.Stream", "System.IO.SeekOrigin", "System.IO.InvalidDataException",
        "System.IO.EndOfStreamException", "System.IO.IOException",
    ];

    // Whole namespaces that are IO by nature.
    private static readonly string[] ForbiddenNamespaces =
        ["System.Net", "System.Data", "Microsoft.Data", "Npgsql", "Microsoft.AspNetCore", "Microsoft.Extensions", "System.Timers", "System.IO.Pipes", "System.IO.Compression"];

    // Types that reach outside the process or read the wall clock, and why each is out.
    private static readonly Dictionary<string, string> ForbiddenTypes = new(StringComparer.Ordinal)
    {
        ["System.Console"] = "writes to or reads the terminal",
        ["System.Diagnostics.Process"] = "starts or inspects processes",
        ["System.Diagnostics.Stopwatch"] = "reads the machine's clock",
        ["System.Threading.Thread"] = "sleeps or makes threads",
        ["System.Threading.Timer"] = "fires on the wall clock",
        ["System.Threading.PeriodicTimer"] = "fires on the wall clock",
        ["System.Random"] = "is seeded from the machine unless given a seed; pure code takes its randomness as input",
    };

    // Members of otherwise pure types that read the wall clock, sleep or draw randomness.
    private static readonly Dictionary<string, string> ForbiddenMembers = new(StringComparer.Ordinal)
    {
        ["System.DateTime::get_Now"] = "the clock is injected",
        ["System.DateTime::get_UtcNow"] = "the clock is injected",
        ["System.DateTime::get_Today"] = "the clock is injected",
        ["System.DateTimeOffset::get_Now"] = "the clock is injected",
        ["System.DateTimeOffset::get_UtcNow"] = "the clock is injected",
        ["System.TimeProvider::get_System"] = "the clock is injected, not taken from the system",
        ["System.Threading.Tasks.Task::Delay"] = "waits on the wall clock",
        ["System.Guid::NewGuid"] = "draws randomness from the machine",
        ["System.Guid::CreateVersion7"] = "reads the clock and draws randomness",
        ["System.AppContext::get_BaseDirectory"] = "names a place on disk",
    };

    // Environment reads the machine (variables, directories, tick count, exit): all of it is out, except the managed
    // thread id, which the compiler's own iterators (yield return) read to decide whether to reuse themselves.
    private const string EnvironmentPrefix = "System.Environment::";
    private const string IteratorThreadCheck = "System.Environment::get_CurrentManagedThreadId";

    private static Assembly Load(string name) => name switch
    {
        "Likeness.Domain" => typeof(RenderEvaluator).Assembly,
        "Likeness.Ledger" => typeof(TreeMath).Assembly,
        "Likeness.Provenance" => typeof(Likeness.Provenance.Credential).Assembly,
        "Likeness.Watermark" => typeof(Likeness.Watermark.AudioWatermark).Assembly,
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(PureAssemblies))]
    public void References_only_pure_assemblies(string name)
    {
        var unexpected = Load(name).GetReferencedAssemblies().Select(a => a.Name!).Where(a => !AllowedAssemblies.Contains(a)).ToList();
        Assert.True(unexpected.Count == 0, $"{name} references {string.Join(", ", unexpected)}; a pure library may reference only {string.Join(", ", AllowedAssemblies)}.");
    }

    [Theory]
    [MemberData(nameof(PureAssemblies))]
    public void Names_no_IO_type_anywhere(string name)
    {
        var offences = new List<string>();
        var members = MetadataScan.ReferencedMembers(Load(name));
        foreach (var type in MetadataScan.ReferencedTypes(Load(name)))
        {
            if (ForbiddenTypes.TryGetValue(type, out var why))
            {
                offences.Add($"{type} ({why})");
            }
            else if (ForbiddenNamespaces.Any(ns => type.StartsWith(ns + ".", StringComparison.Ordinal)))
            {
                offences.Add($"{type} (its namespace is IO)");
            }
            else if (type.StartsWith("System.IO.", StringComparison.Ordinal) && !AllowedIoTypes.Contains(type))
            {
                offences.Add($"{type} (file and stream IO)");
            }
        }

        // Name the members used too, so a failure says where to look.
        var used = offences.Select(o => o.Split(' ')[0] + "::").SelectMany(prefix => members.Where(m => m.StartsWith(prefix, StringComparison.Ordinal)));
        Assert.True(offences.Count == 0, $"{name} uses: {string.Join("; ", offences)} (members: {string.Join(", ", used)})");
    }

    [Theory]
    [MemberData(nameof(PureAssemblies))]
    public void Reads_no_wall_clock_or_environment_and_never_sleeps(string name)
    {
        var members = MetadataScan.ReferencedMembers(Load(name));
        var offences = members
            .Where(ForbiddenMembers.ContainsKey)
            .Select(m => $"{m} ({ForbiddenMembers[m]})")
            .Concat(members.Where(m => m.StartsWith(EnvironmentPrefix, StringComparison.Ordinal) && m != IteratorThreadCheck).Select(m => $"{m} (reads the machine)"))
            .ToList();
        Assert.True(offences.Count == 0, $"{name} calls: {string.Join("; ", offences)}");
    }

    [Fact]
    public void The_scan_sees_method_bodies()
    {
        // The check is only worth something if it finds what a method body names: ImpureFixture below names a file, a
        // sleep and the wall clock only inside its body, so the same scan of this assembly must find all three.
        var types = MetadataScan.ReferencedTypes(typeof(PureAssemblyTests).Assembly);
        var members = MetadataScan.ReferencedMembers(typeof(PureAssemblyTests).Assembly);
        Assert.Contains("System.IO.File", types);
        Assert.Contains("System.Threading.Thread", types);
        Assert.Contains("System.DateTimeOffset::get_UtcNow", members);
        Assert.Contains("System.Environment::GetEnvironmentVariable", members);
        Assert.NotNull((Func<string, long>)ImpureFixture);
    }

    // Never run: it exists so that The_scan_sees_method_bodies has known IO in a method body to find.
    private static long ImpureFixture(string path)
    {
        Thread.Sleep(0);
        return File.ReadAllBytes(path).Length + DateTimeOffset.UtcNow.Ticks + (Environment.GetEnvironmentVariable(path)?.Length ?? 0);
    }
}
