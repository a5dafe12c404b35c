using System.Text;
using Likeness.Application.Common;
using Likeness.Application.Contracts;
using Likeness.Server.Http;
using Likeness.Server.Http.OpenApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Likeness.Server.Api;

/// <summary>Consent policies, in our JSON shape or ODRL 2.2 JSON-LD.</summary>
public static class ConsentApi
{
    public static IEndpointRouteBuilder MapConsentApi(this IEndpointRouteBuilder app)
    {
        // {id} is in each route's own pattern (not the group's), so the helpers declare it to the OpenAPI document.
        var g = app.MapGroup("/v1/performers").WithTags("Consent");
        g.MapRawCommand<ConsentWritten>(
            "/{id}/consent",
            async (s, bytes, idem) =>
            {
                if (bytes.Length == 0)
                {
                    throw AppProblem.BadRequest("malformed_json", "A consent policy is required.", "$");
                }

                string text;
                try
                {
                    text = new UTF8Encoding(false, true).GetString(bytes);
                }
                catch (DecoderFallbackException)
                {
                    throw AppProblem.BadRequest("malformed_json", "The body is not UTF-8.", "$");
                }

                return await s.Core.Consent.PutAsync(s.Caller, s.Id, text, idem, s.Act, s.Aborted);
            },
            ["application/json", "application/ld+json"],
            method: "PUT").WithMetadata(new BodySchema(ConsentPolicySchema.Id, "The same policy as ODRL 2.2 JSON-LD, with its @context.")).SignedAct();

        g.MapRawQuery<ConsentView>("/{id}/consent", async s =>
        {
            // ?format= wins; without it, Accept: application/ld+json asks for ODRL (content negotiation).
            var format = s.Query("format") ?? (AcceptsJsonLd(s.Http.Request) ? "odrl" : null);
            if (format is not (null or "json" or "odrl"))
            {
                throw AppProblem.BadRequest("unknown_code", "format is 'json' or 'odrl'.", "format");
            }

            var view = await s.Core.Consent.GetAsync(s.Caller, s.Id, format == "odrl", s.Aborted);
            return format == "odrl"
                ? Results.Text(view.Policy.ToJsonString(), "application/ld+json", Encoding.UTF8)
                : Results.Text(Json.Serialize(view), "application/json", Encoding.UTF8);
        }).WithQuery("format", "json (the default) for our shape, odrl for ODRL 2.2 JSON-LD (as Accept: application/ld+json asks).", values: ["json", "odrl"]);
        g.MapQuery("/{id}/consent/versions", s => s.Core.Consent.HistoryAsync(s.Caller, s.Id, s.Query("cursor"), s.IntQuery("limit"), s.Aborted));
        g.MapQuery("/{id}/caps", s => s.Core.Caps.GetAsync(s.Caller, s.Id, s.Aborted));
        return app;
    }

    // JSON-LD when the client prefers it to JSON (its quality is higher, or JSON is not listed at all).
    private static bool AcceptsJsonLd(HttpRequest request)
    {
        var accepted = request.GetTypedHeaders().Accept;
        double Quality(string type) => accepted.Where(a => a.MediaType.Equals(type, StringComparison.OrdinalIgnoreCase)).Select(a => a.Quality ?? 1).DefaultIfEmpty(-1).Max();
        var ld = Quality("application/ld+json");
        return ld > 0 && ld > Quality("application/json");
    }
}
