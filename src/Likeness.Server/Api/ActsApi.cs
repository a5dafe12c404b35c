using Likeness.Application.Acts;
using Likeness.Server.Http;
using Likeness.Server.Http.OpenApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Likeness.Server.Api;

/// <summary>Signed acts (issue 14): parties' signing keys, and performers' grants of power to representatives.</summary>
public static class ActsApi
{
    public static IEndpointRouteBuilder MapActsApi(this IEndpointRouteBuilder app)
    {
        var keys = app.MapGroup("/v1/parties").WithTags("Signed acts");
        keys.MapCommand<RegisterKeyBody, PartyKeyView>("/{id}/keys", (s, body, idem) => s.Core.PartyKeys.RegisterAsync(s.Caller, s.Id, body, idem, s.Act, s.Aborted), status: 201).SignedAct();
        keys.MapQuery("/{id}/keys", s => s.Core.PartyKeys.ListAsync(s.Caller, s.Id, s.Aborted));
        keys.MapCommand<RevokeKeyBody, PartyKeyView>("/{id}/keys/revoke", (s, body, idem) => s.Core.PartyKeys.RevokeAsync(s.Caller, s.Id, body, idem, s.Act, s.Aborted)).SignedAct();

        var grants = app.MapGroup("/v1/performers").WithTags("Signed acts");
        grants.MapCommand<GrantBody, GrantView>("/{id}/representatives", (s, body, idem) => s.Core.Grants.GrantAsync(s.Caller, s.Id, body, idem, s.Act, s.Aborted), status: 201).SignedAct();
        grants.MapQuery("/{id}/representatives", s => s.Core.Grants.ListAsync(s.Caller, s.Id, s.Aborted));
        grants.MapCommand<RemoveGrantBody, GrantView>("/{id}/representatives/remove", (s, body, idem) => s.Core.Grants.RemoveAsync(s.Caller, s.Id, body, idem, s.Act, s.Aborted)).SignedAct();
        return app;
    }
}
