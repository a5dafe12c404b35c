using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Likeness.Application.Licensing;
using Likeness.Cli.Output;

namespace Likeness.Cli.Verbs;

/// <summary>How a verb runs: an expected failure is one line on stderr and its exit code (<see cref="ExitCodes"/>), never a stack trace.</summary>
public static class Run
{
    /// <summary>Sets the command's action to <paramref name="body"/>, guarded.</summary>
    public static Command Does(this Command command, Func<ParseResult, CancellationToken, Task<int>> body)
    {
        command.SetAction((p, ct) => GuardedAsync(p, () => body(p, ct)));
        return command;
    }

    /// <summary>
    /// Sets the command's action to one call to the server, whose answer is printed; a 202 exits 3 (pending approval),
    /// unless <paramref name="acceptedIsDone"/> (a webhook test or replay, queued: done as far as the caller goes).
    /// </summary>
    public static Command Calls(this Command command, Func<ParseResult, ApiClient, Task<ApiAnswer>> call, bool acceptedIsDone = false) =>
        command.Does(async (p, _) =>
        {
            using var api = Client(p);
            var answer = await call(p, api);
            Answer.Print(answer.Body, p.GetValue(Globals.Json));
            if (answer.Status != 202 || acceptedIsDone)
            {
                return ExitCodes.Ok;
            }

            Fail($"{answer.Body?["renderId"] ?? "the render"} is pending: it waits for the performer's approval");
            return ExitCodes.Pending;
        });

    /// <summary>A client for --server, --key, --idempotency-key and --act-key.</summary>
    public static ApiClient Client(ParseResult p) =>
        new(p.GetValue(Globals.Server)!, Globals.KeyOf(p), p.GetValue(Globals.IdempotencyKey), Globals.ActKeyOf(p) is { } file ? ActKeyFile.Load(file) : null);

    /// <summary>Reads a file named by an option (<c>-</c> is stdin).</summary>
    public static string ReadFile(string path)
    {
        try
        {
            return path == "-" ? Console.In.ReadToEnd() : File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot read {path}: {e.Message}");
        }
    }

    /// <summary>One line on stderr.</summary>
    public static void Fail(string message) => Console.Error.WriteLine($"likeness: {message.ReplaceLineEndings(" ")}");

    private static async Task<int> GuardedAsync(ParseResult p, Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (CliException e)
        {
            if (e.ExitCode == ExitCodes.Denied && e.Body is not null && p.GetValue(Globals.Json))
            {
                Answer.PrintJson(e.Body);
            }

            Fail(e.Message);
            return e.ExitCode;
        }
        catch (Exception e) when (e is NotSupportedException or ArgumentException or IOException or UnauthorizedAccessException
            or FormatException or OverflowException or JsonException or SigningKeyUnavailableException)
        {
            Fail(e.Message);
            return ExitCodes.Failed;
        }
    }

    /// <summary>A comma-separated option as a JSON array of trimmed words.</summary>
    public static JsonArray? List(string? text) =>
        text is null ? null : new JsonArray(text.Split(',').Select(x => (JsonNode)x.Trim()).ToArray());
}
