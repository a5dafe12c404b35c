using System.Diagnostics;

namespace Likeness.Tests.Support;

/// <summary>
/// Runs one of the built programs (<c>likeness</c>, <c>likeness-voice</c>) as a separate process, as a script or a render
/// farm would: without the caller's <c>LIKENESS_KEY</c>, <c>LIKENESS_URL</c> and <c>LIKENESS_DB</c>, with
/// <paramref name="environment"/> added, killed if it has not finished within two minutes.
/// </summary>
public static class ToolProcess
{
    public static async Task<(int Exit, string Out, string Err)> RunAsync(string assembly, IReadOnlyDictionary<string, string> environment, IReadOnlyList<string> args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, assembly + ".dll"));
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment.Remove("LIKENESS_KEY");
        psi.Environment.Remove("LIKENESS_URL");
        psi.Environment.Remove("LIKENESS_DB");
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
            throw new TimeoutException($"{assembly} {string.Join(' ', args)} did not finish within 2 minutes");
        }
    }
}
