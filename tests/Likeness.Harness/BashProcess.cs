using System.Diagnostics;

namespace Likeness.Tests.Support;

/// <summary>Runs a bash script as a user's shell would, with the built <c>likeness</c> first on <c>PATH</c>.</summary>
public static class BashProcess
{
    /// <summary>
    /// Runs <paramref name="script"/> in <paramref name="workingDirectory"/>; the <c>LIKENESS_*</c> variables of the test
    /// process are removed and <paramref name="environment"/> added.
    /// </summary>
    public static async Task<(int Exit, string Out, string Err)> RunAsync(
        string script, string workingDirectory, CliOnPath cli, IReadOnlyDictionary<string, string> environment, TimeSpan limit)
    {
        var file = Path.Combine(workingDirectory, $"script-{Guid.NewGuid():N}.sh");
        await File.WriteAllTextAsync(file, script);
        var psi = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory };
        psi.ArgumentList.Add(file);
        foreach (var name in psi.Environment.Keys.Where(k => k.StartsWith("LIKENESS_", StringComparison.Ordinal)).ToList())
        {
            psi.Environment.Remove(name);
        }

        psi.Environment["PATH"] = cli.SearchPath;
        foreach (var (name, value) in environment)
        {
            psi.Environment[name] = value;
        }

        using var p = Process.Start(psi)!;
        using var stop = new CancellationTokenSource(limit);
        var stdout = p.StandardOutput.ReadToEndAsync(stop.Token);
        var stderr = p.StandardError.ReadToEndAsync(stop.Token);
        try
        {
            await p.WaitForExitAsync(stop.Token);
            return (p.ExitCode, await stdout, await stderr);
        }
        catch (OperationCanceledException)
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"bash {file} did not finish within {limit}");
        }
        finally
        {
            File.Delete(file);
        }
    }
}
