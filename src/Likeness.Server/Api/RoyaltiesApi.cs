using System.Text;
using Likeness.Application;
using Likeness.Application.Common;
using Likeness.Application.Contracts;
using Likeness.Application.Royalties;
using Likeness.Server.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Likeness.Server.Api;

/// <summary>Splits, union rate tables, and royalty statements (JSON or CSV), closing and verifying periods.</summary>
public static class RoyaltiesApi
{
    public static IEndpointRouteBuilder MapRoyaltiesApi(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/v1").WithTags("Royalties");
        g.MapCommand<SplitsBody, SplitsView>("/performers/{id}/splits", (s, body, idem) => s.Core.Splits.PutSplitsAsync(s.Caller, s.Id, body, idem, s.Aborted), method: "PUT");
        g.MapQuery("/performers/{id}/splits", s => s.Core.Splits.GetSplitsAsync(s.Caller, s.Id, s.Aborted));
        g.MapCommand<RateTableBody, RateTableView>("/unions/{id}/rates", (s, body, idem) => s.Core.Splits.PutRatesAsync(s.Caller, s.Id, body, idem, s.Aborted), method: "PUT");
        g.MapQuery("/unions/{id}/rates", s => s.Core.Splits.GetRatesAsync(s.Id, s.Aborted));

        g.MapGet("/statements", async (HttpContext http, LikenessCore core, string? party, string? period, string? format) =>
        {
            if (format is not (null or "json" or "csv"))
            {
                throw AppProblem.BadRequest("unknown_code", "format is 'json' or 'csv'.", "format");
            }

            var view = await core.Statements.GetAsync(
                await http.CallerAsync(core),
                party ?? throw AppProblem.BadRequest("invalid_query", "'party' is required.", "party"),
                period ?? throw AppProblem.BadRequest("invalid_query", "'period' is required.", "period"),
                http.RequestAborted);
            return format == "csv" ? Results.Text(StatementService.Csv(view), "text/csv", Encoding.UTF8) : Results.Text(Json.Serialize(view), "application/json", Encoding.UTF8);
        }).Produces<StatementView>();
        g.MapCommand<ClosePeriodBody, ClosedPeriodView>("/statements/close", (s, body, idem) => s.Core.Statements.CloseAsync(s.Caller, body, idem, s.Aborted));
        g.MapQuery("/statements/verify", s => s.Core.Statements.VerifyAsync(s.Caller, s.Query("period") ?? throw AppProblem.BadRequest("invalid_query", "'period' is required.", "period"), s.Aborted));
        return app;
    }
}
