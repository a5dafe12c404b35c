namespace Likeness.Tests.Support;

/// <summary>What the README's contributor notes say a block is: run, started as the server, or not run (with a reason).</summary>
public enum ReadmeBlockKind
{
    Run,
    Server,
    NotRun,
}

/// <summary>A <c>```sh</c> block of the README: its first line's number, its text, and how the test treats it.</summary>
public sealed record ReadmeBlock(int Line, string Text, ReadmeBlockKind Kind, string? Reason);

/// <summary>
/// Reads the README's shell blocks and the marker line just before each (README, "Contributing: the README's
/// examples run in CI"): <c>&lt;!-- run in CI as the server --&gt;</c> or <c>&lt;!-- not run in CI: reason --&gt;</c>.
/// </summary>
public static class ReadmeBlocks
{
    public const string ServerMarker = "<!-- run in CI as the server -->";
    public const string NotRunPrefix = "<!-- not run in CI:";

    public static List<ReadmeBlock> Read(string markdown)
    {
        var lines = markdown.ReplaceLineEndings("\n").Split('\n');
        var blocks = new List<ReadmeBlock>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim() != "```sh")
            {
                continue;
            }

            var marker = i > 0 ? lines[i - 1].Trim() : "";
            var end = Array.FindIndex(lines, i + 1, l => l.Trim() == "```");
            if (end < 0)
            {
                throw new FormatException($"README line {i + 1}: the sh block never ends");
            }

            var text = string.Join('\n', lines[(i + 1)..end]);
            blocks.Add(marker switch
            {
                ServerMarker => new ReadmeBlock(i + 2, text, ReadmeBlockKind.Server, null),
                _ when marker.StartsWith(NotRunPrefix, StringComparison.Ordinal) && marker.EndsWith("-->", StringComparison.Ordinal) =>
                    new ReadmeBlock(i + 2, text, ReadmeBlockKind.NotRun, marker[NotRunPrefix.Length..^3].Trim()),
                _ => new ReadmeBlock(i + 2, text, ReadmeBlockKind.Run, null),
            });
            i = end;
        }

        return blocks;
    }

    /// <summary>The repository's README.md, found from the test's folder up.</summary>
    public static string Path()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Likeness.slnx")))
            {
                return System.IO.Path.Combine(dir.FullName, "README.md");
            }
        }

        throw new FileNotFoundException("no Likeness.slnx above " + AppContext.BaseDirectory);
    }
}
