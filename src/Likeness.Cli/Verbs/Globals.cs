using System.CommandLine;

namespace Likeness.Cli.Verbs;

/// <summary>The options every verb takes, anywhere on the line: the server, the key, the store, JSON output, an idempotency key.</summary>
public static class Globals
{
    public static readonly Option<string> Server = new("--server")
    {
        Description = "The server's URL [env: LIKENESS_URL]",
        HelpName = "URL",
        Recursive = true,
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("LIKENESS_URL") ?? "http://127.0.0.1:8080",
    };

    public static readonly Option<string?> Key = new("--key")
    {
        Description = "Your API key [env: LIKENESS_KEY]",
        HelpName = "KEY",
        Recursive = true,
    };

    public static readonly Option<string?> Db = new("--db")
    {
        Description = "The store: a SQLite file or a PostgreSQL connection string [env: LIKENESS_DB]",
        HelpName = "FILE|CONNECTION",
        Recursive = true,
    };

    public static readonly Option<bool> Json = new("--json")
    {
        Description = "Print the server's JSON on stdout (what scripts read); a denial's and a pending answer's too",
        Recursive = true,
    };

    public static readonly Option<string?> IdempotencyKey = new("--idempotency-key")
    {
        Description = "Send this Idempotency-Key: a retry with the same key gets the first answer",
        HelpName = "K",
        Recursive = true,
    };

    public static readonly Option<string?> ActKey = new("--act-key")
    {
        Description = "Sign every act with this key file (made by 'likeness keys new'; not the ledger's --signing-key) [env: LIKENESS_ACT_KEY]",
        HelpName = "FILE",
        Recursive = true,
    };

    /// <summary>Adds them to the root command.</summary>
    public static void AddTo(RootCommand root)
    {
        root.Options.Add(Server);
        root.Options.Add(Key);
        root.Options.Add(Db);
        root.Options.Add(Json);
        root.Options.Add(IdempotencyKey);
        root.Options.Add(ActKey);
    }

    /// <summary>--act-key, else LIKENESS_ACT_KEY, else null (acts go unsigned).</summary>
    public static string? ActKeyOf(ParseResult p) => p.GetValue(ActKey) ?? Environment.GetEnvironmentVariable("LIKENESS_ACT_KEY");

    /// <summary>--db, else LIKENESS_DB, else a one-line error. (Read here, not as a default value: help would print a connection string's password.)</summary>
    public static string RequireDb(ParseResult p) =>
        p.GetValue(Db) ?? Environment.GetEnvironmentVariable("LIKENESS_DB") ?? throw new CliException("--db is required (or set LIKENESS_DB)");

    /// <summary>--key, else LIKENESS_KEY. (Read here, not as a default value: help would print the key.)</summary>
    public static string? KeyOf(ParseResult p) => p.GetValue(Key) ?? Environment.GetEnvironmentVariable("LIKENESS_KEY");
}
