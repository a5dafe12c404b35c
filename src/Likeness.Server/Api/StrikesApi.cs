using Likeness.Application.Parties;
using Likeness.Application.Strikes;
using Likeness.Server.Http;
using Likeness.Server.Http.OpenApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Likeness.Server.Api;

/// <summary>Unions' strikes: declared for the union's members against a studio or every studio, waived per project, ended (docs/DOMAIN.md).</summary>
public static class StrikesApi
{
    public static IEndpointRouteBuilder MapStrikesApi(this IEndpointRouteBuilder app)
    {
        var unions = app.MapGroup("/v1/unions").WithTags("Strikes");
        unions.MapCommand<StrikeBody, StrikeView>("/{id}/strikes", (s, body, idem) => s.Core.Strikes.DeclareAsync(s.Caller, s.Id, body, idem, s.Aborted), new StrikeBody(), 201);
        unions.MapQuery("/{id}/strikes", s => s.Core.Strikes.ListAsync(s.Caller, s.Id, s.Aborted));

        var strikes = app.MapGroup("/v1/strikes").WithTags("Strikes");
        strikes.MapQuery("/{id}", s => s.Core.Strikes.GetAsync(s.Caller, s.Id, s.Aborted));
        strikes.MapCommand<WaiverBody, StrikeView>("/{id}/waivers", (s, body, idem) => s.Core.Strikes.WaiveAsync(s.Caller, s.Id, body, idem, s.Aborted));
        strikes.MapCommand<EndStrikeBody, StrikeView>("/{id}/end", (s, _, idem) => s.Core.Strikes.EndAsync(s.Caller, s.Id, idem, s.Aborted), new EndStrikeBody());
        app.MapGroup("/v1/performers").WithTags("Parties and assets")
            .MapCommand<EndStrikeBody, Likeness.Application.Parties.PostMortemRenewalView>("/{id}/post-mortem-term/renew", (s, _, idem) => s.Core.PostMortem.RenewAsync(s.Caller, s.Id, idem, s.Aborted), new EndStrikeBody());
        var terms = app.MapGroup("/v1/post-mortem-terms").WithTags("Parties and assets");
        terms.MapCommand<PostMortemTableBody, PostMortemTableView>("", (s, body, idem) => s.Core.PostMortemTable.LoadAsync(s.Caller, body, idem, s.Aborted), method: "PUT");
        terms.MapQuery("", s => s.Core.PostMortemTable.GetAsync(s.Aborted));
        return app;
    }
}
