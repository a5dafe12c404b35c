using Likeness.Server.Http;
using Likeness.Server.Http.OpenApi;
using Likeness.Server.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Likeness.Server.Api;

/// <summary>
/// Watermark look-ups (issue 19): what a token found in audio says. Anyone may ask, at a limited rate per address; a
/// key, when sent, must be valid and lets the render's parties and auditors see the render.
/// </summary>
public static class WatermarkApi
{
    public static IEndpointRouteBuilder MapWatermarkApi(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/v1/provenance").WithTags("Provenance");
        g.MapQuery("/watermarks/{token}", s => s.Core.Provenance.WatermarkAsync(s.OptionalCaller, s.RouteValue("token"), s.Aborted), RouteAccess.OptionalCaller)
            .WithMetadata(new WatermarkLookupLimit());
        return app;
    }
}
