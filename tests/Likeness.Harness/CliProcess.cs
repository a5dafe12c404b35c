using System.Diagnostics;

namespace Likeness.Tests.Support;

/// <summary>Runs the built <c>likeness</c> command as a separate process, as a script would.</summary>
public static class CliProcess
{
    public static async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
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
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        return (p.ExitCode, await stdout, await stderr);
    }
}
