using Likeness.Server.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Likeness.Server.Api;

/// <summary>Planning and valuation (issue 21; docs/PLANNING.md): what a likeness is worth in a scenario the caller describes.</summary>
public static class PlanningApi
{
    public static IEndpointRouteBuilder MapPlanningApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/v1/performers").WithTags("Planning")
            .MapQuery("/{id}/valuation", s => s.Core.Valuation.ValueAsync(s.Caller, s.Id, s.Query("scenario"), s.Aborted));
        return app;
    }
}
