using Likeness.Application.Contracts;
using Likeness.Application.Licensing;
using Likeness.Application.Model;
using Likeness.Domain.Common;
using Likeness.Domain.Licensing;
using Likeness.Server.Http;
using Likeness.Server.Http.OpenApi;
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
        rq.MapCommand<LicenseRequestBody, LicenseRequestView>("", (s, body, idem) => s.Core.Requests.CreateAsync(s.Caller, body, idem, s.Aborted), status: 201);
        rq.MapQuery("", s => s.Core.Lists.RequestsAsync(s.Caller, s.Query("status"), s.Query("performer"), s.Query("studio"), s.Query("cursor"), s.IntQuery("limit"), s.Aborted))
            .WithQuery("status", "Only requests in this status.", values: Vocabulary<RequestStatus>.AllNames)
            .WithQuery("performer", "Only requests to this performer (a party id).")
            .WithQuery("studio", "Only requests from this studio (a party id).");
        rq.MapQuery("/{id}", s => s.Core.Requests.GetAsync(s.Caller, s.Id, s.Aborted));
        rq.MapCommand<ApproveBody, LicenseView>("/{id}/approve", (s, body, idem) => s.Core.Requests.ApproveAsync(s.Caller, s.Id, body, idem, s.Act, s.Aborted), new ApproveBody(), 201).SignedAct();
        rq.MapCommand<VetoBody, LicenseRequestView>("/{id}/veto", (s, body, idem) => s.Core.Requests.VetoAsync(s.Caller, s.Id, body, idem, s.Act, s.Aborted)).SignedAct();
        rq.MapCommand<CounterBody, LicenseRequestView>("/{id}/counter", (s, body, idem) => s.Core.Requests.CounterAsync(s.Caller, s.Id, body, idem, s.Act, s.Aborted)).SignedAct();
        rq.MapCommand<AcceptBody, LicenseView>("/{id}/accept", (s, body, idem) => s.Core.Requests.AcceptAsync(s.Caller, s.Id, body, idem, s.Act, s.Aborted), new AcceptBody(), 201).SignedAct();

        var lic = app.MapGroup("/v1/licenses").WithTags("Licences");
        var none = new LifecycleBody();
        lic.MapQuery("", s => s.Core.Lists.LicensesAsync(
            s.Caller, s.Query("status"), s.Query("performer"), s.Query("studio"), s.TimeQuery("expiringBefore"), s.Query("cursor"), s.IntQuery("limit"), s.Aborted))
            .WithQuery("status", "Only licences in this status.", values: [.. Enum.GetValues<LicenseStatus>().Select(LicenseViews.StatusName)])
            .WithQuery("performer", "Only licences of this performer (a party id).")
            .WithQuery("studio", "Only licences held by this studio (a party id).")
            .WithQuery("expiringBefore", "Only licences whose term ends before this RFC 3339 time (2026-12-31T00:00:00Z).");
        lic.MapQuery("/{id}", s => s.Core.Licenses.GetAsync(s.Caller, s.Id, s.Aborted));
        lic.MapCommand<LifecycleBody, LicenseView>("/{id}/suspend", (s, _, idem) => s.Core.Licenses.SuspendAsync(s.Caller, s.Id, idem, s.Act, s.Aborted), none).SignedAct();
        lic.MapCommand<LifecycleBody, LicenseView>("/{id}/resume", (s, _, idem) => s.Core.Licenses.ResumeAsync(s.Caller, s.Id, idem, s.Act, s.Aborted), none).SignedAct();
        lic.MapCommand<RevokeBody, LicenseView>("/{id}/revoke", (s, body, idem) => s.Core.Licenses.RevokeAsync(s.Caller, s.Id, body, idem, s.Act, s.Aborted)).SignedAct();
        lic.MapCommand<LifecycleBody, LicenseView>("/{id}/estate-consent", (s, _, idem) => s.Core.Licenses.EstateConsentAsync(s.Caller, s.Id, idem, s.Act, s.Aborted), none).SignedAct();
        lic.MapQuery("/{id}/usage", s => s.Core.Usage.ForLicenseAsync(s.Caller, s.Id, s.Query("cursor"), s.IntQuery("limit"), s.Aborted));

        app.MapGroup("/v1/performers").WithTags("Usage")
            .MapQuery("/{id}/usage", s => s.Core.Usage.ForPerformerAsync(s.Caller, s.Id, s.Query("cursor"), s.IntQuery("limit"), s.Aborted));
        return app;
    }
}
