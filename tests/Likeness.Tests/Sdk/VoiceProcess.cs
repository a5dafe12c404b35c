using System.Diagnostics;

namespace Likeness.Tests.Sdk;

/// <summary>Runs the built <c>likeness-voice</c> worker as a separate process, as a render farm would.</summary>
internal static class VoiceProcess
{
    public static async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "likeness-voice.dll"));
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment.Remove("LIKENESS_KEY");
        psi.Environment.Remove("LIKENESS_URL");
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
            throw new TimeoutException($"likeness-voice {string.Join(' ', args)} did not finish within 2 minutes");
        }
    }
}
