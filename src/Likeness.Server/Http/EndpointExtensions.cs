using Likeness.Application;
using Likeness.Application.Acts;
using Likeness.Application.Common;
using Likeness.Application.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Likeness.Server.Http;

/// <summary>
/// What a handler gets: the use cases, the caller (<see cref="OptionalCaller"/> is null on a public route, or when an
/// optional key was not sent), the route's <c>{id}</c>, the request.
/// </summary>
public sealed record RequestScope(LikenessCore Core, PartyRecord? OptionalCaller, string Id, HttpContext Http)
{
    /// <summary>
    /// The act as received with a <c>Likeness-Signature</c> header (method, path, body hash, Idempotency-Key), once a
    /// command has read its body; null when no signature was sent.
    /// </summary>
    public ActRequest? Act => Http.Items[RequestContext.ActItem] as ActRequest;

    /// <summary>The authenticated caller. Only a route mapped with <see cref="RouteAccess.Caller"/> is sure to have one.</summary>
    public PartyRecord Caller => OptionalCaller ?? throw new InvalidOperationException("This route was mapped without authentication; it has no caller.");

    public CancellationToken Aborted => Http.RequestAborted;

    /// <summary>A query-string value, or null.</summary>
    public string? Query(string name) => Http.Request.Query.TryGetValue(name, out var v) ? v.ToString() : null;
}

/// <summary>Who may call a route.</summary>
public enum RouteAccess
{
    /// <summary>A valid API key is required; without one the answer is 401.</summary>
    Caller,

    /// <summary>Anyone may call; a key, when sent, must be valid and identifies the caller (the ledger's tiles show a party more).</summary>
    OptionalCaller,

    /// <summary>Anyone may call and no key is read: what a verifier outside the system fetches (the ledger's key, checkpoint, proofs).</summary>
    Public,
}

/// <summary>
/// The mark the shared helpers put on every endpoint they map, with what kind of route it is and who may call it. A
/// convention test asserts every endpoint of the app carries one, so no route is written by hand around the helpers.
/// </summary>
public sealed record SharedRoute(string Kind, RouteAccess Access)
{
    public const string Command = "command";
    public const string Query = "query";

    /// <summary>The liveness probe, which the rate limits never hold back.</summary>
    public const string Health = "health";
}

/// <summary>
/// The one shape of every route: authenticate, read the body strictly (with its Idempotency-Key), run one use
/// case, answer. Commands answer with the stored <see cref="Outcome"/> so a retry gets the same bytes. Routes whose
/// body or answer is not a JSON object (a consent policy in JSON-LD, a signed checkpoint, a tile) use the raw variants,
/// which authenticate and mark the route the same way.
/// </summary>
public static class EndpointExtensions
{
    /// <summary>
    /// A mutating route with a JSON body; with <paramref name="whenEmpty"/>, an empty body means that value. A route that
    /// only reads but takes a body too large for a query (an identification's fingerprint) is mapped here with
    /// <paramref name="access"/> <see cref="RouteAccess.OptionalCaller"/>.
    /// </summary>
    public static RouteHandlerBuilder MapCommand<TBody, TResult>(
        this IEndpointRouteBuilder routes, string pattern, Func<RequestScope, TBody, IdempotentRequest?, Task<Outcome>> run, TBody? whenEmpty = null, int status = 200, string method = "POST",
        RouteAccess access = RouteAccess.Caller)
        where TBody : class
    {
        async Task<IResult> Handle(HttpContext http, LikenessCore core)
        {
            var scope = await ScopeAsync(http, core, access);
            var (body, idem) = whenEmpty is null ? await http.BodyAsync<TBody>() : await http.OptionalBodyAsync(whenEmpty);
            return (await run(scope, body, idem)).ToResult();
        }

        return routes.MapMethods(pattern, [method], Handle).Accepts<TBody>("application/json").Produces<TResult>(status)
            .WithMetadata(new SharedRoute(SharedRoute.Command, access));
    }

    /// <summary>
    /// A mutating route that reads its body as raw bytes (at most 1 MiB, of one of <paramref name="contentTypes"/>) and
    /// leaves parsing to the use case: a consent policy comes as our JSON or as ODRL JSON-LD.
    /// </summary>
    public static RouteHandlerBuilder MapRawCommand<TResult>(
        this IEndpointRouteBuilder routes, string pattern, Func<RequestScope, byte[], IdempotentRequest?, Task<Outcome>> run, string[] contentTypes, int status = 200, string method = "POST")
    {
        async Task<IResult> Handle(HttpContext http, LikenessCore core)
        {
            var scope = await ScopeAsync(http, core, RouteAccess.Caller);
            var bytes = await http.RawBodyAsync(requireJson: true);
            http.KeepSignedAct(bytes);
            return (await run(scope, bytes, http.Idempotency(bytes))).ToResult();
        }

        return routes.MapMethods(pattern, [method], Handle).Accepts<object>(contentTypes[0], contentTypes[1..]).Produces<TResult>(status)
            .WithMetadata(new SharedRoute(SharedRoute.Command, RouteAccess.Caller));
    }

