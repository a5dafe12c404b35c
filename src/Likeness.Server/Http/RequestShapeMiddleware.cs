using Likeness.Application.Common;
using Likeness.Application.Contracts;
using Microsoft.AspNetCore.Http;

namespace Likeness.Server.Http;

/// <summary>
/// What every request must look like before a route sees it, refused as problem details: a request target of at most
/// 8 KiB (414; Kestrel's own limit is raised above it, and its refusals beyond get a body from
/// <see cref="BareRefusalRewriter"/>, as its 431 for headers past 32 KiB does); no control character or broken Unicode
/// in the path or a query value (400; PostgreSQL cannot even store NUL). It also marks every answer but the public
/// ledger's reads <c>Cache-Control: no-store</c>: answers carry keys, terms, entries and money.
/// </summary>
public sealed class RequestShapeMiddleware(RequestDelegate next)
{
    public const int MaxTargetLength = 8 * 1024;

    /// <summary>The request headers Kestrel accepts, all together.</summary>
    public const int MaxHeaderBytes = 32 * 1024;

    public Task InvokeAsync(HttpContext http)
    {
        var request = http.Request;
        var path = request.Path.Value ?? "";
        var query = request.QueryString.Value ?? "";
        if (path.Length + query.Length > MaxTargetLength)
        {
            throw new AppProblem(414, "uri_too_long", $"The request target is longer than {MaxTargetLength} characters.");
        }

        if (!IsCleanText(path))
        {
            throw AppProblem.BadRequest("invalid_path", "The path may not hold control characters or broken Unicode.", "path");
        }

        if (query.Length > 0)
        {
            foreach (var (name, values) in request.Query)
            {
                if (!IsCleanText(name) || !values.All(v => v is null || IsCleanText(v)))
                {
                    throw AppProblem.BadRequest("invalid_query", "A query value may not hold control characters or broken Unicode.", IsCleanText(name) ? name : "query");
                }
            }
        }

        if (!IsPublicLedgerRead(request))
        {
            http.Response.Headers.CacheControl = "no-store";
        }

        return next(http);
    }

    /// <summary>The key, checkpoint, proofs and level tiles: public and the same for everyone. Entries and bundles are not.</summary>
    private static bool IsPublicLedgerRead(HttpRequest request) =>
        HttpMethods.IsGet(request.Method) && request.Path.StartsWithSegments("/v1/ledger", StringComparison.Ordinal) &&
        !request.Path.StartsWithSegments("/v1/ledger/entries", StringComparison.Ordinal) &&
        !request.Path.StartsWithSegments("/v1/ledger/tile/entries", StringComparison.Ordinal);

    private static bool IsCleanText(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < 0x20 || JsonTextRules.IsRefusedControl(c) || c == '\uFFFD')
            {
                return false;
            }

            if (char.IsSurrogate(c))
            {
                if (!char.IsHighSurrogate(c) || i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return false;
                }

                i++;
            }
        }

        return true;
    }
}
