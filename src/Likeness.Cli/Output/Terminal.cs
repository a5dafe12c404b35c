using Spectre.Console;
using Spectre.Console.Rendering;

namespace Likeness.Cli.Output;

/// <summary>
/// The console human output goes to: colour and borders on a terminal that supports them; plain text (no ANSI
/// escape) when <c>NO_COLOR</c> is set or the output is redirected, so scripts and tests can read it.
/// </summary>
public static class Terminal
{
    /// <summary>True when the output is read by a program or the user asked for no colour.</summary>
    public static bool Plain { get; } =
        Console.IsOutputRedirected || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));

    /// <summary>True when a person watches stderr (for progress displays).</summary>
    public static bool Interactive => !Plain && !Console.IsErrorRedirected;

    /// <summary>The console on stderr (progress).</summary>
    public static IAnsiConsole Error { get; } = Create(Console.Error, Console.IsErrorRedirected);

    /// <summary>
    /// Writes a view on stdout, each line without the padding a grid or table leaves after its last cell, so that
    /// a redirected line ends where its text does; no wider than <paramref name="maxWidth"/> when given.
    /// </summary>
    public static void Write(IRenderable view, int? maxWidth = null)
    {
        using var buffer = new StringWriter();
        var console = Create(buffer, Console.IsOutputRedirected);
        if (maxWidth is { } max)
        {
            console.Profile.Width = Math.Min(max, console.Profile.Width);
        }

        console.Write(view);
        foreach (var line in buffer.ToString().TrimEnd().Split('\n'))
        {
            Console.Out.WriteLine(line.TrimEnd());
        }
    }

    private static IAnsiConsole Create(TextWriter writer, bool redirected)
    {
        var plain = redirected || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = plain ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = plain ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Interactive = plain ? InteractionSupport.No : InteractionSupport.Detect,
            Out = new AnsiConsoleOutput(writer),
        });
        if (redirected)
        {
            // A redirected output has no width; a wide one keeps long ids and keys on one line for grep and awk.
            console.Profile.Width = 200;
        }

        return console;
    }
}
