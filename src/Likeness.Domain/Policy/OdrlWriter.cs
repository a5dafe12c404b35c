using System.Text.Json.Nodes;
using Likeness.Domain.Common;

namespace Likeness.Domain.Policy;

/// <summary>Writes a consent policy in our JSON shape, or as ODRL 2.2 JSON-LD with likeness operands in their own namespace.</summary>
public static class OdrlWriter
{
    /// <summary>The namespace of the likeness-specific operands and duty actions in JSON-LD.</summary>
    public const string LikenessNamespace = "https://likeness.dev/ns#";

    /// <summary>The ODRL profile a consent document declares: Likeness's operands, their values and meaning (docs/DOMAIN.md).</summary>
    public const string ProfileIri = "https://likeness.dev/ns";

    private static readonly HashSet<LeftOperand> OdrlOperands =
        [LeftOperand.Purpose, LeftOperand.Spatial, LeftOperand.Language, LeftOperand.DateTime, LeftOperand.ElapsedTime, LeftOperand.MeteredTime, LeftOperand.Count];

    /// <summary>Our JSON shape (the one API.md shows).</summary>
    public static JsonObject ToJson(ConsentPolicy policy) => Write(policy, odrl: false, uid: null, assigner: null);

    /// <summary>
    /// ODRL 2.2 JSON-LD: an <c>odrl:Set</c> whose uid is <paramref name="uid"/>, declaring the Likeness profile, given by
    /// <paramref name="assigner"/> (the performer's IRI).
    /// </summary>
    public static JsonObject ToOdrl(ConsentPolicy policy, string uid, string assigner) => Write(policy, odrl: true, uid, assigner);

    private static JsonObject Write(ConsentPolicy policy, bool odrl, string? uid, string? assigner)
    {
        var o = new JsonObject();
        if (odrl)
        {
            o["@context"] = new JsonArray("http://www.w3.org/ns/odrl.jsonld", new JsonObject { ["lk"] = LikenessNamespace });
            o["@type"] = "Set";
            o["uid"] = uid;
            o["profile"] = ProfileIri;
            o["assigner"] = assigner;
        }

        o["permission"] = new JsonArray(policy.Permissions.Select(r => (JsonNode)Rule(r, odrl)).ToArray());
        o["prohibition"] = new JsonArray(policy.Prohibitions.Select(r => (JsonNode)Rule(r, odrl)).ToArray());
        return o;
    }

    private static JsonObject Rule(PolicyRule r, bool odrl)
    {
        var o = new JsonObject { ["uid"] = r.Uid, ["action"] = r.Action };
        if (r.Constraints.Count > 0)
        {
            o["constraint"] = Constraints(r.Constraints, odrl);
        }

        if (r.Duties.Count > 0)
        {
            o["duty"] = new JsonArray(r.Duties.Select(d =>
            {
                var name = Vocabulary<DutyAction>.Name(d.Action);
                var dj = new JsonObject { ["action"] = odrl && d.Action == DutyAction.Label ? "lk:" + name : name };
                if (d.Constraints.Count > 0)
                {
                    dj["constraint"] = Constraints(d.Constraints, odrl);
                }

                return (JsonNode)dj;
            }).ToArray());
        }

        return o;
    }

    private static JsonArray Constraints(IReadOnlyList<Constraint> cs, bool odrl) =>
        new(cs.Select(c =>
        {
            var name = Vocabulary<LeftOperand>.Name(c.Operand);
            var o = new JsonObject
            {
                ["leftOperand"] = odrl && !OdrlOperands.Contains(c.Operand) ? "lk:" + name : name,
                ["operator"] = Vocabulary<ConstraintOperator>.Name(c.Operator),
                ["rightOperand"] = c.RightOperand.DeepClone(),
            };
            if (c.Cap is { } cap)
            {
                // A cap's members are likeness extensions: in JSON-LD they are in the lk: namespace.
                var prefix = odrl ? "lk:" : "";
                o[prefix + "scope"] = Vocabulary<CapScope>.Name(cap.Scope);
                o[prefix + "period"] = Vocabulary<CapPeriod>.Name(cap.Period);
                if (cap.Period == CapPeriod.Year)
                {
                    o[prefix + "yearStartMonth"] = cap.YearStartMonth;
                }
            }

            return (JsonNode)o;
        }).ToArray());
}
