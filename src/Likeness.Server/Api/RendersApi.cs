using Likeness.Application;
using Likeness.Application.Contracts;
using Likeness.Server.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Likeness.Server.Api;

/// <summary>The render gateway: authorize, complete, cancel, and the performer side's per-instance approval.</summary>
public static class RendersApi
{
    public static IEndpointRouteBuilder MapRendersApi(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/v1/renders").WithTags("Renders");
        g.MapPost("", async (HttpContext http, LikenessCore core) =>
        {
            var caller = await http.CallerAsync(core);
            var (body, idem) = await http.BodyAsync<RenderBody>();
            return (await core.Renders.AuthorizeAsync(caller, body, idem, http.RequestAborted)).ToResult();
        }).Accepts<RenderBody>("application/json").Produces<RenderView>(201).Produces<RenderView>(202).ProducesProblem(403);

        g.MapGet("/{id}", async (HttpContext http, LikenessCore core, string id) =>
            TypedResults.Ok(await core.Renders.GetAsync(await http.CallerAsync(core), id, http.RequestAborted)));

        g.MapPost("/{id}/complete", async (HttpContext http, LikenessCore core, string id) =>
        {
            var caller = await http.CallerAsync(core);
            var (body, idem) = await http.BodyAsync<CompleteBody>();
            return (await core.Renders.CompleteAsync(caller, id, body, idem, http.RequestAborted)).ToResult();
        }).Accepts<CompleteBody>("application/json").Produces<RenderView>();

        g.MapPost("/{id}/cancel", async (HttpContext http, LikenessCore core, string id) =>
        {
            var caller = await http.CallerAsync(core);
            var (_, idem) = await http.OptionalBodyAsync(new RenderActionBody());
            return (await core.Renders.CancelAsync(caller, id, idem, http.RequestAborted)).ToResult();
        }).Produces<RenderView>();

        g.MapPost("/{id}/approve", async (HttpContext http, LikenessCore core, string id) =>
        {
            var caller = await http.CallerAsync(core);
            var (_, idem) = await http.OptionalBodyAsync(new RenderActionBody());
            return (await core.Renders.ApproveAsync(caller, id, idem, http.RequestAborted)).ToResult();
        }).Produces<RenderView>();

        g.MapPost("/{id}/reject", async (HttpContext http, LikenessCore core, string id) =>
        {
            var caller = await http.CallerAsync(core);
            var (_, idem) = await http.OptionalBodyAsync(new RenderActionBody());
            return (await core.Renders.RejectAsync(caller, id, idem, http.RequestAborted)).ToResult();
        }).Produces<RenderView>();
        return app;
    }
}
