using Likeness.Application.Common;
using Likeness.Application.Contracts;
using Likeness.Application.Provenance;
using Likeness.Server.Http;
using Likeness.Server.Http.OpenApi;
using Likeness.Server.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Likeness.Server.Api;

/// <summary>
/// Watermark look-ups and fingerprint identifications (issue 19): what a token found in audio says, and which renders a
/// copy sounds like. Anyone may ask, at a limited rate per address shared by both; a key, when sent, must be valid and
/// lets the render's parties and auditors see the render.
/// </summary>
public static class WatermarkApi
{
    public static IEndpointRouteBuilder MapWatermarkApi(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/v1/provenance").WithTags("Provenance");
        g.MapQuery("/watermarks/{token}", s => s.Core.Provenance.WatermarkAsync(s.OptionalCaller, s.RouteValue("token"), s.Aborted), RouteAccess.OptionalCaller)
            .WithMetadata(new WatermarkLookupLimit());
        g.MapCommand<IdentifyBody, IdentifyView>(
                "/identify",
                async (s, body, _) => Outcome.Ok(await s.Core.Provenance.IdentifyAsync(s.OptionalCaller, body, s.Aborted)),
                access: RouteAccess.OptionalCaller)
            .WithMetadata(new WatermarkLookupLimit());
        return app;
    }
}
