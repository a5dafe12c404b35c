using System.Globalization;
using System.Text.Json.Nodes;
using Likeness.Application.Contracts;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Likeness.Server.Http.OpenApi;

/// <summary>
/// Describes each operation from the mark the shared helpers put on its route (<see cref="SharedRoute"/>): its id and
/// summary, its security, its path parameters (every route value its pattern names), the 4xx it can answer with the
/// problem schema, the Idempotency-Key of a command, and the paging parameters of a list.
/// </summary>
public sealed class OperationConventions : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var description = context.Description;
        var method = description.HttpMethod ?? "GET";
        var path = "/" + (description.RelativePath ?? "").TrimEnd('/').Replace("{**", "{", StringComparison.Ordinal);
        var route = description.ActionDescriptor.EndpointMetadata.OfType<SharedRoute>().LastOrDefault();
        if (route is null)
        {
            return Task.CompletedTask;
        }

        operation.OperationId = OperationIds.From(method, path);
        operation.Summary ??= OperationSummaries.For(method, path);
        operation.Security = Security(route.Access, context.Document);
        var command = route.Kind == SharedRoute.Command;
        operation.Parameters ??= [];
        foreach (var name in PathValues(path))
        {
            if (!operation.Parameters.Any(p => p.In == ParameterLocation.Path && p.Name == name))
            {
                operation.Parameters.Add(new OpenApiParameter { Name = name, In = ParameterLocation.Path, Required = true, Schema = new OpenApiSchema { Type = JsonSchemaType.String } });
            }
        }

        if (command)
        {
            operation.Parameters.Add(Header("Idempotency-Key", "1 to 200 visible ASCII characters. A retry with the same key and body gets the first answer again; the same key with another body is a 409."));
        }

        if (description.ActionDescriptor.EndpointMetadata.OfType<SignedActRoute>().Any())
        {
            operation.Parameters.Add(SignatureHeader());
        }

        foreach (var query in description.ActionDescriptor.EndpointMetadata.OfType<QueryParameter>())
        {
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = query.Name,
                In = ParameterLocation.Query,
                Description = query.Description,
                Required = query.Required,
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, Enum = query.Values?.Select(v => (JsonNode)JsonValue.Create(v)).ToList() },
            });
        }

        if (description.SupportedResponseTypes.Any(r => r.Type is { IsGenericType: true } t && t.GetGenericTypeDefinition() == typeof(Page<>)))
        {
            operation.Parameters.Add(Query("cursor", "The nextCursor of the previous page; omit it for the first page.", JsonSchemaType.String));
            operation.Parameters.Add(Query("limit", "How many items a page holds: 1 or more, up to the list's maximum (100 for most lists); more is a 400.", JsonSchemaType.Integer));
        }

        if (description.ActionDescriptor.EndpointMetadata.OfType<BodySchema>().LastOrDefault() is { } body && operation.RequestBody?.Content is { } content)
        {
            foreach (var (type, media) in content)
            {
                media.Schema = type == "application/json"
                    ? new OpenApiSchemaReference(body.SchemaId, context.Document)
                    : new OpenApiSchema { Type = JsonSchemaType.Object, Description = body.OtherwiseDescription };
            }
        }

        operation.Responses ??= [];
        foreach (var (status, why) in Refusals(route, command, path))
        {
            operation.Responses[status.ToString(CultureInfo.InvariantCulture)] = Problem(why, context.Document);
        }

        return Task.CompletedTask;
    }

    /// <summary>Every route value the path names (<c>{id}</c>, <c>{asset}</c>, …), in order: each is a required path parameter.</summary>
    private static IEnumerable<string> PathValues(string path)
    {
        for (var open = path.IndexOf('{', StringComparison.Ordinal); open >= 0; open = path.IndexOf('{', open + 1))
        {
            var close = path.IndexOf('}', open);
            yield return path[(open + 1)..close];
        }
    }

    /// <summary>The 4xx a route of this kind can answer, and why.</summary>
    private static IEnumerable<(int Status, string Why)> Refusals(SharedRoute route, bool command, string path)
    {
        yield return (400, command ? "The body, a header or a query parameter is not valid; 'field' names it." : "A query parameter is not valid; 'field' names it.");
        if (route.Access != RouteAccess.Public)
        {
            yield return (401, route.Access == RouteAccess.Caller ? "No API key, or one that is not valid." : "An API key was sent and is not valid.");
        }

        if (route.Access == RouteAccess.Caller)
        {
            yield return (403, "The caller may not do this" + (path == "/v1/renders" && command ? ", or the render is denied ('decision' and 'reasons')." : "."));
        }

        if (path.Contains('{', StringComparison.Ordinal))
        {
            yield return (404, "Nothing with this id is visible to the caller.");
        }

        if (command)
        {
            yield return (409, "The Idempotency-Key was used with another body, or the state does not allow this.");
            yield return (413, "The body is larger than 1 MiB.");
            yield return (415, "The body is not JSON in UTF-8.");
        }

        yield return (429, "Too many requests, or too many failed keys, from this client; see Retry-After.");
    }

    private static List<OpenApiSecurityRequirement> Security(RouteAccess access, OpenApiDocument? document)
    {
        var bearer = new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SecurityScheme.Id, document)] = [] };
        return access switch
        {
            RouteAccess.Caller => [bearer],
            RouteAccess.OptionalCaller => [new OpenApiSecurityRequirement(), bearer],
            _ => [],
        };
    }

    private static OpenApiResponse Problem(string description, OpenApiDocument? document) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType>
        {
            [ProblemSchema.MediaType] = new() { Schema = new OpenApiSchemaReference(ProblemSchema.Id, document) },
        },
    };

    private static OpenApiParameter Header(string name, string description) => new()
    {
        Name = name,
        In = ParameterLocation.Header,
        Description = description,
        Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = 200 },
    };

    // The act's signature (docs/SECURITY.md, "Signed acts"): required once the performer (or the caller) holds a key.
    private static OpenApiParameter SignatureHeader() => new()
    {
        Name = Likeness.Ledger.Acts.ActSignature.Header,
        In = ParameterLocation.Header,
        Description = "The act signed by a live key the caller registered: a detached compact JWS (`header..signature`, ES256 or EdDSA) whose "
            + "protected header names `alg`, `kid` (the key's RFC 7638 thumbprint) and `iat` (seconds, within 5 minutes of the server's clock), over "
            + "`likeness act v1\\n{METHOD}\\n{path}\\n{hex SHA-256 of the body}\\n{Idempotency-Key}\\n`. Required (403 signature_required) once the "
            + "caller or the performer it acts for has registered a key; a signature that does not hold is a 401 signature_invalid. "
            + "A signed act must carry an Idempotency-Key.",
        Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 5, MaxLength = 2048, Pattern = "^[A-Za-z0-9_-]+\\.\\.[A-Za-z0-9_-]+$" },
    };

    private static OpenApiParameter Query(string name, string description, JsonSchemaType type) => new()
    {
        Name = name,
        In = ParameterLocation.Query,
        Description = description,
        Schema = new OpenApiSchema { Type = type },
    };
}
