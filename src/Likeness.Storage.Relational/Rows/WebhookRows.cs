using System.Text.Json;
using Likeness.Application.Model;
using Likeness.Application.Ports;
using Likeness.Application.Webhooks;
using Likeness.Domain.Common;
using Likeness.Storage.Relational.Sql;

namespace Likeness.Storage.Relational.Rows;

/// <summary>
/// The <c>webhook_endpoints</c>, <c>webhook_events</c> (the outbox) and <c>webhook_deliveries</c> tables, and the licences'
/// notice columns. Event lists and audiences are stored as small JSON documents of their own shape.
/// </summary>
internal sealed class WebhookRows(ISql sql) : IWebhookSession
{
    private static readonly Columns EndpointColumns = new("id", "party_id", "url", "events", "secret", "previous_secret", "previous_until", "created_at", "deleted_at", "after_seq");
    private static readonly Columns EventColumns = new("seq", "id", "type", "audience", "payload", "created_at", "endpoint_id");
    private static readonly Columns DeliveryColumns = new(
        "id", "endpoint_id", "event_seq", "event_id", "event_type", "status", "attempts", "next_attempt_at", "last_attempt_at", "last_status", "last_error",
        "delivered_at", "created_at");

    public void InsertEndpoint(WebhookEndpointRecord e) =>
        sql.Exec($"INSERT INTO webhook_endpoints({EndpointColumns.Sql}) VALUES (@p0,@p1,@p2,@p3,@p4,@p5,@p6,@p7,@p8,@p9)",
            e.Id, e.PartyId, e.Url, JsonSerializer.Serialize(e.Events), e.SealedSecret, e.PreviousSealedSecret, e.PreviousSecretUntil?.UtcTicks, e.CreatedAt.UtcTicks,
            e.DeletedAt?.UtcTicks, e.AfterSeq);

    public void UpdateEndpoint(WebhookEndpointRecord e) =>
        sql.Exec("UPDATE webhook_endpoints SET secret=@p1, previous_secret=@p2, previous_until=@p3, deleted_at=@p4 WHERE id=@p0",
            e.Id, e.SealedSecret, e.PreviousSealedSecret, e.PreviousSecretUntil?.UtcTicks, e.DeletedAt?.UtcTicks);

    public WebhookEndpointRecord? GetEndpoint(string id) => sql.One($"SELECT {EndpointColumns.Sql} FROM webhook_endpoints WHERE id = @p0", EndpointColumns, ReadEndpoint, id);

    public IReadOnlyList<WebhookEndpointRecord> ListEndpoints(string? partyId) =>
        partyId is null
            ? sql.Many($"SELECT {EndpointColumns.Sql} FROM webhook_endpoints WHERE deleted_at IS NULL ORDER BY created_at, id", EndpointColumns, ReadEndpoint)
            : sql.Many($"SELECT {EndpointColumns.Sql} FROM webhook_endpoints WHERE party_id = @p0 AND deleted_at IS NULL ORDER BY created_at, id", EndpointColumns, ReadEndpoint, partyId);

    public void Publish(WebhookEventRecord e) =>
        sql.Exec("INSERT INTO webhook_events(id, type, audience, payload, created_at, endpoint_id) VALUES (@p0,@p1,@p2,@p3,@p4,@p5)",
            e.Id, e.Type, EncodeAudience(e.Audience), e.PayloadJson, e.CreatedAt.UtcTicks, e.EndpointId);

    public IReadOnlyList<WebhookEventRecord> ReadEvents(long afterSeq, int limit) =>
        sql.Many($"SELECT {EventColumns.Sql} FROM webhook_events WHERE seq > @p0 ORDER BY seq LIMIT @p1", EventColumns, ReadEvent, afterSeq, limit);

    public WebhookEventRecord? GetEvent(long seq) => sql.One($"SELECT {EventColumns.Sql} FROM webhook_events WHERE seq = @p0", EventColumns, ReadEvent, seq);

    public long LatestEventSeq() => sql.Scalar<long>("SELECT COALESCE(MAX(seq), 0) FROM webhook_events");

    public void InsertDelivery(WebhookDeliveryRecord d) =>
        sql.Exec($"INSERT INTO webhook_deliveries({DeliveryColumns.Sql}) VALUES (@p0,@p1,@p2,@p3,@p4,@p5,@p6,@p7,@p8,@p9,@p10,@p11,@p12)",
            d.Id, d.EndpointId, d.EventSeq, d.EventId, d.EventType, Vocabulary<DeliveryStatus>.Name(d.Status), d.Attempts, d.NextAttemptAt.UtcTicks,
            d.LastAttemptAt?.UtcTicks, d.LastStatusCode, d.LastError, d.DeliveredAt?.UtcTicks, d.CreatedAt.UtcTicks);

    public void UpdateDelivery(WebhookDeliveryRecord d) =>
        sql.Exec("UPDATE webhook_deliveries SET status=@p1, attempts=@p2, next_attempt_at=@p3, last_attempt_at=@p4, last_status=@p5, last_error=@p6, delivered_at=@p7 WHERE id=@p0",
            d.Id, Vocabulary<DeliveryStatus>.Name(d.Status), d.Attempts, d.NextAttemptAt.UtcTicks, d.LastAttemptAt?.UtcTicks, d.LastStatusCode, d.LastError, d.DeliveredAt?.UtcTicks);

