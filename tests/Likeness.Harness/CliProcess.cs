using System.Diagnostics;

namespace Likeness.Tests.Support;

/// <summary>Runs the built <c>likeness</c> command as a separate process, as a script would.</summary>
public static class CliProcess
{
    public static Task<(int Exit, string Out, string Err)> RunAsync(params string[] args) => RunAsync(new Dictionary<string, string>(), args);

    /// <summary>
    /// Runs it with <paramref name="environment"/> added to its environment. Unless that names a <c>LIKENESS_STATE_DIR</c>,
    /// the run keeps what it remembers of servers (trusted checkpoints, pinned keys) in a folder of its own, deleted after:
    /// tests reuse ports, and a checkpoint left by another test's server would read as a fork.
    /// </summary>
    public static async Task<(int Exit, string Out, string Err)> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "likeness.dll"));
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment.Remove("LIKENESS_KEY");
        psi.Environment.Remove("LIKENESS_URL");
        psi.Environment.Remove("LIKENESS_DB");
        var ownState = environment.ContainsKey("LIKENESS_STATE_DIR") ? null : Directory.CreateTempSubdirectory("likeness-state-").FullName;
        if (ownState is not null)
        {
            psi.Environment["LIKENESS_STATE_DIR"] = ownState;
        }

        foreach (var (name, value) in environment)
        {
            psi.Environment[name] = value;
        }

        using var p = Process.Start(psi)!;
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var stdout = p.StandardOutput.ReadToEndAsync(limit.Token);
        var stderr = p.StandardError.ReadToEndAsync(limit.Token);
        try
        {
            await p.WaitForExitAsync(limit.Token);
            return (p.ExitCode, await stdout, await stderr);
        }
        catch (OperationCanceledException)
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"likeness {string.Join(' ', args)} did not finish within 2 minutes");
        }
        finally
        {
            if (ownState is not null)
            {
                Directory.Delete(ownState, recursive: true);
            }
        }
    }
}
