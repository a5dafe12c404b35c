using System.CommandLine;
using System.CommandLine.Parsing;

namespace Likeness.Cli.Verbs;

/// <summary>
/// Bad usage on stderr, exit 1: each error once, and for an unknown word the nearest verb or option of the
/// command it was typed after (<c>'rendr'; did you mean 'render'?</c>).
/// </summary>
public static class ParseErrors
{
    public static int Report(ParseResult parse)
    {
        var command = parse.CommandResult.Command;
        var unmatched = parse.UnmatchedTokens.FirstOrDefault();
        if (unmatched is not null)
        {
            var nearest = Nearest(unmatched, Words(command)).ToList();
            Run.Fail(nearest.Count == 0
                ? $"unknown verb or option '{unmatched}'"
                : $"unknown verb or option '{unmatched}'; did you mean {string.Join(" or ", nearest.Select(n => $"'{n}'"))}?");
        }

        foreach (var error in parse.Errors.Where(e => !parse.UnmatchedTokens.Any(t => e.Message.Contains($"'{t}'", StringComparison.Ordinal))))
        {
            Run.Fail(error.Message);
        }

        Console.Error.WriteLine($"See '{string.Join(' ', ["likeness", .. Path(parse.CommandResult), "--help"])}'.");
        return ExitCodes.Failed;
    }

    /// <summary>The subcommands and options (with the recursive ones of its parents) that may follow a command.</summary>
    private static IEnumerable<string> Words(Command command)
    {
        var words = command.Subcommands.Select(c => c.Name).Concat(command.Options.Select(o => o.Name));
        for (var parent = command.Parents.OfType<Command>().FirstOrDefault(); parent is not null; parent = parent.Parents.OfType<Command>().FirstOrDefault())
        {
            words = words.Concat(parent.Options.Where(o => o.Recursive).Select(o => o.Name));
        }

        return words.Distinct();
    }

    /// <summary>The candidates closest to the word, at most a third of its length away (at least one edit).</summary>
    private static IEnumerable<string> Nearest(string word, IEnumerable<string> candidates)
    {
        var scored = candidates.Select(c => (Word: c, Distance: Distance(word, c))).Where(c => c.Distance <= Math.Max(1, word.Length / 3)).ToList();
        return scored.Count == 0 ? [] : scored.Where(c => c.Distance == scored.Min(s => s.Distance)).Select(c => c.Word);
    }

    /// <summary>Levenshtein distance (insertions, deletions, substitutions).</summary>
    private static int Distance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var diagonal = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var above = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                diagonal = above;
            }
        }

        return row[b.Length];
    }

    private static List<string> Path(CommandResult result)
    {
        var names = new List<string>();
        for (var c = result; c.Parent is CommandResult parent; c = parent)
        {
            names.Insert(0, c.Command.Name);
        }

        return names;
    }
}
