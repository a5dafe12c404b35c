using Microsoft.OpenApi;

namespace Likeness.Server.Http.OpenApi;

/// <summary>The extended RFC 9457 problem every 4xx answers with, as a schema of the document's components.</summary>
public static class ProblemSchema
{
    public const string Id = "Problem";
    public const string MediaType = "application/problem+json";

    public static OpenApiSchema Create() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "An RFC 9457 problem. 'code' is stable; 'type' is its address, which describes it.",
        Required = new HashSet<string> { "type", "title", "status", "code" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = Text("The address describing the problem: " + ProblemWriter.TypeBase + "<code with hyphens>.", "uri"),
            ["title"] = Text("The status in words."),
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Description = "The HTTP status." },
            ["detail"] = Text("What went wrong, for a person."),
            ["instance"] = Text("The request path."),
            ["code"] = Text("The stable code, such as not_found or idempotency_key_reused."),
            ["field"] = Text("The field, header or query parameter concerned, when there is one (uses[0].territories)."),
            ["retryAfterSeconds"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Description = "On a 429: when to try again (also in Retry-After)." },
            ["decision"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "On a denied render: the decision.", Enum = [System.Text.Json.Nodes.JsonValue.Create("deny")] },
            ["reasons"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Array,
                Description = "On a denied render: every reason.",
                Items = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Required = new HashSet<string> { "code", "message" },
                    Properties = new Dictionary<string, IOpenApiSchema>
                    {
                        ["code"] = Text("The reason's stable code."),
                        ["message"] = Text("The reason, for a person."),
                        ["rule"] = Text("The consent or licence rule that decided it."),
                    },
                },
            },
            ["contributors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Array,
                Description = "On a denied render with several performers: each contributor's decision, with her reasons.",
                Items = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Required = new HashSet<string> { "position", "licenseId", "role", "decision", "reasons" },
                    Properties = new Dictionary<string, IOpenApiSchema>
                    {
                        ["position"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Description = "The contributor's place in the request's contributors (from 0)." },
                        ["licenseId"] = Text("The contributor's licence."),
                        ["role"] = Text("likeness, driver, voice or body."),
                        ["decision"] = Text("permit, pending or deny: this contributor's own decision."),
                        ["reasons"] = new OpenApiSchema { Type = JsonSchemaType.Array, Description = "This contributor's reasons (code, message, rule).", Items = new OpenApiSchema { Type = JsonSchemaType.Object } },
                    },
                },
            },
        },
    };

    private static OpenApiSchema Text(string description, string? format = null) =>
        new() { Type = JsonSchemaType.String, Description = description, Format = format };
}
