using Likeness.Application.Contracts;
using Likeness.Application.Webhooks;
using Likeness.Server.Http;
using Likeness.Server.Http.OpenApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Likeness.Server.Api;

/// <summary>A party's webhook endpoints and their delivery logs (docs/WEBHOOKS.md).</summary>
public static class WebhooksApi
{
    public static IEndpointRouteBuilder MapWebhooksApi(this IEndpointRouteBuilder app)
    {
        var hooks = app.MapGroup("/v1/webhooks").WithTags("Webhooks");
        var none = new NoBody();
        hooks.MapCommand<WebhookBody, WebhookEndpointView>("", (s, body, idem) => s.Core.Webhooks.CreateAsync(s.Caller, body, idem, s.Aborted), status: 201);
        hooks.MapQuery("", s => s.Core.Webhooks.ListAsync(s.Caller, s.Aborted));
        hooks.MapQuery("/{id}", s => s.Core.Webhooks.GetAsync(s.Caller, s.Id, s.Aborted));
        hooks.MapCommand<NoBody, WebhookEndpointView>("/{id}", (s, _, idem) => s.Core.Webhooks.DeleteAsync(s.Caller, s.Id, idem, s.Aborted), none, method: "DELETE");
        hooks.MapCommand<NoBody, WebhookEndpointView>("/{id}/rotate-secret", (s, _, idem) => s.Core.Webhooks.RotateSecretAsync(s.Caller, s.Id, idem, s.Aborted), none);
        hooks.MapCommand<NoBody, WebhookTestView>("/{id}/test", (s, _, idem) => s.Core.Webhooks.TestAsync(s.Caller, s.Id, idem, s.Aborted), none, 202);
        hooks.MapQuery("/{id}/deliveries", s => s.Core.Webhooks.DeliveriesAsync(s.Caller, s.Id, s.IntQuery("limit"), s.Query("cursor"), s.Aborted));
        app.MapGroup("/v1/webhook-deliveries").WithTags("Webhooks")
            .MapCommand<NoBody, WebhookDeliveryView>("/{id}/replay", (s, _, idem) => s.Core.Webhooks.ReplayAsync(s.Caller, s.Id, idem, s.Aborted), none, 202);
        return app;
    }
}
