using Microsoft.AspNetCore.Http;

namespace Likeness.Web;

/// <summary>
/// The headers every answer of the web app carries: a Content-Security-Policy that allows scripts, styles and
/// images from this origin only (no inline script, no eval), forms posted only here, and no framing
/// (<c>frame-ancestors 'none'</c>, and X-Frame-Options for older browsers); no MIME sniffing; no referrer beyond the
/// origin. The API's answers are JSON and are left as they are.
/// </summary>
public sealed class WebHeadersMiddleware(RequestDelegate next)
{
    public const string Policy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public Task InvokeAsync(HttpContext http)
    {
        if (http.GetEndpoint()?.Metadata.GetMetadata<WebPage>() is not null)
        {
            var headers = http.Response.Headers;
            headers.ContentSecurityPolicy = Policy;
            headers.XFrameOptions = "DENY";
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "same-origin";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
        }

        return next(http);
    }
}