    public void RecordAttempt(WebhookDeliveryRecord d, int attemptsBefore) =>
        sql.Exec("UPDATE webhook_deliveries SET status=@p1, attempts=@p2, next_attempt_at=@p3, last_attempt_at=@p4, last_status=@p5, last_error=@p6, delivered_at=@p7 WHERE id=@p0 AND status='pending' AND attempts=@p8",
            d.Id, Vocabulary<DeliveryStatus>.Name(d.Status), d.Attempts, d.NextAttemptAt.UtcTicks, d.LastAttemptAt?.UtcTicks, d.LastStatusCode, d.LastError, d.DeliveredAt?.UtcTicks, attemptsBefore);

    public IReadOnlyList<WebhookEventRecord> ReadEventRange(long from, long to) =>
        sql.Many($"SELECT {EventColumns.Sql} FROM webhook_events WHERE seq >= @p0 AND seq <= @p1 ORDER BY seq", EventColumns, ReadEvent, from, to);

    public WebhookDeliveryRecord? GetDelivery(string id) =>
        sql.One($"SELECT {DeliveryColumns.Sql} FROM webhook_deliveries WHERE id = @p0", DeliveryColumns, ReadDelivery, id);

    public IReadOnlyList<WebhookDeliveryRecord> ListDueDeliveries(DateTimeOffset now, (DateTimeOffset At, string Id)? after, int limit) =>
        after is { } a
            ? sql.Many(
                $"SELECT {DeliveryColumns.Sql} FROM webhook_deliveries WHERE status = 'pending' AND next_attempt_at <= @p0 AND (next_attempt_at > @p1 OR (next_attempt_at = @p1 AND id > @p2)) ORDER BY next_attempt_at, id LIMIT @p3",
                DeliveryColumns, ReadDelivery, now.UtcTicks, a.At.UtcTicks, a.Id, limit)
            : sql.Many($"SELECT {DeliveryColumns.Sql} FROM webhook_deliveries WHERE status = 'pending' AND next_attempt_at <= @p0 ORDER BY next_attempt_at, id LIMIT @p1",
                DeliveryColumns, ReadDelivery, now.UtcTicks, limit);

    public IReadOnlyList<WebhookDeliveryRecord> ListDeliveries(string endpointId, (DateTimeOffset At, string Id)? before, int limit) =>
        before is { } b
            ? sql.Many($"SELECT {DeliveryColumns.Sql} FROM webhook_deliveries WHERE endpoint_id = @p0 AND (created_at < @p1 OR (created_at = @p1 AND id < @p2)) ORDER BY created_at DESC, id DESC LIMIT @p3",
                DeliveryColumns, ReadDelivery, endpointId, b.At.UtcTicks, b.Id, limit)
            : sql.Many($"SELECT {DeliveryColumns.Sql} FROM webhook_deliveries WHERE endpoint_id = @p0 ORDER BY created_at DESC, id DESC LIMIT @p1",
                DeliveryColumns, ReadDelivery, endpointId, limit);

    public void CancelPendingDeliveries(string endpointId) =>
        sql.Exec("UPDATE webhook_deliveries SET status = 'cancelled' WHERE endpoint_id = @p0 AND status = 'pending'", endpointId);

    public IReadOnlyList<LicenseRecord> ListLicensesDueNotice(DateTimeOffset now, int limit) => LicenseRows.ListDueNotice(sql, now, limit);

    public void SetNextNotice(string licenseId, DateTimeOffset? at) => LicenseRows.SetNextNotice(sql, licenseId, at);

    public IReadOnlyList<LicenseRecord> ListUnannouncedRevocations(DateTimeOffset now, int limit) => LicenseRows.ListUnannouncedRevocations(sql, now, limit);

    public void MarkRevocationAnnounced(string licenseId) => LicenseRows.MarkRevocationAnnounced(sql, licenseId);

    private static WebhookEndpointRecord ReadEndpoint(Row r) => new(
        r.Text("id"), r.Text("party_id"), r.Text("url"), JsonSerializer.Deserialize<string[]>(r.Text("events")) ?? [], r.Text("secret"),
        r.TextOrNull("previous_secret"), r.TimeOrNull("previous_until"), r.Time("created_at"), r.TimeOrNull("deleted_at"), r.Long("after_seq"));

    private static WebhookEventRecord ReadEvent(Row r) =>
        new(r.Long("seq"), r.Text("id"), r.Text("type"), DecodeAudience(r.Text("audience")), r.Text("payload"), r.Time("created_at"), r.TextOrNull("endpoint_id"));

    private static WebhookDeliveryRecord ReadDelivery(Row r) => new(
        r.Text("id"), r.Text("endpoint_id"), r.Long("event_seq"), r.Text("event_id"), r.Text("event_type"), r.Code<DeliveryStatus>("status"), r.Int("attempts"),
        r.Time("next_attempt_at"), r.TimeOrNull("last_attempt_at"), r.LongOrNull("last_status") is { } status ? checked((int)status) : null, r.TextOrNull("last_error"),
        r.TimeOrNull("delivered_at"), r.Time("created_at"));

    // The stored shape of an audience: {"performer", "parties", "unions", "everyone"}, written here and read only here.
    private sealed record StoredAudience(string? Performer, string[] Parties, bool Unions, bool Everyone);

    private static string EncodeAudience(WebhookAudience a) =>
        JsonSerializer.Serialize(new StoredAudience(a.PerformerId, a.Parties.ToArray(), a.Unions, a.Everyone), JsonSerializerOptions.Web);

    private static WebhookAudience DecodeAudience(string json) =>
        JsonSerializer.Deserialize<StoredAudience>(json, JsonSerializerOptions.Web) is { } a
            ? new WebhookAudience(a.Performer, a.Parties ?? [], a.Unions, a.Everyone)
            : throw new FormatException("A stored webhook audience is empty.");
}
