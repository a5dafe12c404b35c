using Likeness.Application.Common;
using Likeness.Application.Contracts;
using Microsoft.AspNetCore.Http;

namespace Likeness.Server.Http;

/// <summary>
/// What every request must look like before a route sees it, refused as problem details: a request target of at most
/// 8 KiB (414) and headers of at most 32 KiB (431), below Kestrel's own limits, which are raised so that these refusals
/// carry a body; no control character or broken Unicode in the path or a query value (400; PostgreSQL cannot even
/// store NUL). It also marks every answer outside the public ledger <c>Cache-Control: no-store</c>: answers carry keys,
/// terms and money.
/// </summary>
public sealed class RequestShapeMiddleware(RequestDelegate next)
{
    public const int MaxTargetLength = 8 * 1024;
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

        var headerBytes = 0;
        foreach (var (name, values) in request.Headers)
        {
            headerBytes += name.Length + 4;
            foreach (var v in values)
            {
                headerBytes += v?.Length ?? 0;
            }
        }

        if (headerBytes > MaxHeaderBytes)
        {
            throw new AppProblem(431, "headers_too_large", $"The request's headers are larger than {MaxHeaderBytes} bytes.");
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

        if (!request.Path.StartsWithSegments("/v1/ledger", StringComparison.Ordinal))
        {
            http.Response.Headers.CacheControl = "no-store";
        }

        return next(http);
    }

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
