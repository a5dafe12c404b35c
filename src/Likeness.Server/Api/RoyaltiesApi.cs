using System.Text;
using Likeness.Application.Common;
using Likeness.Application.Contracts;
using Likeness.Application.Royalties;
using Likeness.Server.Http;
using Likeness.Server.Http.OpenApi;
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
        g.MapCommand<SplitsBody, SplitsView>("/performers/{id}/splits", (s, body, idem) => s.Core.Splits.PutSplitsAsync(s.Caller, s.Id, body, idem, s.Act, s.Aborted), method: "PUT").SignedAct();
        g.MapQuery("/performers/{id}/splits", s => s.Core.Splits.GetSplitsAsync(s.Caller, s.Id, s.Aborted));
        g.MapCommand<RateTableBody, RateTableView>("/unions/{id}/rates", (s, body, idem) => s.Core.Splits.PutRatesAsync(s.Caller, s.Id, body, idem, s.Aborted), method: "PUT");
        g.MapQuery("/unions/{id}/rates", s => s.Core.Splits.GetRatesAsync(s.Id, s.Aborted));

        g.MapRawQuery<StatementView>("/statements", async s =>
        {
            var format = s.Query("format");
            if (format is not (null or "json" or "csv"))
            {
                throw AppProblem.BadRequest("unknown_code", "format is 'json' or 'csv'.", "format");
            }

            var view = await s.Core.Statements.GetAsync(s.Caller, s.RequiredQuery("party"), s.RequiredQuery("period"), s.Aborted);
            return format == "csv" ? Results.Text(StatementService.Csv(view), "text/csv", Encoding.UTF8) : Results.Text(Json.Serialize(view), "application/json", Encoding.UTF8);
        })
            .WithQuery("party", "The payee (a party id).", required: true)
            .WithQuery("period", "The month, YYYY-MM.", required: true)
            .WithQuery("format", "json (the default) or csv.", values: ["json", "csv"]);
        g.MapCommand<ClosePeriodBody, ClosedPeriodView>("/statements/close", (s, body, idem) => s.Core.Statements.CloseAsync(s.Caller, body, idem, s.Aborted));
        g.MapQuery("/statements/verify", s => s.Core.Statements.VerifyAsync(s.Caller, s.RequiredQuery("period"), s.Aborted))
            .WithQuery("period", "The closed month to verify, YYYY-MM.", required: true);
        return app;
    }
}
