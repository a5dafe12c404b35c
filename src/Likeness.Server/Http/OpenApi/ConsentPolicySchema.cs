using System.Text.Json.Nodes;
using Likeness.Domain.Common;
using Likeness.Domain.Policy;
using Microsoft.OpenApi;

namespace Likeness.Server.Http.OpenApi;

/// <summary>
/// The consent policy, our JSON shape (ODRL 2.2's layout; with an <c>@context</c> it is ODRL JSON-LD): permissions with
/// constraints and duties, prohibitions with constraints. Operands, operators and duty actions are the parser's own
/// vocabulary, so the schema lists what the server accepts.
/// </summary>
public static class ConsentPolicySchema
{
    public const string Id = "ConsentPolicy";

    public static OpenApiSchema Create() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "A consent policy. A rule applies when all its constraints hold; unknown operands, operators or codes are a 400.",
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["@context"] = new OpenApiSchema { Description = "ODRL's context, when the policy is sent as JSON-LD." },
            ["uid"] = Text("The policy's identifier."),
            ["permission"] = Rules("What may be rendered, under which constraints and duties.", withDuties: true),
            ["prohibition"] = Rules("What may never be rendered.", withDuties: false),
        },
    };

    private static OpenApiSchema Rules(string description, bool withDuties)
    {
        var properties = new Dictionary<string, IOpenApiSchema>
        {
            ["uid"] = Text("The rule's identifier, named in decisions' reasons."),
            ["action"] = Names("What the rule governs.", ["render", "use"]),
            ["constraint"] = Constraints(),
        };
        if (withDuties)
        {
            properties["duty"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Array,
                Description = "What must be done when the rule is used; obtainConsent makes a render wait for the performer's approval.",
                Items = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Required = new HashSet<string> { "action" },
                    Properties = new Dictionary<string, IOpenApiSchema>
                    {
                        ["uid"] = Text("The duty's identifier."),
                        ["action"] = Names("The duty.", Vocabulary<DutyAction>.AllNames),
                        ["constraint"] = Constraints(),
                    },
                },
            };
        }

        return new OpenApiSchema
        {
            Type = JsonSchemaType.Array,
            Description = description,
            Items = new OpenApiSchema { Type = JsonSchemaType.Object, Required = new HashSet<string> { "action" }, Properties = properties },
        };
    }

    private static OpenApiSchema Constraints() => new()
    {
        Type = JsonSchemaType.Array,
        Description = "Every constraint must hold for the rule to apply.",
        Items = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Required = new HashSet<string> { "leftOperand", "operator", "rightOperand" },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["leftOperand"] = Names("What is constrained.", Vocabulary<LeftOperand>.AllNames),
                ["operator"] = Names("How it is compared.", Vocabulary<ConstraintOperator>.AllNames),
                ["rightOperand"] = new OpenApiSchema
                {
                    Description = "A code, a list of codes, an ISO 8601 duration (PT60S), a time or a count, as the operand takes.",
                    OneOf =
                    [
                        new OpenApiSchema { Type = JsonSchemaType.String },
                        new OpenApiSchema { Type = JsonSchemaType.Number },
                        new OpenApiSchema { Type = JsonSchemaType.Boolean },
                        new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
                    ],
                },
                ["scope"] = Names(
                    "Makes a meteredTime or count constraint of a permission a cap across licences: performer (all her licences together) or studio (each studio apart). lk:scope in JSON-LD.",
                    Vocabulary<CapScope>.AllNames),
                ["period"] = Names("A cap's period: a calendar month, or a year starting in yearStartMonth. lk:period in JSON-LD.", Vocabulary<CapPeriod>.AllNames),
                ["yearStartMonth"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Integer,
                    Description = "The month a cap's yearly period starts in, 1 (January, the default) to 12. lk:yearStartMonth in JSON-LD.",
                },
                ["dataType"] = Text("ODRL's data type, when sent as JSON-LD."),
                ["unit"] = Text("ODRL's unit, when sent as JSON-LD."),
            },
        },
    };

    private static OpenApiSchema Names(string description, IEnumerable<string> names) => new()
    {
        Type = JsonSchemaType.String,
        Description = description,
        Enum = [.. names.Select(n => (JsonNode)JsonValue.Create(n))],
    };

    private static OpenApiSchema Text(string description) => new() { Type = JsonSchemaType.String, Description = description };
}
