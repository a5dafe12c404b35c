using Likeness.Application.Model;
using Likeness.Application.Webhooks;

namespace Likeness.Application.Ports;

/// <summary>
/// The webhook tables: endpoints, the outbox of events (written in the transaction of the change each reports), and
/// the deliveries fanned out from it, one per endpoint and event.
/// </summary>
public interface IWebhookSession
{
    void InsertEndpoint(WebhookEndpointRecord endpoint);
    void UpdateEndpoint(WebhookEndpointRecord endpoint);

    /// <summary>An endpoint, deleted or not.</summary>
    WebhookEndpointRecord? GetEndpoint(string id);

    /// <summary>The live endpoints of <paramref name="partyId"/>, or of every party when null, in creation order.</summary>
    IReadOnlyList<WebhookEndpointRecord> ListEndpoints(string? partyId);

    /// <summary>Adds an event to the outbox; its sequence number is given by the store, in commit order.</summary>
    void Publish(WebhookEventRecord webhookEvent);

    /// <summary>Events after <paramref name="afterSeq"/>, in sequence order.</summary>
    IReadOnlyList<WebhookEventRecord> ReadEvents(long afterSeq, int limit);

    WebhookEventRecord? GetEvent(long seq);

    /// <summary>The sequence number of the newest event (0 when there is none).</summary>
    long LatestEventSeq();

    void InsertDelivery(WebhookDeliveryRecord delivery);
    void UpdateDelivery(WebhookDeliveryRecord delivery);

    /// <summary>
    /// Records an attempt: writes <paramref name="delivery"/> only while the stored delivery is still pending after
    /// <paramref name="attemptsBefore"/> attempts (a cancellation or a replay in between wins).
    /// </summary>
    void RecordAttempt(WebhookDeliveryRecord delivery, int attemptsBefore);

    /// <summary>The events with sequence numbers in [<paramref name="from"/>, <paramref name="to"/>].</summary>
    IReadOnlyList<WebhookEventRecord> ReadEventRange(long from, long to);
    WebhookDeliveryRecord? GetDelivery(string id);

    /// <summary>Pending deliveries due at <paramref name="now"/>, in (due time, id) order, after <paramref name="after"/> when given.</summary>
    IReadOnlyList<WebhookDeliveryRecord> ListDueDeliveries(DateTimeOffset now, (DateTimeOffset At, string Id)? after, int limit);

    /// <summary>An endpoint's deliveries, newest first, before the (created, id) cursor when given.</summary>
    IReadOnlyList<WebhookDeliveryRecord> ListDeliveries(string endpointId, (DateTimeOffset At, string Id)? before, int limit);

    /// <summary>Licences whose next expiry notice (30, 7 or 1 days before the term end) is due at <paramref name="now"/>.</summary>
    IReadOnlyList<LicenseRecord> ListLicensesDueNotice(DateTimeOffset now, int limit);

    /// <summary>When the licence's next expiry notice falls due; null when none is left.</summary>
    void SetNextNotice(string licenseId, DateTimeOffset? at);

    /// <summary>Licences revoked with notice whose revocation took effect by <paramref name="now"/> and was not announced yet.</summary>
    IReadOnlyList<LicenseRecord> ListUnannouncedRevocations(DateTimeOffset now, int limit);

    void MarkRevocationAnnounced(string licenseId);

    /// <summary>Cancels an endpoint's pending deliveries (it was deleted).</summary>
    void CancelPendingDeliveries(string endpointId);
}
