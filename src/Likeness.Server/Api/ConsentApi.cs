using System.Text;
using Likeness.Application;
using Likeness.Application.Common;
using Likeness.Application.Contracts;
using Likeness.Server.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Likeness.Server.Api;

/// <summary>Consent policies, in our JSON shape or ODRL 2.2 JSON-LD.</summary>
public static class ConsentApi
{
    public static IEndpointRouteBuilder MapConsentApi(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/v1/performers/{id}/consent").WithTags("Consent");
        g.MapPut("", async (HttpContext http, LikenessCore core, string id) =>
        {
            var caller = await http.CallerAsync(core);
            var bytes = await http.RawBodyAsync(requireJson: true);
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

            return (await core.Consent.PutAsync(caller, id, text, http.Idempotency(bytes), http.RequestAborted)).ToResult();
        }).Accepts<object>("application/json", "application/ld+json").Produces<ConsentWritten>();

        g.MapGet("", async (HttpContext http, LikenessCore core, string id, string? format) =>
        {
            if (format is not (null or "json" or "odrl"))
            {
                throw AppProblem.BadRequest("unknown_code", "format is 'json' or 'odrl'.", "format");
            }

            var view = await core.Consent.GetAsync(await http.CallerAsync(core), id, format == "odrl", http.RequestAborted);
            return format == "odrl"
                ? Results.Text(view.Policy.ToJsonString(), "application/ld+json", Encoding.UTF8)
                : Results.Text(Json.Serialize(view), "application/json", Encoding.UTF8);
        }).Produces<ConsentView>();
        return app;
    }
}
