using System.Text.Json.Nodes;

namespace Likeness.Cli;

/// <summary>An error the CLI reports in one line on stderr, exiting with <see cref="ExitCode"/> (<see cref="ExitCodes"/>).</summary>
public sealed class CliException : Exception
{
    public CliException(string message, int exitCode = ExitCodes.Failed)
        : base(message) => ExitCode = exitCode;

    public CliException()
    {
    }

    public CliException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public int ExitCode { get; } = ExitCodes.Failed;

    /// <summary>The HTTP status that caused it, when a server answered.</summary>
    public int? HttpStatus { get; init; }

    /// <summary>The server's answer, when it was JSON: printed on stdout under <c>--json</c> for a denial.</summary>
    public JsonNode? Body { get; init; }
}
