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
        if (environment.ContainsKey("LIKENESS_STATE_DIR"))
        {
            return await ToolProcess.RunAsync("likeness", environment, args);
        }

        var ownState = Directory.CreateTempSubdirectory("likeness-state-").FullName;
        try
        {
            return await ToolProcess.RunAsync("likeness", new Dictionary<string, string>(environment) { ["LIKENESS_STATE_DIR"] = ownState }, args);
        }
        finally
        {
            Directory.Delete(ownState, recursive: true);
        }
    }
}
