using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Scalar.AspNetCore;

namespace Likeness.Server.Http.OpenApi;

/// <summary>The OpenAPI document at <c>/openapi/v1.json</c> and its interactive reference (Scalar) at <c>/docs</c>.</summary>
public static class ApiDocumentation
{
    public static IServiceCollection AddApiDocumentation(this IServiceCollection services) =>
        services.AddOpenApi("v1", o =>
        {
            // A free-form JSON object (a ledger entry's decoded payload) is inlined, not a component named after the .NET type.
            o.CreateSchemaReferenceId = type => type.Type == typeof(JsonObject) ? null : OpenApiOptions.CreateDefaultSchemaReferenceId(type);
            o.AddDocumentTransformer<DocumentComponents>();
            o.AddOperationTransformer<OperationConventions>();
        });

    /// <summary>Maps the document and the reference page; the page's script and styles are served from the package, not a CDN.</summary>
    public static WebApplication MapApiDocumentation(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapScalarApiReference("/docs", o => o.WithTitle("Likeness API").WithOpenApiRoutePattern("/openapi/{documentName}.json"));
        return app;
    }
}
