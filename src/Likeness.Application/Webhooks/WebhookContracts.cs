namespace Likeness.Application.Webhooks;

/// <summary>The body of <c>POST /v1/webhooks</c>: where to deliver, and which event types (or <c>*</c> for all).</summary>
public sealed record WebhookBody(string Url, string[] Events);

/// <summary>
/// An endpoint as its owner sees it. <see cref="Secret"/> is present once: in the answer that created or rotated it; a
/// retry of that request answers <see cref="SecretShownOnce"/> instead.
/// </summary>
public sealed record WebhookEndpointView(string Id, string Url, string[] Events, DateTimeOffset CreatedAt, DateTimeOffset? PreviousSecretUntil)
{
    public string? Secret { get; init; }

    public bool? SecretShownOnce { get; init; }
}

/// <summary>One delivery in an endpoint's log.</summary>
public sealed record WebhookDeliveryView(
    string Id, string EventId, string EventType, string Status, int Attempts, DateTimeOffset CreatedAt, DateTimeOffset? NextAttemptAt,
    DateTimeOffset? LastAttemptAt, int? LastStatusCode, string? LastError, DateTimeOffset? DeliveredAt);

/// <summary>The answer to a test: the event queued for the endpoint.</summary>
public sealed record WebhookTestView(string EventId, string Type);

/// <summary>One delivery to attempt: where, signed with which secrets, and the exact body.</summary>
public sealed record DeliveryJob(WebhookDeliveryRecord Delivery, string Url, IReadOnlyList<string> Secrets, byte[] Payload);

/// <summary>
/// What one attempt came to: the HTTP status the endpoint answered (null when none came), or why it failed. A 2xx is
/// a delivery; anything else is retried on <see cref="RetrySchedule"/>.
/// </summary>
public sealed record DeliveryResult(string DeliveryId, DateTimeOffset At, int? StatusCode, string? Error)
{
    public bool Delivered => StatusCode is >= 200 and < 300;
}
