using System.Text.Json.Nodes;

namespace Likeness.Domain.Policy;

/// <summary>
/// One constraint of a rule or duty, as written (already validated). A <c>meteredTime</c> or <c>count</c> constraint with
/// <paramref name="Cap"/> is a cap across the performer's licences rather than a limit on one licence use.
/// </summary>
public sealed record Constraint(LeftOperand Operand, ConstraintOperator Operator, JsonNode RightOperand, CapTerms? Cap = null);

/// <summary>A duty attached to a permission; it applies when all its constraints hold.</summary>
public sealed record Duty(DutyAction Action, IReadOnlyList<Constraint> Constraints);

/// <summary>A permission or a prohibition of a consent policy.</summary>
public sealed record PolicyRule(string Uid, string Action, IReadOnlyList<Constraint> Constraints, IReadOnlyList<Duty> Duties);

/// <summary>
/// A performer's standing terms (an ODRL 2.2 Set): default deny, permissions with duties, prohibitions that
/// override every permission.
/// </summary>
public sealed record ConsentPolicy(IReadOnlyList<PolicyRule> Permissions, IReadOnlyList<PolicyRule> Prohibitions)
{
    /// <summary>The policy that permits nothing.</summary>
    public static ConsentPolicy Empty { get; } = new([], []);
}
