using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Likeness.Cli.Verbs;

/// <summary>Options and arguments whose errors name the option (<c>--seconds: "thirty" is not a number</c>).</summary>
public static class Opt
{
    public static Option<string> Text(string name, string description, string helpName, bool required = false) =>
        new(name) { Description = description, HelpName = helpName, Required = required };

    /// <summary>A word from a known list, which the shell completions suggest; the server judges it.</summary>
    public static Option<string> OneOf(string name, string description, string helpName, IReadOnlyList<string> values)
    {
        var option = Text(name, $"{description}: {string.Join(", ", values)}", helpName);
        option.CompletionSources.Add([.. values]);
        return option;
    }

    public static Option<bool> Flag(string name, string description) => new(name) { Description = description };

    /// <summary>A decimal number (seconds).</summary>
    public static Option<decimal?> Number(string name, string description, bool required = false) =>
        new(name)
        {
            Description = description,
            HelpName = "N",
            Required = required,
            CustomParser = r => Parse<decimal>(r, name, "a number", t => decimal.TryParse(t, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) ? d : null),
        };

    /// <summary>A whole number, 0 or more.</summary>
    public static Option<int?> Whole(string name, string description, bool required = false) =>
        new(name)
        {
            Description = description,
            HelpName = "N",
            Required = required,
            CustomParser = r => Parse<int>(r, name, "a whole number", t => int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null),
        };

    /// <summary>A size in bytes, 0 or more.</summary>
    public static Option<long?> Bytes(string name, string description) =>
        new(name)
        {
            Description = description,
            HelpName = "BYTES",
            CustomParser = r => Parse<long>(r, name, "a whole number", t => long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null),
        };

    /// <summary>
    /// One of <paramref name="choices"/>, by name in any case; anything else names the option and lists the names. The
    /// description lists them (the help's column stays narrow) and shell completion offers them.
    /// </summary>
    public static Option<T?> Choice<T>(string name, string description, string helpName, params (string Name, T Value)[] choices)
        where T : struct
    {
        var option = new Option<T?>(name)
        {
            Description = description,
            HelpName = helpName,
            CustomParser = r => Parse<T>(r, name, "one of " + string.Join(", ", choices.Select(c => c.Name)), t =>
                choices.FirstOrDefault(c => string.Equals(c.Name, t, StringComparison.OrdinalIgnoreCase)) is { Name: not null } c ? c.Value : null),
        };
        option.CompletionSources.Add(choices.Select(c => c.Name).ToArray());
        return option;
    }

    /// <summary>A positional word: an id, an index, a file.</summary>
    public static Argument<string> Word(string name, string description) => new(name) { Description = description };

    /// <summary>A command with its options, arguments and subcommands.</summary>
    public static Command Verb(string name, string description, params Symbol[] symbols)
    {
        var command = new Command(name, description);
        foreach (var s in symbols)
        {
            switch (s)
            {
                case Option o:
                    command.Options.Add(o);
                    break;
                case Argument a:
                    command.Arguments.Add(a);
                    break;
                case Command c:
                    command.Subcommands.Add(c);
                    break;
            }
        }

        return command;
    }

    private static T? Parse<T>(ArgumentResult r, string name, string what, Func<string, T?> parse)
        where T : struct
    {
        var text = r.Tokens.Count > 0 ? r.Tokens[^1].Value : "";
        if (parse(text) is { } value)
        {
            return value;
        }

        r.AddError($"{name}: \"{text}\" is not {what}");
        return null;
    }
}
