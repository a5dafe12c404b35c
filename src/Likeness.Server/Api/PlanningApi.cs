using Likeness.Application.Contracts;
using Likeness.Application.Planning;
using Likeness.Server.Http;
using Likeness.Server.Http.OpenApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Likeness.Server.Api;

/// <summary>
/// Planning and valuation (issue 21; docs/PLANNING.md): a studio's plans (a screenplay broken down by tier, versioned,
/// compared, drafted into licence requests) and what a likeness is worth in a scenario the caller describes.
/// </summary>
public static class PlanningApi
{
    public static IEndpointRouteBuilder MapPlanningApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/v1/performers").WithTags("Planning")
            .MapQuery("/{id}/valuation", s => s.Core.Valuation.ValueAsync(s.Caller, s.Id, s.Query("scenario"), s.Aborted))
            .WithQuery("scenario", "The scenario, a JSON object (URL-encoded): savings, markets, compute, proposed terms, the exposure model (docs/PLANNING.md).", required: true);

        var plans = app.MapGroup("/v1/plans").WithTags("Planning");
        plans.MapCommand<PlanBody, PlanView>("", (s, body, idem) => s.Core.Plans.CreateAsync(s.Caller, body, idem, s.Aborted), status: 201);
        plans.MapQuery("/{id}", s => s.Core.Plans.GetAsync(s.Caller, s.Id, s.IntQuery("version"), s.Aborted))
            .WithQuery("version", "The version to read (1 is the first); the latest when left out.");
        plans.MapCommand<PlanVersionBody, PlanView>("/{id}/versions", (s, body, idem) => s.Core.Plans.AddVersionAsync(s.Caller, s.Id, body, idem, s.Aborted), status: 201);
        plans.MapQuery("/{id}/changes", s => s.Core.Plans.DiffAsync(s.Caller, s.Id, s.IntQuery("from"), s.IntQuery("to"), s.Aborted))
            .WithQuery("from", "The version compared from; the one before 'to' when left out.")
            .WithQuery("to", "The version compared to; the latest when left out.");
        plans.MapQuery("/{id}/drafts", s => s.Core.Plans.DraftsAsync(s.Caller, s.Id, s.IntQuery("version"), s.Aborted))
            .WithQuery("version", "The version to draft from; the latest when left out.");
        plans.MapCommand<PlanSendBody, LicenseRequestView>("/{id}/requests", (s, body, idem) => s.Core.Plans.SendAsync(s.Caller, s.Id, body, idem, s.Aborted), status: 201);
        return app;
    }
}
