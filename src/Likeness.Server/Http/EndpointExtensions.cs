using Likeness.Application;
using Likeness.Application.Common;
using Likeness.Application.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Likeness.Server.Http;

/// <summary>What a handler gets: the use cases, the authenticated caller, the route's <c>{id}</c>, the request.</summary>
public sealed record RequestScope(LikenessCore Core, PartyRecord Caller, string Id, HttpContext Http)
{
    public CancellationToken Aborted => Http.RequestAborted;

    /// <summary>A query-string value, or null.</summary>
    public string? Query(string name) => Http.Request.Query.TryGetValue(name, out var v) ? v.ToString() : null;
}

/// <summary>
/// The one shape of every route: authenticate, read the body strictly (with its Idempotency-Key), run one use
/// case, answer. Commands answer with the stored <see cref="Outcome"/> so a retry gets the same bytes.
/// </summary>
public static class EndpointExtensions
{
    /// <summary>A mutating route with a JSON body; with <paramref name="whenEmpty"/>, an empty body means that value.</summary>
    public static RouteHandlerBuilder MapCommand<TBody, TResult>(
        this IEndpointRouteBuilder routes, string pattern, Func<RequestScope, TBody, IdempotentRequest?, Task<Outcome>> run, TBody? whenEmpty = null, int status = 200, string method = "POST")
        where TBody : class
    {
        async Task<IResult> Handle(HttpContext http, LikenessCore core)
        {
            var scope = await ScopeAsync(http, core);
            var (body, idem) = whenEmpty is null ? await http.BodyAsync<TBody>() : await http.OptionalBodyAsync(whenEmpty);
            return (await run(scope, body, idem)).ToResult();
        }

        return routes.MapMethods(pattern, [method], WithRouteId(pattern, Handle)).Accepts<TBody>("application/json").Produces<TResult>(status);
    }

    /// <summary>A read route answering 200 with <typeparamref name="TResult"/>.</summary>
    public static RouteHandlerBuilder MapQuery<TResult>(this IEndpointRouteBuilder routes, string pattern, Func<RequestScope, Task<TResult>> query)
    {
        async Task<IResult> Handle(HttpContext http, LikenessCore core) => TypedResults.Ok(await query(await ScopeAsync(http, core)));
        return routes.MapGet(pattern, WithRouteId(pattern, Handle)).Produces<TResult>();
    }

    /// <summary>The handler, declaring the <c>{id}</c> route value when the pattern (or its group's) has one, so the OpenAPI document lists it.</summary>
    private static Delegate WithRouteId(string pattern, Func<HttpContext, LikenessCore, Task<IResult>> handle) =>
        pattern.Contains("{id}", StringComparison.Ordinal)
            ? (HttpContext http, LikenessCore core, string id) => handle(http, core)
            : handle;

    /// <summary>An integer query parameter; a non-integer is a 400 naming it.</summary>
    public static int? IntQuery(this RequestScope scope, string name)
    {
        var text = scope.Query(name);
        return text is null ? null
            : int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v
            : throw AppProblem.BadRequest("invalid_query", $"'{name}' is a whole number.", name);
    }

    private static async Task<RequestScope> ScopeAsync(HttpContext http, LikenessCore core) =>
        new(core, await http.CallerAsync(core), http.Request.RouteValues["id"] as string ?? "", http);
}
