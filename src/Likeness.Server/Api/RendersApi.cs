using Likeness.Application.Contracts;
using Likeness.Application.Model;
using Likeness.Application.Renders;
using Likeness.Domain.Common;
using Likeness.Server.Http;
using Likeness.Server.Http.OpenApi;
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
        var none = new RenderActionBody();
        g.MapCommand<RenderBody, RenderView>("", (s, body, idem) => body.Contributors is null
            ? s.Core.Renders.AuthorizeAsync(s.Caller, body, idem, s.Aborted)
            : s.Core.Ensembles.AuthorizeAsync(s.Caller, body, idem, s.Aborted), status: 201)
            .Produces<RenderView>(202);
        g.MapQuery("", s => s.Core.Lists.RendersAsync(s.Caller, s.Query("status"), s.Query("license"), s.TimeQuery("since"), s.Query("cursor"), s.IntQuery("limit"), s.Aborted))
            .WithQuery("status", "Only renders in this status.", values: Vocabulary<RenderStatus>.AllNames)
            .WithQuery("license", "Only renders under this licence (its id).")
            .WithQuery("since", "Only renders created at or after this RFC 3339 time (2026-11-30T12:00:00Z).");
        g.MapQuery("/{id}", s => EnsembleService.Names(s.Id) ? s.Core.Ensembles.GetAsync(s.Caller, s.Id, s.Aborted) : s.Core.Renders.GetAsync(s.Caller, s.Id, s.Aborted));
        g.MapCommand<CompleteBody, RenderView>("/{id}/complete", (s, body, idem) => EnsembleService.Names(s.Id)
            ? s.Core.Ensembles.CompleteAsync(s.Caller, s.Id, body, idem, s.Aborted)
            : s.Core.Renders.CompleteAsync(s.Caller, s.Id, body, idem, s.Aborted));
        g.MapCommand<RenderActionBody, RenderView>("/{id}/cancel", (s, _, idem) => EnsembleService.Names(s.Id)
            ? s.Core.Ensembles.CancelAsync(s.Caller, s.Id, idem, s.Aborted)
            : s.Core.Renders.CancelAsync(s.Caller, s.Id, idem, s.Aborted), none);
        g.MapCommand<RenderActionBody, RenderView>("/{id}/approve", (s, _, idem) => EnsembleService.Names(s.Id)
            ? s.Core.Ensembles.ApproveAsync(s.Caller, s.Id, idem, s.Act, s.Aborted)
            : s.Core.Renders.ApproveAsync(s.Caller, s.Id, idem, s.Act, s.Aborted), none).SignedAct();
        g.MapCommand<RenderActionBody, RenderView>("/{id}/reject", (s, _, idem) => EnsembleService.Names(s.Id)
            ? s.Core.Ensembles.RejectAsync(s.Caller, s.Id, idem, s.Act, s.Aborted)
            : s.Core.Renders.RejectAsync(s.Caller, s.Id, idem, s.Act, s.Aborted), none).SignedAct();
        return app;
    }
}
