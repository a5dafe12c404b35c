using Likeness.Application.Contracts;
using Likeness.Application.Parties;
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
        g.MapCommand<CreatePartyBody, PartyView>("/parties", (s, body, idem) => s.Core.Parties.CreateAsync(s.Caller, body, idem, s.Aborted), status: 201);
        g.MapQuery("/parties/{id}", s => s.Core.Parties.GetAsync(s.Caller, s.Id, s.Aborted));
        g.MapQuery("/me", s => Task.FromResult(MeService.Me(s.Caller)));
        g.MapQuery("/me/performers", s => s.Core.Me.PerformersAsync(s.Caller, s.Query("cursor"), s.IntQuery("limit"), s.Aborted));
        g.MapCommand<DeathBody, PartyView>("/performers/{id}/death", (s, body, idem) => s.Core.Parties.RecordDeathAsync(s.Caller, s.Id, body, idem, s.Aborted));
        g.MapCommand<CreateAssetBody, AssetView>("/performers/{id}/assets", (s, body, idem) => s.Core.Assets.RegisterAsync(s.Caller, s.Id, body, idem, s.Aborted), status: 201);
        g.MapQuery("/performers/{id}/assets", s => s.Core.Assets.ListAsync(s.Caller, s.Id, s.Aborted));
        return app;
    }
}
