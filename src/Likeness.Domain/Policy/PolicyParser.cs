using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Likeness.Domain.Common;
using Likeness.Domain.Geography;
using Likeness.Domain.Language;

namespace Likeness.Domain.Policy;

/// <summary>
/// Reads a consent policy from our JSON shape or from ODRL 2.2 JSON-LD and validates every part of it.
/// Unknown members, operands, operators, codes and malformed values are errors naming the field; nothing is
/// ignored.
/// </summary>
public static partial class PolicyParser
{
    private static readonly string[] Prefixes =
        ["http://www.w3.org/ns/odrl/2/", "odrl:", OdrlWriter.LikenessNamespace, "lk:"];

    private static readonly HashSet<string> PolicyMembers = ["@context", "@type", "@id", "uid", "profile", "target", "assigner", "permission", "prohibition"];
    private static readonly HashSet<string> RuleMembers = ["uid", "@id", "@type", "action", "target", "assigner", "assignee", "constraint", "duty"];
    private static readonly HashSet<string> DutyMembers = ["uid", "@id", "@type", "action", "constraint"];
    private static readonly HashSet<string> ConstraintMembers =
        ["uid", "@type", "leftOperand", "operator", "rightOperand", "dataType", "unit", "scope", "period", "yearStartMonth", "lk:scope", "lk:period", "lk:yearStartMonth"];

    /// <summary>The most caps a policy may hold: each is checked on every render of the performer.</summary>
    public const int MaxCaps = 16;

