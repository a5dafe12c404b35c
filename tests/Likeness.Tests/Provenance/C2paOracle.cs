using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Likeness.Tests.Provenance;

/// <summary>What the reference validator said of a file: its state and failure codes.</summary>
public sealed record OracleVerdict(string State, IReadOnlyList<string> Failures, string Json);

/// <summary>
/// The C2PA reference implementation (c2pa-rs as WebAssembly, ../shared/oracles/c2pa), which scripts/test.sh copies
/// to tests/oracles/c2pa-run and installs there.
/// </summary>
public static class C2paOracle
{
    /// <summary>The installed copy of the oracle (its validate.mjs, certs/ and fixtures/).</summary>
    public static string Dir
    {
        get
        {
            for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            {
                var oracles = Path.Combine(d.FullName, "tests", "oracles");
                if (!File.Exists(Path.Combine(oracles, "package.json"))) continue;
                var run = Path.Combine(oracles, "c2pa-run");
                return Directory.Exists(Path.Combine(run, "node_modules", "@contentauth", "c2pa-wasm"))
                    ? run
                    : throw new InvalidOperationException("tests/oracles/c2pa-run is not installed: run scripts/test.sh (it copies ../shared/oracles/c2pa there and runs npm ci).");
            }

            throw new DirectoryNotFoundException("tests/oracles is expected in the repository.");
        }
    }

    public static string Fixture(string name) => Path.Combine(Dir, "fixtures", name);

    /// <summary>The c2pa-rs test roots (which signed its fixtures).</summary>
    public static string TestRoots => Path.Combine(Dir, "certs", "test_cert_root_bundle.pem");

    /// <summary>Validates <paramref name="file"/> trusting the PEM roots in <paramref name="trust"/>.</summary>
    public static async Task<OracleVerdict> ValidateAsync(string file, string trust)
    {
        var psi = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Dir };
        foreach (var a in new[] { Path.Combine(Dir, "validate.mjs"), file, "--trust", trust }) psi.ArgumentList.Add(a);
        using var process = Process.Start(psi)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var json = await output;
        if (process.ExitCode > 1 || json.Length == 0) throw new InvalidOperationException($"validate.mjs exited {process.ExitCode}: {await error}");
        var report = JsonNode.Parse(json)!;
        var failures = (report["failures"] as JsonArray ?? []).Select(f => f!["code"]!.GetValue<string>()).ToList();
        return new OracleVerdict(report["validationState"]!.GetValue<string>(), failures, json);
    }
}
