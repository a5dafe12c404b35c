using Likeness.Application.Common;
using Likeness.Application.Contracts;
using Likeness.Application.Lists;
using Likeness.Application.Model;
using Likeness.Application.Ports;
using Likeness.Domain.Common;

namespace Likeness.Application.Webhooks;

/// <summary>
/// A party's webhook endpoints (add, list, delete, rotate the secret, send a test) and their delivery logs (with
/// replay); and, for the one node that delivers, the fan-out of the outbox into deliveries and the recording of each
/// attempt. Delivery itself (HTTP) is the server's.
/// </summary>
public sealed class WebhookService(IStore store, TimeProvider clock, Mutations mutations, WebhookSecretBox box, bool allowPrivateAddresses)
{
    /// <summary>How many live endpoints one party may have.</summary>
    public const int MaxEndpointsPerParty = 20;

    /// <summary>How long the previous secret keeps signing beside the new one after a rotation.</summary>
    public static readonly TimeSpan RotationOverlap = TimeSpan.FromHours(24);

    private const string FanOutCursor = "webhook_fanout_seq";

    // The last event this node fanned out (-1: not known yet); only ever behind the store's cursor, never ahead.
    private long _fannedOutTo = -1;

    public Task<Outcome> CreateAsync(PartyRecord caller, WebhookBody body, IdempotentRequest? idem, CancellationToken ct = default)
    {
        var url = CheckUrl(body.Url);
        var events = CheckEvents(body.Events);
        return mutations.WriteAsync(caller.Id, idem, s =>
        {
            if (s.Webhooks.ListEndpoints(caller.Id).Count >= MaxEndpointsPerParty)
            {
                throw AppProblem.Conflict("too_many_webhooks", $"A party has at most {MaxEndpointsPerParty} webhook endpoints; delete one first.");
            }

            var now = clock.GetUtcNow();
            var id = Ids.New("whk", now);
            var secret = WebhookSignature.NewSecret();
            var endpoint = new WebhookEndpointRecord(id, caller.Id, url, events, box.Seal(secret, id), null, null, now, null, s.Webhooks.LatestEventSeq());
            s.Webhooks.InsertEndpoint(endpoint);
            return Outcome.CreatedWithSecret(ToView(endpoint) with { Secret = secret }, ToView(endpoint) with { SecretShownOnce = true });
        }, ct);
    }

    public Task<Page<WebhookEndpointView>> ListAsync(PartyRecord caller, CancellationToken ct = default) =>
        store.ReadAsync(s => new Page<WebhookEndpointView>(s.Webhooks.ListEndpoints(caller.Id).Select(ToView).ToArray(), null), ct);

    public Task<WebhookEndpointView> GetAsync(PartyRecord caller, string id, CancellationToken ct = default) =>
        store.ReadAsync(s => ToView(Own(s, caller, id)), ct);

    /// <summary>Deletes the endpoint: nothing more is delivered to it, and its pending deliveries are cancelled.</summary>
    public Task<Outcome> DeleteAsync(PartyRecord caller, string id, IdempotentRequest? idem, CancellationToken ct = default) =>
        mutations.WriteAsync(caller.Id, idem, s =>
        {
            var endpoint = Own(s, caller, id);
            var deleted = endpoint with { DeletedAt = clock.GetUtcNow() };
            s.Webhooks.UpdateEndpoint(deleted);
            s.Webhooks.CancelPendingDeliveries(id);
            return Outcome.Ok(ToView(deleted));
        }, ct);

    /// <summary>A new secret, shown once; the previous one keeps signing beside it for <see cref="RotationOverlap"/>.</summary>
    public Task<Outcome> RotateSecretAsync(PartyRecord caller, string id, IdempotentRequest? idem, CancellationToken ct = default) =>
        mutations.WriteAsync(caller.Id, idem, s =>
        {
            var endpoint = Own(s, caller, id);
            var secret = WebhookSignature.NewSecret();
            var rotated = endpoint with
            {
                SealedSecret = box.Seal(secret, id),
                PreviousSealedSecret = endpoint.SealedSecret,
                PreviousSecretUntil = clock.GetUtcNow() + RotationOverlap,
            };
            s.Webhooks.UpdateEndpoint(rotated);
            return Outcome.OkWithSecret(ToView(rotated) with { Secret = secret }, ToView(rotated) with { SecretShownOnce = true });
        }, ct);

    /// <summary>Queues a <c>webhook.test</c> event for this endpoint alone (202: it is delivered like any other).</summary>
    public Task<Outcome> TestAsync(PartyRecord caller, string id, IdempotentRequest? idem, CancellationToken ct = default) =>
        mutations.WriteAsync(caller.Id, idem, s =>
        {
            var endpoint = Own(s, caller, id);
            var now = clock.GetUtcNow();
            var eventId = WebhookOutbox.Publish(s, WebhookEventTypes.Test, now, new WebhookAudience(null, [caller.Id]),
                new Dictionary<string, object?> { ["webhookId"] = endpoint.Id, ["partyId"] = caller.Id }, endpoint.Id);
            return Outcome.Of(202, new WebhookTestView(eventId, WebhookEventTypes.Test));
        }, ct);

