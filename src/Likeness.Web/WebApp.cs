using Likeness.Web.Sessions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Likeness.Web;

/// <summary>Adds the web app (server-rendered Razor Pages at <c>/</c>, next to the API) to the server's services and pipeline.</summary>
public static class WebApp
{
    /// <summary>Razor Pages from this assembly, the party filter, antiforgery with a strict cookie, and the session store.</summary>
    public static IServiceCollection AddLikenessWeb(this IServiceCollection services, TimeProvider clock, WebSessionOptions? sessions = null)
    {
        services.AddSingleton(new WebSessions(clock, sessions ?? new WebSessionOptions()));
        services.AddSingleton<PartyPageFilter>();
        services.AddRazorPages()
            .AddApplicationPart(typeof(WebApp).Assembly)
            .AddMvcOptions(o => o.Filters.AddService<PartyPageFilter>());
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "likeness-antiforgery";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.FormFieldName = "__RequestVerificationToken";

            // Forms only: no header, so no script can be asked to carry the token.
            o.HeaderName = null;
            o.SuppressXFrameOptionsHeader = true;
        });
        return services;
    }

    /// <summary>The security headers on every page, the embedded assets, and the pages.</summary>
    public static WebApplication MapLikenessWeb(this WebApplication app)
    {
        app.UseMiddleware<WebHeadersMiddleware>();
        WebAssets.Map(app).WithMetadata(new WebPage()).ExcludeFromDescription();
        app.MapRazorPages().WithMetadata(new WebPage()).ExcludeFromDescription();
        return app;
    }
}
