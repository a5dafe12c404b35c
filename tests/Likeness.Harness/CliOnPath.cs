namespace Likeness.Tests.Support;

/// <summary>
/// A folder holding a <c>likeness</c> script that runs the built CLI (<c>dotnet likeness.dll "$@"</c>), and a
/// <c>likeness-voice</c> one for the reference worker where it is built: put first on <c>PATH</c>, it lets a shell
/// script (the README's examples, a completion script) call them as a user would.
/// </summary>
public sealed class CliOnPath : IDisposable
{
    public CliOnPath()
    {
        Folder = Directory.CreateTempSubdirectory("likeness-path-").FullName;
        Command("likeness", "likeness.dll");
        if (File.Exists(Path.Combine(AppContext.BaseDirectory, "likeness-voice.dll")))
        {
            Command("likeness-voice", "likeness-voice.dll");
        }
    }

    private void Command(string name, string dll)
    {
        var script = Path.Combine(Folder, name);
        File.WriteAllText(script, $"#!/bin/sh\nexec dotnet '{Path.Combine(AppContext.BaseDirectory, dll)}' \"$@\"\n");
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
