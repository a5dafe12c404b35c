using System.Diagnostics;
using System.Text;

namespace Likeness.Tests.Support;

/// <summary>A <c>likeness serve</c> process started with any options, whose stdout a test reads as a user would.</summary>
public sealed class ServeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _out = new();

    private ServeProcess(Process process) => _process = process;

    /// <summary>What it printed so far.</summary>
    public string Output
    {
        get
        {
            lock (_out)
            {
                return _out.ToString();
            }
        }
    }

    /// <summary>Starts <c>likeness serve</c> with <paramref name="args"/> and waits (60 s at most) until its stdout holds <paramref name="marker"/>.</summary>
    public static async Task<ServeProcess> StartAsync(string marker, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "likeness.dll"), "serve" }.Concat(args))
        {
            psi.ArgumentList.Add(a);
        }

        var serve = new ServeProcess(Process.Start(psi)!);
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        serve._process.OutputDataReceived += (_, e) =>
        {
            lock (serve._out)
            {
                serve._out.AppendLine(e.Data);
                if (serve._out.ToString().Contains(marker, StringComparison.Ordinal))
                {
                    seen.TrySetResult();
                }
            }
        };
        serve._process.ErrorDataReceived += (_, _) => { };
        serve._process.BeginOutputReadLine();
        serve._process.BeginErrorReadLine();
        if (await Task.WhenAny(seen.Task, serve._process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(60))) != seen.Task)
        {
            await serve.DisposeAsync();
            throw new InvalidOperationException($"likeness serve {string.Join(' ', args)} did not print \"{marker}\"; it printed: {serve.Output}");
        }

        return serve;
    }

    /// <summary>
    /// Stops it as an operator would (SIGTERM: the host stops gracefully and its loggers flush), and waits, 30 s at most,
    /// for it to exit and for the last of its output.
    /// </summary>
    public async Task StopAsync()
    {
        using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await term.WaitForExitAsync();
        }

        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        _process.Dispose();
    }
}
