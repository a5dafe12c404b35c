namespace Likeness.Domain.Decisions;

/// <summary>The outcome of a decision.</summary>
public enum DecisionEffect
{
    Permit,
    Deny,

    /// <summary>Permitted once the performer side approves this one render.</summary>
    PendingApproval,
}

/// <summary>One reason: a code and the rule it came from (<c>license/use/0</c>, <c>consent/v3/no-politics</c>, …).</summary>
public readonly record struct Reason(ReasonCode Code, string Rule)
{
    public string WireCode => ReasonCodes.WireName(Code);

    public string Message => ReasonCodes.Message(Code);
}

/// <summary>A duty that comes with a permit. Immutable and shared between decisions.</summary>
public sealed record Obligation(string Action, string Rule, IReadOnlyDictionary<string, string> Details);

/// <summary>A finished decision: the effect, every reason, every obligation, and which licence use matched.</summary>
public sealed record Decision(DecisionEffect Effect, IReadOnlyList<Reason> Reasons, IReadOnlyList<Obligation> Obligations, int UseIndex);