    /// <summary>Parses UTF-8 JSON text.</summary>
    public static ConsentPolicy Parse(string json)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { MaxDepth = 32 });
        }
        catch (JsonException e)
        {
            throw new DomainException("malformed_json", $"The body is not valid JSON: {e.Message}", "$");
        }

        try
        {
            return Parse(root);
        }
        catch (ArgumentException e)
        {
            // JsonNode reports a duplicated member lazily, as an ArgumentException.
            throw new DomainException("malformed_json", $"The body repeats a member: {e.Message}", "$");
        }
    }

    /// <summary>Parses an already-read JSON document.</summary>
    public static ConsentPolicy Parse(JsonNode? root)
    {
        if (root is not JsonObject obj)
        {
            throw Error("$", "A consent policy is a JSON object.");
        }

        CheckMembers(obj, PolicyMembers, "");
        var permissions = Rules(obj, "permission", withDuties: true);
        var prohibitions = Rules(obj, "prohibition", withDuties: false);
        if (permissions.Sum(r => r.Constraints.Count(c => c.Cap is not null)) > MaxCaps)
        {
            throw Error("permission", $"At most {MaxCaps} caps.");
        }

        var uids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in permissions.Concat(prohibitions))
        {
            if (!uids.Add(r.Uid))
            {
                throw Error("uid", $"The rule uid '{r.Uid}' is used twice.");
            }
        }

        return new ConsentPolicy(permissions, prohibitions);
    }

    private static List<PolicyRule> Rules(JsonObject obj, string member, bool withDuties)
    {
        var list = new List<PolicyRule>();
        if (!obj.TryGetPropertyValue(member, out var node) || node is null)
        {
            return list;
        }

        if (node is not JsonArray arr)
        {
            throw Error(member, $"'{member}' is an array of rules.");
        }

        if (arr.Count > 1000)
        {
            throw Error(member, "At most 1000 rules.");
        }

        for (var i = 0; i < arr.Count; i++)
        {
            var path = $"{member}[{i}]";
            if (arr[i] is not JsonObject rule)
            {
                throw Error(path, "A rule is an object.");
            }

            CheckMembers(rule, RuleMembers, path + ".");
            var uid = OptionalString(rule, "uid", path) ?? OptionalString(rule, "@id", path) ?? path;
            var action = Strip(RequiredString(rule, "action", path));
            if (action is not ("render" or "use"))
            {
                throw Error($"{path}.action", $"Unknown action '{action}': a consent rule governs 'render' (or ODRL 'use').");
            }

            var constraints = Constraints(rule, path, capsAllowed: withDuties);
            var duties = new List<Duty>();
            if (rule.TryGetPropertyValue("duty", out var dn) && dn is not null)
            {
                if (!withDuties)
                {
                    throw Error($"{path}.duty", "A prohibition has no duties.");
                }

                if (dn is not JsonArray da)
                {
                    throw Error($"{path}.duty", "'duty' is an array.");
                }

                for (var d = 0; d < da.Count; d++)
                {
                    var dpath = $"{path}.duty[{d}]";
                    if (da[d] is not JsonObject duty)
                    {
                        throw Error(dpath, "A duty is an object.");
                    }

                    CheckMembers(duty, DutyMembers, dpath + ".");
                    var a = Strip(RequiredString(duty, "action", dpath));
                    if (!Vocabulary<DutyAction>.TryParse(a, out var dutyAction))
                    {
                        throw Error($"{dpath}.action", $"Unknown duty action '{a}'. Known: {string.Join(", ", Vocabulary<DutyAction>.AllNames)}.");
                    }

                    duties.Add(new Duty(dutyAction, Constraints(duty, dpath, capsAllowed: false)));
                }
            }

            if (constraints.Exists(c => c.Cap is not null))
            {
                CheckCapRule(constraints, duties, path);
            }

            list.Add(new PolicyRule(uid, action, constraints, duties));
        }

        return list;
    }

    private static List<Constraint> Constraints(JsonObject owner, string path, bool capsAllowed)
    {
        var list = new List<Constraint>();
        if (!owner.TryGetPropertyValue("constraint", out var node) || node is null)
        {
            return list;
        }

        if (node is not JsonArray arr)
        {
            throw Error($"{path}.constraint", "'constraint' is an array.");
        }

        for (var i = 0; i < arr.Count; i++)
        {
            var cpath = $"{path}.constraint[{i}]";
            if (arr[i] is not JsonObject c)
            {
                throw Error(cpath, "A constraint is an object.");
            }

            CheckMembers(c, ConstraintMembers, cpath + ".");
            var left = Strip(RequiredString(c, "leftOperand", cpath));
            if (!Vocabulary<LeftOperand>.TryParse(left, out var operand))
            {
                throw Error($"{cpath}.leftOperand", $"Unknown left operand '{left}'. Known: {string.Join(", ", Vocabulary<LeftOperand>.AllNames)}.");
            }

            var op = Strip(RequiredString(c, "operator", cpath));
            if (!Vocabulary<ConstraintOperator>.TryParse(op, out var @operator))
            {
                throw Error($"{cpath}.operator", $"Unknown operator '{op}'. Known: {string.Join(", ", Vocabulary<ConstraintOperator>.AllNames)}.");
            }

            if (!c.TryGetPropertyValue("rightOperand", out var right) || right is null)
            {
                throw Error($"{cpath}.rightOperand", "'rightOperand' is required.");
            }

            var normalized = ValidateRight(operand, @operator, Unwrap(right), $"{cpath}.rightOperand", $"{cpath}.operator");
            list.Add(new Constraint(operand, @operator, normalized, CapTermsOf(c, cpath, operand, @operator, capsAllowed)));
        }

        return list;
    }

    /// <summary>Checks that the operator suits the operand and that the right operand is well-formed; returns it normalised.</summary>
    internal static JsonNode ValidateRight(LeftOperand operand, ConstraintOperator op, JsonNode right, string path, string opPath)
    {
        switch (operand)
        {
            case LeftOperand.Modality: return Codes<Modality>(op, right, path, opPath, allowIsA: false);
            case LeftOperand.Purpose: return Codes<Purpose>(op, right, path, opPath, allowIsA: false);
            case LeftOperand.ContentCategory: return Codes<ContentCategory>(op, right, path, opPath, allowIsA: false);
            case LeftOperand.Derivation: return Codes<Derivation>(op, right, path, opPath, allowIsA: false);
            case LeftOperand.AgeModification: return Codes<AgeModification>(op, right, path, opPath, allowIsA: false);
            case LeftOperand.Role: return Codes<ContributorRole>(op, right, path, opPath, allowIsA: false);
            case LeftOperand.Spatial:
                return StringSet(op, right, path, opPath, s => Regions.TryResolve(s, out _), "an ISO 3166-1 alpha-2 country or a known region");
            case LeftOperand.Language:
                return StringSet(op, right, path, opPath, LanguageTag.IsValid, "a BCP 47 language tag");
            case LeftOperand.DateTime:
                RequireComparison(op, opPath, operand);
                if (right is not JsonValue dv || !dv.TryGetValue<string>(out var ds) || !TryParseDateTime(ds, out _))
                {
                    throw Error(path, "Expected an RFC 3339 date-time or a date (YYYY-MM-DD).");
                }

                return JsonValue.Create(ds);
            case LeftOperand.ElapsedTime:
            case LeftOperand.MeteredTime:
                RequireComparison(op, opPath, operand);
                if (right is not JsonValue tv || !tv.TryGetValue<string>(out var ts) || !IsoDuration.TryParseMillis(ts, out _))
                {
                    throw Error(path, "Expected an ISO 8601 duration such as PT60S or P1DT2H.");
                }

                return JsonValue.Create(ts);
            case LeftOperand.Count:
                RequireComparison(op, opPath, operand);
                if (right is not JsonValue cv || !cv.TryGetValue<long>(out var n) || n < 0)
                {
                    throw Error(path, "Expected a non-negative integer.");
                }

                return JsonValue.Create(n);
            case LeftOperand.Realtime:
                if (op is not (ConstraintOperator.Eq or ConstraintOperator.Neq))
                {
                    throw Error(opPath, "realtime takes eq or neq.");
                }

                if (right is not JsonValue bv || !bv.TryGetValue<bool>(out var b))
                {
                    throw Error(path, "Expected true or false.");
                }

                return JsonValue.Create(b);
            default:
                throw Error(path, "Unsupported operand.");
        }
    }

    /// <summary>Parses an RFC 3339 date-time, or a plain date meaning its first instant in UTC.</summary>
    public static bool TryParseDateTime(string s, out DateTimeOffset value)
    {
        if (s.Length == 10 && DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            value = new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            return true;
        }

        return DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value) && s.Contains('T', StringComparison.Ordinal);
    }

    private static void RequireComparison(ConstraintOperator op, string opPath, LeftOperand operand)
    {
        if (op is ConstraintOperator.IsA or ConstraintOperator.IsAnyOf or ConstraintOperator.IsNoneOf or ConstraintOperator.IsAllOf)
        {
            throw Error(opPath, $"{Vocabulary<LeftOperand>.Name(operand)} takes eq, neq, lt, lteq, gt or gteq.");
        }
    }

    private static JsonNode Codes<T>(ConstraintOperator op, JsonNode right, string path, string opPath, bool allowIsA)
        where T : struct, Enum =>
        StringSet(op, right, path, opPath, s => Vocabulary<T>.TryParse(s, out _), $"one of {string.Join(", ", Vocabulary<T>.AllNames)}", allowIsA);

    private static JsonNode StringSet(ConstraintOperator op, JsonNode right, string path, string opPath, Func<string, bool> valid, string what, bool allowIsA = true)
    {
        if (op is ConstraintOperator.Lt or ConstraintOperator.Lteq or ConstraintOperator.Gt or ConstraintOperator.Gteq)
        {
            throw Error(opPath, "This operand takes eq, neq, isAnyOf, isNoneOf, isAllOf" + (allowIsA ? " or isA." : "."));
        }

        if (op == ConstraintOperator.IsA && !allowIsA)
        {
            throw Error(opPath, "isA applies to spatial and language only.");
        }

        var values = new List<string>();
        if (right is JsonArray arr)
        {
            if (op is ConstraintOperator.Eq or ConstraintOperator.Neq or ConstraintOperator.IsA)
            {
                throw Error(path, "eq, neq and isA take a single value; use isAnyOf or isNoneOf for a list.");
            }

            for (var i = 0; i < arr.Count; i++)
            {
                values.Add(CodeValue(arr[i], $"{path}[{i}]"));
            }
        }
        else
        {
            values.Add(CodeValue(right, path));
        }

        if (values.Count == 0)
        {
            throw Error(path, "At least one value is required.");
        }

        for (var i = 0; i < values.Count; i++)
        {
            if (!valid(values[i]))
            {
                throw Error(right is JsonArray ? $"{path}[{i}]" : path, $"Unknown code '{values[i]}': expected {what}.");
            }
        }

        return right is JsonArray ? new JsonArray(values.Select(v => (JsonNode)JsonValue.Create(v)).ToArray()) : JsonValue.Create(values[0]);
    }

    private static string CodeValue(JsonNode? n, string path)
    {
        n = n is null ? null : Unwrap(n);
        if (n is JsonValue v && v.TryGetValue<string>(out var s))
        {
            return Strip(s);
        }

        throw Error(path, "Expected a string code.");
    }

    private static JsonNode Unwrap(JsonNode n) =>
        n is JsonObject o && o.Count == 1 && (o.TryGetPropertyValue("@value", out var v) || o.TryGetPropertyValue("@id", out v)) && v is not null
            ? v.DeepClone()
            : n;

    private static string Strip(string s)
    {
        foreach (var p in Prefixes)
        {
            if (s.StartsWith(p, StringComparison.Ordinal))
            {
                return s[p.Length..];
            }
        }

        return s;
    }

    private static string RequiredString(JsonObject o, string name, string path) =>
        OptionalString(o, name, path) ?? throw Error($"{path}.{name}", $"'{name}' is required.");

    private static string? OptionalString(JsonObject o, string name, string path)
    {
        if (!o.TryGetPropertyValue(name, out var n) || n is null)
        {
            return null;
        }

        n = Unwrap(n);
        if (n is JsonValue v && v.TryGetValue<string>(out var s) && s.Length is > 0 and <= 200)
        {
            return s;
        }

        throw Error($"{path}.{name}", $"'{name}' is a non-empty string of at most 200 characters.");
    }

    private static void CheckMembers(JsonObject o, HashSet<string> allowed, string prefix)
    {
        foreach (var (name, _) in o)
        {
            if (!allowed.Contains(name))
            {
                throw Error(prefix + name, $"Unknown member '{name}'.");
            }
        }
    }

    private static DomainException Error(string field, string message) => new("invalid_policy", message, field);
}
