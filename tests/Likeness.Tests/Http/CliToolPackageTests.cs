using System.Diagnostics;
using Xunit;

namespace Likeness.Tests.Http;

/// <summary>The CLI as the README installs it: packed as a .NET tool, installed from that folder, run as <c>likeness</c>.</summary>
public sealed class CliToolPackageTests
{
    [Fact]
    public async Task The_packed_tool_installs_and_runs()
    {
        var temp = Directory.CreateTempSubdirectory("likeness-tool-").FullName;
        try
        {
            // The CLI is already built in this test run's configuration (bin/CONFIG/net10.0): packing it is a few seconds.
            var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
            var cli = Path.Combine(RepositoryRoot(), "src", "Likeness.Cli");
            var nupkg = Path.Combine(temp, "nupkg");
            var tool = Path.Combine(temp, "tool");
            await RunAsync(temp, "dotnet", "pack", cli, "-c", configuration, "--no-build", "-o", nupkg);
            await RunAsync(temp, "dotnet", "tool", "install", "--tool-path", tool, "--add-source", nupkg, "Likeness.Cli");

            var version = await RunAsync(temp, Path.Combine(tool, "likeness"), "--version");
            Assert.Matches(@"^\d+\.\d+\.\d+", version);
        }
        finally
        {
            Directory.Delete(temp, recursive: true);
        }
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir.FullName, "Likeness.slnx")))
        {
            dir = dir.Parent ?? throw new InvalidOperationException("Likeness.slnx not found above the test's folder");
        }

        return dir.FullName;
    }

    /// <summary>Runs a command in <paramref name="cwd"/>; exit 0 or the test fails with its output. Returns stdout.</summary>
    private static async Task<string> RunAsync(string cwd, string file, params string[] args)
    {
        var psi = new ProcessStartInfo(file) { WorkingDirectory = cwd, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var stdout = p.StandardOutput.ReadToEndAsync(limit.Token);
        var stderr = p.StandardError.ReadToEndAsync(limit.Token);
        await p.WaitForExitAsync(limit.Token);
        Assert.True(p.ExitCode == 0, $"{file} {string.Join(' ', args)} exited {p.ExitCode}: {await stdout} {await stderr}");
        return await stdout;
    }
}
