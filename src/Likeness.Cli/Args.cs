namespace Likeness.Cli;

/// <summary>Parsed command-line words: positional words and <c>--name value</c> options (flags have no value).</summary>
public sealed class Args
{
    private static readonly HashSet<string> Flags = ["json", "demo", "odrl", "help", "csv", "forwarded-headers"];
    private readonly Dictionary<string, string> _options = new(StringComparer.Ordinal);
    private readonly List<string> _words = [];

    public Args(IEnumerable<string> argv)
    {
        using var e = argv.GetEnumerator();
        while (e.MoveNext())
        {
            var a = e.Current;
            if (a.StartsWith("--", StringComparison.Ordinal))
            {
                var name = a[2..];
                var eq = name.IndexOf('=', StringComparison.Ordinal);
                if (eq > 0)
                {
                    _options[name[..eq]] = name[(eq + 1)..];
                }
                else if (Flags.Contains(name))
                {
                    _options[name] = "true";
                }
                else
                {
                    _options[name] = e.MoveNext() ? e.Current : throw new CliException($"--{name} needs a value");
                }
            }
            else
            {
                _words.Add(a);
            }
        }
    }

    public IReadOnlyList<string> Words => _words;

    public bool Json => Has("json");

    public bool Has(string name) => _options.ContainsKey(name);

    public string? Get(string name) => _options.GetValueOrDefault(name);

    public string Require(string name, string? envFallback = null) =>
        Get(name) ?? (envFallback is null ? null : Environment.GetEnvironmentVariable(envFallback))
        ?? throw new CliException($"--{name} is required" + (envFallback is null ? "" : $" (or set {envFallback})"));

    public string Word(int i, string what) => i < _words.Count ? _words[i] : throw new CliException($"missing {what}");
}

/// <summary>An error the CLI reports in one line on stderr, exiting non-zero.</summary>
public sealed class CliException : Exception
{
    public CliException(string message, int exitCode = 1)
        : base(message) => ExitCode = exitCode;

    public CliException()
    {
    }

    public CliException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public int ExitCode { get; } = 1;

    /// <summary>The HTTP status that caused it, when a server answered.</summary>
    public int? HttpStatus { get; init; }
}