    /// <summary>An endpoint's delivery log, newest first, with keyset paging.</summary>
    public Task<Page<WebhookDeliveryView>> DeliveriesAsync(PartyRecord caller, string id, int? limit, string? cursor, CancellationToken ct = default)
    {
        var size = ListPaging.Limit(limit);
        var after = ListPaging.Decode(cursor);
        return store.ReadAsync(
            s =>
            {
                Own(s, caller, id);
                var rows = s.Webhooks.ListDeliveries(id, after is { } k ? (k.At, k.Id) : null, size + 1);
                var items = rows.Take(size).Select(ToView).ToArray();
                return new Page<WebhookDeliveryView>(items, rows.Count > size ? ListPaging.Encode(items[^1].CreatedAt, items[^1].Id) : null);
            },
            ct);
    }

    /// <summary>Sends a delivery again, now, whatever became of it (a new round of attempts; the same message id).</summary>
    public Task<Outcome> ReplayAsync(PartyRecord caller, string deliveryId, IdempotentRequest? idem, CancellationToken ct = default) =>
        mutations.WriteAsync(caller.Id, idem, s =>
        {
            var delivery = s.Webhooks.GetDelivery(deliveryId) ?? throw AppProblem.NotFound("delivery");
            Own(s, caller, delivery.EndpointId);
            var replayed = delivery with { Status = DeliveryStatus.Pending, Attempts = 0, NextAttemptAt = clock.GetUtcNow() };
            s.Webhooks.UpdateDelivery(replayed);
            return Outcome.Of(202, ToView(replayed));
        }, ct);

    /// <summary>
    /// Turns the outbox's next events into deliveries, one per endpoint that subscribed to the type and whose party the
    /// event concerns (judged now: an estate gets a performer's events once her death is recorded). An endpoint gets only
    /// events published after it was created (by the outbox's order, not the clock's). Returns how many events were fanned out.
    /// </summary>
    public async Task<int> FanOutAsync(int limit, CancellationToken ct = default)
    {
        // A cheap look first, so an idle node does not take the write lock every round.
        if (_fannedOutTo >= 0 && await store.LookupAsync(s => s.Webhooks.LatestEventSeq(), ct) <= _fannedOutTo)
        {
            return 0;
        }

        var (count, last) = await store.WriteAsync(
            s =>
            {
                var after = long.TryParse(s.GetSetting(FanOutCursor), System.Globalization.CultureInfo.InvariantCulture, out var seq) ? seq : 0;
                var events = s.Webhooks.ReadEvents(after, limit);
                if (events.Count == 0)
                {
                    return (0, after);
                }

                var endpoints = s.Webhooks.ListEndpoints(null);
                var parties = new Dictionary<string, PartyRecord?>(StringComparer.Ordinal);
                PartyRecord? Party(string partyId) => parties.TryGetValue(partyId, out var p) ? p : parties[partyId] = s.GetParty(partyId);
                var now = clock.GetUtcNow();
                foreach (var e in events)
                {
                    var performer = e.Audience.PerformerId is { } performerId ? Party(performerId) : null;
                    foreach (var endpoint in endpoints)
                    {
                        var wanted = e.EndpointId is { } only
                            ? endpoint.Id == only
                            : e.Seq > endpoint.AfterSeq && Subscribes(endpoint, e.Type) && Party(endpoint.PartyId) is { } party && e.Audience.Reaches(party, performer);
                        if (wanted)
                        {
                            s.Webhooks.InsertDelivery(new WebhookDeliveryRecord(
                                Ids.New("dlv", now), endpoint.Id, e.Seq, e.Id, e.Type, DeliveryStatus.Pending, 0, now, null, null, null, null, now));
                        }
                    }
                }

                s.SetSetting(FanOutCursor, events[^1].Seq.ToString(System.Globalization.CultureInfo.InvariantCulture));
                return (events.Count, events[^1].Seq);
            },
            ct);
        _fannedOutTo = last;
        return count;
    }

    /// <summary>
    /// Pending deliveries due now, after <paramref name="after"/> in (due time, id) order when given (what the caller
    /// already holds is not read again) and skipping <paramref name="inFlight"/>, each with its endpoint's URL, the secrets
    /// to sign with (none when this node cannot open them) and the body.
    /// </summary>
    public Task<IReadOnlyList<DeliveryJob>> DueAsync(int limit, (DateTimeOffset At, string Id)? after, IReadOnlySet<string> inFlight, CancellationToken ct = default) =>
        store.ReadAsync<IReadOnlyList<DeliveryJob>>(
            s =>
            {
                var now = clock.GetUtcNow();
                var endpoints = new Dictionary<string, WebhookEndpointRecord?>(StringComparer.Ordinal);
                var due = s.Webhooks.ListDueDeliveries(now, after, after is null ? limit + inFlight.Count : limit);
                var events = EventsOf(s, due);
                var jobs = new List<DeliveryJob>();
                foreach (var d in due)
                {
                    if (jobs.Count == limit)
                    {
                        break;
                    }

                    if (inFlight.Contains(d.Id))
                    {
                        continue;
                    }

                    var endpoint = endpoints.TryGetValue(d.EndpointId, out var known) ? known : endpoints[d.EndpointId] = s.Webhooks.GetEndpoint(d.EndpointId);
                    var e = events.TryGetValue(d.EventSeq, out var seen) ? seen : events[d.EventSeq] = s.Webhooks.GetEvent(d.EventSeq);
                    if (endpoint is null || e is null)
                    {
                        continue;
                    }

                    var secrets = new List<string>(2);
                    if (box.Open(endpoint.SealedSecret, endpoint.Id) is { } current)
                    {
                        secrets.Add(current);
                    }

                    if (endpoint.PreviousSecretUntil > now && endpoint.PreviousSealedSecret is { } previous && box.Open(previous, endpoint.Id) is { } old)
                    {
                        secrets.Add(old);
                    }

                    jobs.Add(new DeliveryJob(d, endpoint.Url, secrets, System.Text.Encoding.UTF8.GetBytes(e.PayloadJson)));
                }

                return jobs;
            },
            ct);

