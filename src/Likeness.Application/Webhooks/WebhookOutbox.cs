using Likeness.Application.Common;
using Likeness.Application.Ports;

namespace Likeness.Application.Webhooks;

/// <summary>
/// Puts an event in the outbox from inside the transaction of the change it reports: the event exists exactly when the
/// change does (a command that fails later takes its event with it). The body is fixed here, once, so every endpoint and
/// every retry receives the same bytes: <c>{"type", "timestamp", "data"}</c>, thin (ids and states, never terms, pay or
/// prompts: a receiver reads the rest with its own key).
/// </summary>
public static class WebhookOutbox
{
    /// <summary>Adds the event; returns its message id (the <c>webhook-id</c> every delivery of it carries).</summary>
    public static string Publish(IStoreSession s, string type, DateTimeOffset now, WebhookAudience audience, IReadOnlyDictionary<string, object?> data, string? endpointId = null)
    {
        ArgumentNullException.ThrowIfNull(s);
        var id = Ids.New("msg", now);
        var payload = Json.Serialize(new WebhookPayload(type, now, data));
        s.Webhooks.Publish(new WebhookEventRecord(0, id, type, audience, payload, now, endpointId));
        return id;
    }

    /// <summary>The body of every webhook.</summary>
    private sealed record WebhookPayload(string Type, DateTimeOffset Timestamp, IReadOnlyDictionary<string, object?> Data);
}
