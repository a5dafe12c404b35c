namespace Likeness.Cli.Verbs;

/// <summary>
/// The statuses each list filters on, as the server names them, for help and completions. Written out rather than read
/// from the domain's vocabularies so that starting the CLI loads no more than it needs; a test holds them equal.
/// </summary>
public static class Statuses
{
    public static readonly IReadOnlyList<string> Requests = ["pending", "approved", "vetoed", "countered", "accepted"];

    public static readonly IReadOnlyList<string> Licenses = ["active", "suspended", "revocationPending", "revoked", "expired", "exhausted"];

    public static readonly IReadOnlyList<string> Renders = ["pendingApproval", "authorized", "completed", "cancelled", "lapsed", "rejected"];
}