    // A batch's events are usually neighbours in the outbox: one range read then, one read each otherwise.
    private static Dictionary<long, WebhookEventRecord?> EventsOf(IStoreSession s, IReadOnlyList<WebhookDeliveryRecord> due)
    {
        var events = new Dictionary<long, WebhookEventRecord?>();
        if (due.Count == 0)
        {
            return events;
        }

        var (min, max) = (due.Min(d => d.EventSeq), due.Max(d => d.EventSeq));
        if (max - min < 4L * due.Count)
        {
            foreach (var e in s.Webhooks.ReadEventRange(min, max))
            {
                events[e.Seq] = e;
            }
        }

        return events;
    }

    /// <summary>
    /// Records attempts: a 2xx delivers; anything else schedules the next attempt (<see cref="RetrySchedule"/>) or, after the
    /// last, fails the delivery. A delivery cancelled or replayed meanwhile is left as it now is.
    /// </summary>
    public Task RecordAsync(IReadOnlyList<(WebhookDeliveryRecord Delivery, DeliveryResult Result)> attempts, CancellationToken ct = default) =>
        store.WriteAsync(
            s =>
            {
                foreach (var (d, r) in attempts)
                {
                    var count = d.Attempts + 1;
                    var tried = d with { Attempts = count, LastAttemptAt = r.At, LastStatusCode = r.StatusCode, LastError = r.Error };
                    s.Webhooks.RecordAttempt(
                        r.Delivered
                            ? tried with { Status = DeliveryStatus.Delivered, DeliveredAt = r.At }
                            : RetrySchedule.After(count) is { } wait
                                ? tried with { NextAttemptAt = r.At + wait }
                                : tried with { Status = DeliveryStatus.Failed },
                        d.Attempts);
                }

                return attempts.Count;
            },
            ct);

    private string CheckUrl(string url)
    {
        var trimmed = url?.Trim() ?? "";
        return WebhookUrlRule.Check(trimmed, allowPrivateAddresses) is { } problem
            ? throw AppProblem.BadRequest("invalid_url", problem, "url")
            : trimmed;
    }

    private static string[] CheckEvents(string[]? events)
    {
        if (events is null || events.Length == 0)
        {
            throw AppProblem.BadRequest("required", "events lists at least one event type (or \"*\" for all).", "events");
        }

        for (var i = 0; i < events.Length; i++)
        {
            if (events[i] != WebhookEventTypes.Wildcard && !WebhookEventTypes.All.Contains(events[i]))
            {
                throw AppProblem.BadRequest("unknown_code", $"events[{i}] is not an event type; the types are {string.Join(", ", WebhookEventTypes.All)} (or \"*\").", $"events[{i}]");
            }
        }

        return events.Contains(WebhookEventTypes.Wildcard) ? [WebhookEventTypes.Wildcard] : events.Distinct(StringComparer.Ordinal).ToArray();
    }

    private static bool Subscribes(WebhookEndpointRecord endpoint, string type) =>
        endpoint.DeletedAt is null && (endpoint.Events.Contains(type) || endpoint.Events.Contains(WebhookEventTypes.Wildcard));

    // Another party's endpoint is "not found": ids must not reveal who has webhooks.
    private static WebhookEndpointRecord Own(IStoreSession s, PartyRecord caller, string id) =>
        s.Webhooks.GetEndpoint(id) is { DeletedAt: null } e && e.PartyId == caller.Id ? e : throw AppProblem.NotFound("webhook endpoint");

    private static WebhookEndpointView ToView(WebhookEndpointRecord e) =>
        new(e.Id, e.Url, e.Events.ToArray(), e.CreatedAt, e.PreviousSecretUntil);

    private static WebhookDeliveryView ToView(WebhookDeliveryRecord d) =>
        new(d.Id, d.EventId, d.EventType, Vocabulary<DeliveryStatus>.Name(d.Status), d.Attempts, d.CreatedAt,
            d.Status == DeliveryStatus.Pending ? d.NextAttemptAt : null, d.LastAttemptAt, d.LastStatusCode, d.LastError, d.DeliveredAt);
}
