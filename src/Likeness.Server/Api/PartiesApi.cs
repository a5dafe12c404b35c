using Likeness.Application;
using Likeness.Application.Contracts;
using Likeness.Server.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Likeness.Server.Api;

/// <summary>Parties, deaths and likeness assets.</summary>
public static class PartiesApi
{
    public static IEndpointRouteBuilder MapPartiesApi(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/v1").WithTags("Parties and assets");
        g.MapPost("/parties", async (HttpContext http, LikenessCore core) =>
        {
            var caller = await http.CallerAsync(core);
            var (body, idem) = await http.BodyAsync<CreatePartyBody>();
            return (await core.Parties.CreateAsync(caller, body, idem, http.RequestAborted)).ToResult();
        }).Accepts<CreatePartyBody>("application/json").Produces<PartyView>(201);

        g.MapGet("/parties/{id}", async (HttpContext http, LikenessCore core, string id) =>
            TypedResults.Ok(await core.Parties.GetAsync(await http.CallerAsync(core), id, http.RequestAborted)));

        g.MapPost("/performers/{id}/death", async (HttpContext http, LikenessCore core, string id) =>
        {
            var caller = await http.CallerAsync(core);
            var (body, idem) = await http.BodyAsync<DeathBody>();
            return (await core.Parties.RecordDeathAsync(caller, id, body, idem, http.RequestAborted)).ToResult();
        }).Accepts<DeathBody>("application/json").Produces<PartyView>();

        g.MapPost("/performers/{id}/assets", async (HttpContext http, LikenessCore core, string id) =>
        {
            var caller = await http.CallerAsync(core);
            var (body, idem) = await http.BodyAsync<CreateAssetBody>();
            return (await core.Assets.RegisterAsync(caller, id, body, idem, http.RequestAborted)).ToResult();
        }).Accepts<CreateAssetBody>("application/json").Produces<AssetView>(201);

        g.MapGet("/performers/{id}/assets", async (HttpContext http, LikenessCore core, string id) =>
            TypedResults.Ok(await core.Assets.ListAsync(await http.CallerAsync(core), id, http.RequestAborted)));
        return app;
    }
}