    /// <summary>
    /// A mutating route whose body is a stream of bytes (a part of an asset's content, docs/CUSTODY.md): up to
    /// <paramref name="maxBodyBytes"/>, read by the use case as it arrives, never held whole. It takes no Idempotency-Key
    /// (the body cannot be hashed before it is read); the use case makes a retry safe by the part's offset and digest.
    /// </summary>
    public static RouteHandlerBuilder MapStreamCommand<TResult>(
        this IEndpointRouteBuilder routes, string pattern, Func<RequestScope, Stream, Task<Outcome>> run, long maxBodyBytes, int status = 200, string method = "PUT")
    {
        async Task<IResult> Handle(HttpContext http, LikenessCore core)
        {
            var scope = await ScopeAsync(http, core, RouteAccess.Caller);
            if (http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                limit.MaxRequestBodySize = maxBodyBytes;
            }

            return (await run(scope, http.Request.Body)).ToResult();
        }

        return routes.MapMethods(pattern, [method], Handle).Accepts<byte[]>("application/octet-stream").Produces<TResult>(status)
            .WithMetadata(new SharedRoute(SharedRoute.Command, RouteAccess.Caller));
    }

    /// <summary>A read route answering 200 with <typeparamref name="TResult"/> as JSON.</summary>
    public static RouteHandlerBuilder MapQuery<TResult>(this IEndpointRouteBuilder routes, string pattern, Func<RequestScope, Task<TResult>> query, RouteAccess access = RouteAccess.Caller)
    {
        async Task<IResult> Handle(HttpContext http, LikenessCore core) => TypedResults.Ok(await query(await ScopeAsync(http, core, access)));
        return routes.MapGet(pattern, Handle).Produces<TResult>().WithMetadata(new SharedRoute(SharedRoute.Query, access));
    }

    /// <summary>
    /// A read route that writes its own answer: text, bytes, or a format the query chooses (JSON or CSV, JSON or JSON-LD).
    /// <typeparamref name="TResult"/> and <paramref name="contentType"/> describe the usual answer in the OpenAPI document.
    /// </summary>
    public static RouteHandlerBuilder MapRawQuery<TResult>(
        this IEndpointRouteBuilder routes, string pattern, Func<RequestScope, Task<IResult>> read, RouteAccess access = RouteAccess.Caller, string contentType = "application/json")
    {
        async Task<IResult> Handle(HttpContext http, LikenessCore core) => await read(await ScopeAsync(http, core, access));
        return routes.MapGet(pattern, Handle).Produces<TResult>(200, contentType).WithMetadata(new SharedRoute(SharedRoute.Query, access));
    }

    /// <summary>A route value (such as a catch-all <c>{**path}</c>), or an empty string.</summary>
    public static string RouteValue(this RequestScope scope, string name) => scope.Http.Request.RouteValues[name] as string ?? "";

    /// <summary>A query parameter that must be present; without it, a 400 naming it.</summary>
    public static string RequiredQuery(this RequestScope scope, string name) => scope.Query(name) ?? throw MissingQuery(name);

    /// <summary>The 400 for a query parameter that is required and missing.</summary>
    public static AppProblem MissingQuery(string name) => AppProblem.BadRequest("invalid_query", $"'{name}' is required.", name);

    /// <summary>A whole-number query parameter (no sign, no spaces); anything else is a 400 naming it.</summary>
    public static long? LongQuery(this RequestScope scope, string name) =>
        scope.Query(name) is { } text ? ParseWholeNumber(text, name) : null;

    /// <summary>Parses a whole number (no sign, no spaces); anything else is a 400 naming <paramref name="name"/>.</summary>
    public static long ParseWholeNumber(string text, string name) =>
        long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
            ? n
            : throw AppProblem.BadRequest("invalid_query", $"'{name}' is a whole number.", name);

    /// <summary>An integer query parameter; a non-integer is a 400 naming it.</summary>
    public static int? IntQuery(this RequestScope scope, string name)
    {
        var text = scope.Query(name);
        return text is null ? null
            : int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v
            : throw AppProblem.BadRequest("invalid_query", $"'{name}' is a whole number.", name);
    }

    /// <summary>
    /// An RFC 3339 time query parameter (<c>2026-11-30T12:00:00Z</c>, with an offset or Z; a <c>+</c> offset sent as
    /// <c>%2B</c>); anything else is a 400 naming it.
    /// </summary>
    public static DateTimeOffset? TimeQuery(this RequestScope scope, string name) =>
        scope.Query(name) is not { } text ? null
            : Rfc3339.IsMatch(text) && DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var at) ? at
            : throw AppProblem.BadRequest("invalid_query", $"'{name}' is an RFC 3339 time, such as 2026-11-30T12:00:00Z.", name);

    private static readonly System.Text.RegularExpressions.Regex Rfc3339 = new(
        @"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d{1,7})?([Zz]|[+-]\d{2}:\d{2})$", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    private static async Task<RequestScope> ScopeAsync(HttpContext http, LikenessCore core, RouteAccess access)
    {
        var caller = access switch
        {
            RouteAccess.Caller => await http.CallerAsync(core),
            RouteAccess.OptionalCaller when http.Request.Headers.Authorization.Count > 0 => await http.CallerAsync(core),
            _ => null,
        };
        return new(core, caller, http.Request.RouteValues["id"] as string ?? "", http);
    }
}
