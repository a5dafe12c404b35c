namespace Likeness.Application.Webhooks;

/// <summary>
/// A party's webhook endpoint. The signing secret is stored sealed (<see cref="WebhookSecretBox"/>), never in clear;
/// after a rotation the previous secret keeps signing beside the new one until <see cref="PreviousSecretUntil"/>. It
/// receives the events after <see cref="AfterSeq"/>, the outbox's newest when it was created.
/// </summary>
public sealed record WebhookEndpointRecord(
    string Id, string PartyId, string Url, IReadOnlyList<string> Events, string SealedSecret, string? PreviousSealedSecret,
    DateTimeOffset? PreviousSecretUntil, DateTimeOffset CreatedAt, DateTimeOffset? DeletedAt, long AfterSeq);

/// <summary>
/// One event in the outbox: its Standard Webhooks message id, type, who it concerns, and the exact body every endpoint
/// receives. <see cref="EndpointId"/> is set for a test event meant for one endpoint only.
/// </summary>
public sealed record WebhookEventRecord(
    long Seq, string Id, string Type, WebhookAudience Audience, string PayloadJson, DateTimeOffset CreatedAt, string? EndpointId = null);

/// <summary>Where a delivery stands.</summary>
public enum DeliveryStatus { Pending, Delivered, Failed, Cancelled }

/// <summary>One event's delivery to one endpoint: its attempts so far and the next one.</summary>
public sealed record WebhookDeliveryRecord(
    string Id, string EndpointId, long EventSeq, string EventId, string EventType, DeliveryStatus Status, int Attempts,
    DateTimeOffset NextAttemptAt, DateTimeOffset? LastAttemptAt, int? LastStatusCode, string? LastError, DateTimeOffset? DeliveredAt,
    DateTimeOffset CreatedAt);
