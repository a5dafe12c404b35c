using Microsoft.AspNetCore.Http;

namespace Likeness.Web.Sessions;

/// <summary>
/// The session cookie: the random token only, HttpOnly, SameSite=Strict, Secure when the request came over HTTPS, path
/// <c>/</c>, no Max-Age (it ends with the browser; the server's idle and absolute expiry end it sooner).
/// </summary>
public static class SessionCookie
{
    public const string Name = "likeness-session";

    public static string? Read(HttpContext http) => http.Request.Cookies[Name];

    public static void Write(HttpContext http, string token) =>
        http.Response.Cookies.Append(Name, token, Options(http));

    public static void Delete(HttpContext http) => http.Response.Cookies.Delete(Name, Options(http));

    private static CookieOptions Options(HttpContext http) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = http.Request.IsHttps,
        Path = "/",
        IsEssential = true,
    };
}
