using System.Text.Json;
using System.Text.Json.Nodes;
using Likeness.Domain.Common;

namespace Likeness.Domain.Policy;

// The caps of a consent policy: where they may stand and what they hold (docs/DOMAIN.md, "Caps").
public static partial class PolicyParser
{
    /// <summary>
    /// The cap terms of a constraint (docs/DOMAIN.md, "Caps"): none without <c>scope</c>; with it, the constraint must be a
    /// <c>meteredTime</c> or <c>count</c> of a permission, compared by <c>lteq</c> or <c>lt</c>, with a <c>period</c>.
    /// </summary>
    private static CapTerms? CapTermsOf(JsonObject c, string path, LeftOperand operand, ConstraintOperator op, bool allowed)
    {
        var scope = Extension(c, "scope", path);
        var period = Extension(c, "period", path);
        var start = Extension(c, "yearStartMonth", path);
        if (scope is null)
        {
            if (period is not null || start is not null)
            {
                throw Error($"{path}.scope", "A period belongs to a cap, which names its scope: performer or studio.");
            }

            return null;
        }

        if (!allowed)
        {
            throw Error($"{path}.scope", "Only a constraint of a permission may be a cap.");
        }

        if (operand is not (LeftOperand.MeteredTime or LeftOperand.Count))
        {
            throw Error($"{path}.scope", "A cap constrains meteredTime (synthetic seconds) or count (renders).");
        }

        if (op is not (ConstraintOperator.Lteq or ConstraintOperator.Lt))
        {
            throw Error($"{path}.operator", "A cap takes lteq or lt.");
        }

        var capScope = ExtensionCode<CapScope>(scope, $"{path}.scope");
        if (period is null)
        {
            throw Error($"{path}.period", "A cap names its period: month or year.");
        }

        var capPeriod = ExtensionCode<CapPeriod>(period, $"{path}.period");
        var month = 1;
        if (start is not null)
        {
            if (capPeriod != CapPeriod.Year)
            {
                throw Error($"{path}.yearStartMonth", "yearStartMonth belongs to a yearly period.");
            }

            if (start is not JsonValue v || v.GetValueKind() != JsonValueKind.Number || !v.TryGetValue(out month) || month is < 1 or > 12)
            {
                throw Error($"{path}.yearStartMonth", "Expected the month the year starts in, 1 (January) to 12.");
            }
        }

        return new CapTerms(capScope, capPeriod, month);
    }

    /// <summary>A likeness member of a constraint, written plainly or, in JSON-LD, with the <c>lk:</c> prefix (not both).</summary>
    private static JsonNode? Extension(JsonObject c, string name, string path)
    {
        var plain = c.TryGetPropertyValue(name, out var p) ? p : null;
        var prefixed = c.TryGetPropertyValue("lk:" + name, out var q) ? q : null;
        if (plain is not null && prefixed is not null)
        {
            throw Error($"{path}.{name}", $"'{name}' is given twice.");
        }

        return (plain ?? prefixed) is { } n ? Unwrap(n) : null;
    }

    private static T ExtensionCode<T>(JsonNode node, string path)
        where T : struct, Enum =>
        node is JsonValue v && v.TryGetValue<string>(out var s) && Vocabulary<T>.TryParse(Strip(s), out var value)
            ? value
            : throw Error(path, $"Expected one of {string.Join(", ", Vocabulary<T>.AllNames)}.");

    /// <summary>
    /// A permission holding a cap limits, it permits nothing: besides its caps it may only say which modalities they count
    /// (one modality constraint, eq or isAnyOf), and it has no duties.
    /// </summary>
    private static void CheckCapRule(List<Constraint> constraints, List<Duty> duties, string path)
    {
        if (duties.Count > 0)
        {
            throw Error($"{path}.duty", "A rule holding a cap has no duties: it limits what other rules permit.");
        }

        var modalities = 0;
        for (var i = 0; i < constraints.Count; i++)
        {
            var c = constraints[i];
            if (c.Cap is not null)
            {
                continue;
            }

            if (c.Operand != LeftOperand.Modality || c.Operator is not (ConstraintOperator.Eq or ConstraintOperator.IsAnyOf) || ++modalities > 1)
            {
                throw Error($"{path}.constraint[{i}]", "A rule holding a cap has only caps and at most one modality constraint (eq or isAnyOf).");
            }
        }
    }
}
