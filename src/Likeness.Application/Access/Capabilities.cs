using Likeness.Domain.Common;

namespace Likeness.Application.Access;

/// <summary>
/// What a kind of party may do, as short codes (<c>area.verb</c>) that a client shows or hides its actions by; the
/// rules themselves stay in <see cref="AccessRules"/> and each service, and decide each call (a representative's powers
/// hold for the living performers it represents, an estate's for the dead ones). docs/ACCESS.md lists every code and
/// the routes it stands for.
/// </summary>
public static class Capabilities
{
    private static readonly string[] PerformerSide =
    [
        "assets.read", "assets.write", "caps.read", "consent.read", "consent.write", "licenses.manage", "licenses.read", "renders.read", "renders.review",
        "requests.read", "requests.review", "splits.read", "splits.write", "statements.read", "usage.read",
    ];

    /// <summary>The codes for <paramref name="kind"/>, sorted.</summary>
    public static string[] Of(PartyKind kind) => kind switch
    {
        PartyKind.Performer or PartyKind.Representative => [.. PerformerSide],
        PartyKind.Estate => [.. PerformerSide.Append("licenses.estateConsent").Order(StringComparer.Ordinal)],
        PartyKind.Studio =>
        [
            "consent.read", "licenses.read", "renders.authorize", "renders.read", "renders.settle", "requests.accept", "requests.create", "requests.read",
            "statements.read", "usage.read",
        ],
        PartyKind.Union => ["licenses.read", "licenses.strike"],
        PartyKind.Auditor => ["ledger.audit", "licenses.read", "splits.read", "statements.read", "statements.verify", "usage.read"],
        PartyKind.Operator =>
        [
            "assets.read", "deaths.record", "ledger.rotateKey", "parties.create", "parties.read", "postMortemTerms.write", "rates.write", "splits.read", "statements.close",
            "statements.read", "statements.verify",
        ],
        _ => [],
    };
}
