using System.Globalization;
using Likeness.Client.Transport;
using static Likeness.Client.Transport.JsonCalls;

namespace Likeness.Client;

/// <summary>Webhook endpoints and their deliveries.</summary>
public sealed class WebhooksClient
{
    private readonly JsonCalls _calls;

    internal WebhooksClient(JsonCalls calls) => _calls = calls;

    /// <summary><c>POST /v1/webhooks</c>: the answer carries the signing secret, once.</summary>
    public Task<WebhookEndpoint> CreateAsync(CreateWebhook webhook, CancellationToken ct = default) =>
        _calls.PostAsync("v1/webhooks", webhook, ClientJson.Default.CreateWebhook, ClientJson.Default.WebhookEndpoint, ct);

    /// <summary><c>GET /v1/webhooks</c>.</summary>
    public Task<WebhookEndpoint[]> ListAsync(CancellationToken ct = default) => _calls.GetAsync("v1/webhooks", ClientJson.Default.WebhookEndpointArray, ct);

    /// <summary><c>GET /v1/webhooks/{id}</c>.</summary>
    public Task<WebhookEndpoint> GetAsync(string id, CancellationToken ct = default) => _calls.GetAsync($"v1/webhooks/{Escape(id)}", ClientJson.Default.WebhookEndpoint, ct);

    /// <summary><c>DELETE /v1/webhooks/{id}</c>.</summary>
    public async Task<WebhookEndpoint> DeleteAsync(string id, CancellationToken ct = default) =>
        (await _calls.SendAsync(HttpMethod.Delete, $"v1/webhooks/{Escape(id)}", new NoteBody(), ClientJson.Default.NoteBody, ClientJson.Default.WebhookEndpoint, null, ct).ConfigureAwait(false)).Value;

    /// <summary><c>POST /v1/webhooks/{id}/rotate-secret</c>: the new secret, once; the old one stays valid a while.</summary>
    public Task<WebhookEndpoint> RotateSecretAsync(string id, CancellationToken ct = default) =>
        _calls.PostEmptyAsync($"v1/webhooks/{Escape(id)}/rotate-secret", ClientJson.Default.WebhookEndpoint, ct);

    /// <summary><c>POST /v1/webhooks/{id}/test</c>: queues a test event.</summary>
    public Task<WebhookTest> TestAsync(string id, CancellationToken ct = default) =>
        _calls.PostEmptyAsync($"v1/webhooks/{Escape(id)}/test", ClientJson.Default.WebhookTest, ct);

    /// <summary><c>GET /v1/webhooks/{id}/deliveries</c>.</summary>
    public Task<Page<WebhookDelivery>> DeliveriesAsync(string id, string? cursor = null, int? limit = null, CancellationToken ct = default) =>
        _calls.GetAsync(Query($"v1/webhooks/{Escape(id)}/deliveries", ("limit", limit?.ToString(CultureInfo.InvariantCulture)), ("cursor", cursor)), ClientJson.Default.PageWebhookDelivery, ct);

    /// <summary><c>POST /v1/webhook-deliveries/{id}/replay</c>.</summary>
    public Task<WebhookDelivery> ReplayAsync(string deliveryId, CancellationToken ct = default) =>
        _calls.PostEmptyAsync($"v1/webhook-deliveries/{Escape(deliveryId)}/replay", ClientJson.Default.WebhookDelivery, ct);
}
