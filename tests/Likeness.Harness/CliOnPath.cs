namespace Likeness.Tests.Support;

/// <summary>
/// A folder holding a <c>likeness</c> script that runs the built CLI (<c>dotnet likeness.dll "$@"</c>): put first on
/// <c>PATH</c>, it lets a shell script (the README's examples, a completion script) call <c>likeness</c> as a user would.
/// </summary>
public sealed class CliOnPath : IDisposable
{
    public CliOnPath()
    {
        Folder = Directory.CreateTempSubdirectory("likeness-path-").FullName;
        var script = Path.Combine(Folder, "likeness");
        File.WriteAllText(script, $"#!/bin/sh\nexec dotnet '{Path.Combine(AppContext.BaseDirectory, "likeness.dll")}' \"$@\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    /// <summary>The folder to put first on <c>PATH</c>.</summary>
    public string Folder { get; }

    /// <summary><c>PATH</c> with the folder first.</summary>
    public string SearchPath => $"{Folder}{System.IO.Path.PathSeparator}{Environment.GetEnvironmentVariable("PATH")}";

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
