using System.Text.Json.Nodes;

namespace Likeness.Cli;

/// <summary>
/// The process exit codes scripts rely on (README, "Exit codes"; <c>likeness --help</c>). Stable: a code never
/// changes meaning.
/// </summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int Denied = 2;
    public const int Pending = 3;
    public const int NotAllowed = 4;
    public const int NotFound = 5;
    public const int Conflict = 6;
    public const int Unreachable = 7;

    /// <summary>The table printed under <c>likeness --help</c>.</summary>
    public const string Table = """
        Exit codes:
          0  permitted / done
          1  anything else (bad usage, a 400, a failed check)
          2  denied (a render the policy or licence refuses)
          3  pending approval (a render waits for the performer's approval)
          4  not authenticated or not allowed (401, 403 other than a render denial)
          5  not found (404)
          6  conflict (409)
          7  server unreachable (connection refused, timeout)
        """;

    /// <summary>The code for a non-2xx answer: a decision of <c>deny</c> is a denial whatever its status.</summary>
    public static int ForAnswer(int status, JsonNode? body) =>
        body is JsonObject o && o["decision"] is JsonValue d && d.TryGetValue<string>(out var decision) && decision == "deny" ? Denied
        : status switch
        {
            401 or 403 => NotAllowed,
            404 => NotFound,
            409 => Conflict,
            _ => Failed,
        };
}
