using System.Net;
using System.Text;
using Likeness.Application.Common;
using Likeness.Server.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Likeness.Server.Api;

/// <summary>
/// The address a problem's <c>type</c> names (<c>/problems/&lt;code&gt;</c>): a page that says what the code means,
/// with every other code listed.
/// </summary>
public static class ProblemTypesApi
{
    public static IEndpointRouteBuilder MapProblemTypesApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/problems").WithTags("Problems").MapRawQuery<string>(
            "/{id}",
            s =>
            {
                var code = ProblemTypes.CodeOf(s.Id);
                return ProblemTypes.All.TryGetValue(code, out var type)
                    ? Task.FromResult(Results.Text(Page(code, type.Status, type.Meaning), "text/html; charset=utf-8", Encoding.UTF8))
                    : throw AppProblem.NotFound("problem type");
            },
            RouteAccess.Public,
            "text/html");
        return app;
    }

    private static string Page(string code, int status, string meaning)
    {
        var html = new StringBuilder();
        html.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
            .Append(WebUtility.HtmlEncode(code)).Append(" — Likeness problem</title></head><body><main><h1><code>")
            .Append(WebUtility.HtmlEncode(code)).Append("</code></h1><p>HTTP ").Append(status).Append(". ")
            .Append(WebUtility.HtmlEncode(meaning)).Append("</p><h2>Every problem code</h2><dl>");
        foreach (var (other, type) in ProblemTypes.All)
        {
            html.Append("<dt><a href=\"").Append(WebUtility.HtmlEncode(other.Replace('_', '-'))).Append("\"><code>")
                .Append(WebUtility.HtmlEncode(other)).Append("</code></a> (").Append(type.Status).Append(")</dt><dd>")
                .Append(WebUtility.HtmlEncode(type.Meaning)).Append("</dd>");
        }

        return html.Append("</dl><p><a href=\"/docs\">API reference</a></p></main></body></html>").ToString();
    }
}
