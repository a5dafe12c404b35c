using Likeness.Application;
using Likeness.Application.Contracts;
using Likeness.Server.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Likeness.Server.Api;

/// <summary>Licence requests, their outcomes, and licences with their lifecycle and usage.</summary>
public static class LicensesApi
{
    public static IEndpointRouteBuilder MapLicensesApi(this IEndpointRouteBuilder app)
    {
        var rq = app.MapGroup("/v1/license-requests").WithTags("Licence requests");
        rq.MapPost("", async (HttpContext http, LikenessCore core) =>
        {
            var caller = await http.CallerAsync(core);
            var (body, idem) = await http.BodyAsync<LicenseRequestBody>();
            return (await core.Requests.CreateAsync(caller, body, idem, http.RequestAborted)).ToResult();
        }).Accepts<LicenseRequestBody>("application/json").Produces<LicenseRequestView>(201);

        rq.MapGet("/{id}", async (HttpContext http, LikenessCore core, string id) =>
            TypedResults.Ok(await core.Requests.GetAsync(await http.CallerAsync(core), id, http.RequestAborted)));

        rq.MapPost("/{id}/approve", async (HttpContext http, LikenessCore core, string id) =>
        {
            var caller = await http.CallerAsync(core);
            var (body, idem) = await http.OptionalBodyAsync(new ApproveBody());
            return (await core.Requests.ApproveAsync(caller, id, body, idem, http.RequestAborted)).ToResult();
        }).Accepts<ApproveBody>("application/json").Produces<LicenseView>(201);

        rq.MapPost("/{id}/veto", async (HttpContext http, LikenessCore core, string id) =>
        {
            var caller = await http.CallerAsync(core);
            var (body, idem) = await http.BodyAsync<VetoBody>();
            return (await core.Requests.VetoAsync(caller, id, body, idem, http.RequestAborted)).ToResult();
        }).Accepts<VetoBody>("application/json").Produces<LicenseRequestView>();

        rq.MapPost("/{id}/counter", async (HttpContext http, LikenessCore core, string id) =>
        {
            var caller = await http.CallerAsync(core);
            var (body, idem) = await http.BodyAsync<CounterBody>();
            return (await core.Requests.CounterAsync(caller, id, body, idem, http.RequestAborted)).ToResult();
        }).Accepts<CounterBody>("application/json").Produces<LicenseRequestView>();

        rq.MapPost("/{id}/accept", async (HttpContext http, LikenessCore core, string id) =>
        {
            var caller = await http.CallerAsync(core);
            var (body, idem) = await http.OptionalBodyAsync(new AcceptBody());
            return (await core.Requests.AcceptAsync(caller, id, body, idem, http.RequestAborted)).ToResult();
        }).Accepts<AcceptBody>("application/json").Produces<LicenseView>(201);

        var lic = app.MapGroup("/v1/licenses/{id}").WithTags("Licences");
        lic.MapGet("", async (HttpContext http, LikenessCore core, string id) =>
            TypedResults.Ok(await core.Licenses.GetAsync(await http.CallerAsync(core), id, http.RequestAborted)));

        lic.MapPost("/suspend", async (HttpContext http, LikenessCore core, string id) =>
        {
            var caller = await http.CallerAsync(core);
            var (_, idem) = await http.OptionalBodyAsync(new LifecycleBody());
            return (await core.Licenses.SuspendAsync(caller, id, idem, http.RequestAborted)).ToResult();
        }).Produces<LicenseView>();

        lic.MapPost("/resume", async (HttpContext http, LikenessCore core, string id) =>
        {
            var caller = await http.CallerAsync(core);
            var (_, idem) = await http.OptionalBodyAsync(new LifecycleBody());
            return (await core.Licenses.ResumeAsync(caller, id, idem, http.RequestAborted)).ToResult();
        }).Produces<LicenseView>();

        lic.MapPost("/revoke", async (HttpContext http, LikenessCore core, string id) =>
        {
            var caller = await http.CallerAsync(core);
            var (body, idem) = await http.BodyAsync<RevokeBody>();
            return (await core.Licenses.RevokeAsync(caller, id, body, idem, http.RequestAborted)).ToResult();
        }).Accepts<RevokeBody>("application/json").Produces<LicenseView>();

        lic.MapPost("/estate-consent", async (HttpContext http, LikenessCore core, string id) =>
        {
            var caller = await http.CallerAsync(core);
            var (_, idem) = await http.OptionalBodyAsync(new LifecycleBody());
            return (await core.Licenses.EstateConsentAsync(caller, id, idem, http.RequestAborted)).ToResult();
        }).Produces<LicenseView>();

        lic.MapGet("/usage", async (HttpContext http, LikenessCore core, string id, string? cursor, int? limit) =>
            TypedResults.Ok(await core.Usage.ForLicenseAsync(await http.CallerAsync(core), id, cursor, limit, http.RequestAborted)));

        app.MapGet("/v1/performers/{id}/usage", async (HttpContext http, LikenessCore core, string id, string? cursor, int? limit) =>
            TypedResults.Ok(await core.Usage.ForPerformerAsync(await http.CallerAsync(core), id, cursor, limit, http.RequestAborted))).WithTags("Usage");
        return app;
    }
}
