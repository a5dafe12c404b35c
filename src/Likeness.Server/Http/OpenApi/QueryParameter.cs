using Microsoft.AspNetCore.Builder;

namespace Likeness.Server.Http.OpenApi;

/// <summary>
/// A query parameter a route reads through <see cref="RequestScope.Query"/>, for the OpenAPI document (the helpers
/// cannot see which ones a handler reads). <paramref name="Values"/> lists the codes it accepts, when it is one.
/// </summary>
public sealed record QueryParameter(string Name, string Description, bool Required = false, IReadOnlyList<string>? Values = null);

/// <summary>Declares a route's query parameters next to the line that maps it.</summary>
public static class QueryParameterExtensions
{
    public static RouteHandlerBuilder WithQuery(this RouteHandlerBuilder route, string name, string description, bool required = false, IReadOnlyList<string>? values = null) =>
        route.WithMetadata(new QueryParameter(name, description, required, values));
}
