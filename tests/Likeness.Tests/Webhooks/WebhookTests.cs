using System.Text.Json.Nodes;
using Likeness.Application.Webhooks;
using Likeness.Tests.Support;
using Xunit;

namespace Likeness.Tests.Webhooks;

/// <summary>
/// Webhooks (issue 13) end to end against a real HTTP receiver: who gets which event, Standard Webhooks signatures
/// checked by the reference library, the secret shown once and kept sealed, retries on the back-off schedule until the
/// delivery fails, replay, rotation (two signatures for a day), deletion, and the notices time brings.
/// </summary>
public abstract class WebhookTests(Provider provider) : WebhookWorldTests(provider)
{
    private async Task<(string Id, string Secret)> AddAsync(Actor who, params string[] events)
    {
        var (status, body) = await W.As(who).PostAsync("/v1/webhooks", new { url = Receiver.Url, events });
        Assert.True(status == 201, body?.ToJsonString());
        return (body!["id"]!.GetValue<string>(), body["secret"]!.GetValue<string>());
    }

    private async Task<string> RequestAsync()
    {
        var (status, r) = await W.As(W.Studio).PostAsync("/v1/license-requests", new { performerId = W.Performer.Id, project = "P", description = World.Description, uses = new[] { World.Use() } });
        Assert.True(status == 201, r?.ToJsonString());
        return r!["id"]!.GetValue<string>();
    }

    private async Task<JsonNode> DeliveryAsync(Actor who, string endpointId, Func<JsonNode, bool> until)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var (status, page) = await W.As(who).GetJsonAsync($"/v1/webhooks/{endpointId}/deliveries");
            Assert.Equal(200, status);
            if (page!["items"]!.AsArray().FirstOrDefault() is { } d && until(d))
            {
                return d;
            }

            Assert.True(DateTime.UtcNow < deadline, $"the delivery log never showed what was expected: {page.ToJsonString()}");
            await Task.Delay(20); // polls the log: the attempt's record follows its request by a batch
        }
    }

    [Fact]
    public async Task The_performer_hears_of_a_request_and_the_studio_of_its_approval_signed_as_the_reference_library_verifies()
    {
        var (performerHook, performerSecret) = await AddAsync(W.Performer, WebhookEventTypes.RequestReceived);
        var (_, studioSecret) = await AddAsync(W.Studio, "*");
        var requestId = await RequestAsync();

        var received = await Receiver.WaitForAsync(r => r.Count >= 1);
        var hook = Assert.Single(received);
        Assert.Equal(WebhookEventTypes.RequestReceived, hook.Type);
        Assert.Equal(requestId, hook.Json["data"]!["requestId"]!.GetValue<string>());
        Assert.Equal("pending", hook.Json["data"]!["status"]!.GetValue<string>());
        Assert.StartsWith("msg_", hook.Id, StringComparison.Ordinal);
        Assert.Equal(Server.Clock.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), hook.Timestamp);

        var (status, license) = await W.As(W.Performer).PostAsync($"/v1/license-requests/{requestId}/approve", new { });
        Assert.True(status == 201, license?.ToJsonString());
        received = await Receiver.WaitForAsync(r => r.Count >= 2);
        var approved = received[1];
        Assert.Equal(WebhookEventTypes.RequestApproved, approved.Type);
        Assert.Equal(license!["id"]!.GetValue<string>(), approved.Json["data"]!["licenseId"]!.GetValue<string>());

        var verdicts = await WebhookReceiver.VerifyWithReferenceAsync([(hook, performerSecret), (approved, studioSecret), (approved, performerSecret)], Server.Clock.GetUtcNow());
        Assert.Equal(["true", "true"], verdicts.Take(2));
        Assert.NotEqual("true", verdicts[2]);

        var log = await DeliveryAsync(W.Performer, performerHook, d => d["status"]!.GetValue<string>() == "delivered");
        Assert.Equal(1, log["attempts"]!.GetValue<int>());
        Assert.Equal(200, log["lastStatusCode"]!.GetValue<int>());
        Assert.Equal(hook.Id, log["eventId"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_secret_is_shown_once_and_stored_only_sealed()
    {
        var body = new { url = Receiver.Url, events = new[] { "*" } };
        var (status, first) = await W.As(W.Performer).SendAsync(HttpMethod.Post, "/v1/webhooks", body, "hook-1");
        Assert.Equal(201, status);
        var secret = first!["secret"]!.GetValue<string>();
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
        Assert.Equal(32, Convert.FromBase64String(secret["whsec_".Length..]).Length);

        var (again, replay) = await W.As(W.Performer).SendAsync(HttpMethod.Post, "/v1/webhooks", body, "hook-1");
        Assert.Equal(201, again);
        Assert.Null(replay!["secret"]);
        Assert.True(replay["secretShownOnce"]!.GetValue<bool>());
        Assert.Equal(first["id"]!.GetValue<string>(), replay["id"]!.GetValue<string>());

        var (_, list) = await W.As(W.Performer).GetJsonAsync("/v1/webhooks");
        var only = Assert.Single(list!["items"]!.AsArray());
        Assert.Null(only!["secret"]);

        var id = first["id"]!.GetValue<string>();
        var stored = await Store.ReadAsync(s => s.Webhooks.GetEndpoint(id));
        Assert.DoesNotContain(secret["whsec_".Length..], stored!.SealedSecret, StringComparison.Ordinal);
        Assert.Equal(404, (await W.As(W.Studio).GetJsonAsync($"/v1/webhooks/{id}")).Status);
        Assert.Equal(404, (await W.As(W.Studio).SendAsync(HttpMethod.Delete, $"/v1/webhooks/{id}")).Status);
    }

    [Theory]
    [InlineData("ftp://example.com/hook", "[\"*\"]", "url")]
    [InlineData("/relative", "[\"*\"]", "url")]
    [InlineData("https://user:pw@example.com/hook", "[\"*\"]", "url")]
    [InlineData("https://example.com/hook", "[]", "events")]
    [InlineData("https://example.com/hook", "[\"license.exploded\"]", "events[0]")]
    public async Task A_bad_url_or_event_is_a_400_naming_the_field(string url, string events, string field)
    {
        var (status, problem) = await W.As(W.Performer).PostAsync("/v1/webhooks", $"{{\"url\":\"{url}\",\"events\":{events}}}");
        Assert.True(status == 400, problem?.ToJsonString());
        Assert.Equal(field, problem!["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_failed_delivery_is_retried_on_the_schedule_for_over_a_day_then_failed_and_replay_delivers_it()
    {
        Receiver.Answer = _ => 500;
        var (hook, _) = await AddAsync(W.Performer, "*");
        var (status, test) = await W.As(W.Performer).PostAsync($"/v1/webhooks/{hook}/test", new { });
        Assert.Equal(202, status);
        Assert.Equal(WebhookEventTypes.Test, test!["type"]!.GetValue<string>());

        var started = Server.Clock.GetUtcNow();
        for (var attempt = 1; attempt <= RetrySchedule.MaxAttempts; attempt++)
        {
            var n = attempt;
            await Receiver.WaitForAsync(r => r.Count >= n);
            var d = await DeliveryAsync(W.Performer, hook, x => x["attempts"]!.GetValue<int>() == n);
            Assert.Equal(500, d["lastStatusCode"]!.GetValue<int>());
            if (RetrySchedule.After(attempt) is { } wait)
            {
                Assert.Equal("pending", d["status"]!.GetValue<string>());
                Assert.Equal(Server.Clock.GetUtcNow() + wait, d["nextAttemptAt"]!.GetValue<DateTimeOffset>());
                Server.Clock.Advance(wait);
            }
            else
            {
                Assert.Equal("failed", d["status"]!.GetValue<string>());
                Assert.Null(d["nextAttemptAt"]);
            }
        }

        Assert.True(Server.Clock.GetUtcNow() - started > TimeSpan.FromDays(1));
        Assert.All(Receiver.Received, r => Assert.Equal(test["eventId"]!.GetValue<string>(), r.Id));

        Receiver.Answer = _ => 204;
        var log = await DeliveryAsync(W.Performer, hook, _ => true);
        var (replayed, view) = await W.As(W.Performer).PostAsync($"/v1/webhook-deliveries/{log["id"]!.GetValue<string>()}/replay", new { });
        Assert.True(replayed == 202, view?.ToJsonString());
        var delivered = await DeliveryAsync(W.Performer, hook, x => x["status"]!.GetValue<string>() == "delivered");
        Assert.Equal(204, delivered["lastStatusCode"]!.GetValue<int>());
        Assert.Equal(404, (await W.As(W.Studio).PostAsync($"/v1/webhook-deliveries/{log["id"]!.GetValue<string>()}/replay", new { })).Status);
    }

    [Fact]
    public async Task After_a_rotation_both_secrets_sign_for_a_day_and_the_new_one_is_shown_once()
    {
        var (hook, oldSecret) = await AddAsync(W.Performer, "*");
        var (status, rotated) = await W.As(W.Performer).PostAsync($"/v1/webhooks/{hook}/rotate-secret", new { });
        Assert.Equal(200, status);
        var newSecret = rotated!["secret"]!.GetValue<string>();
        Assert.NotEqual(oldSecret, newSecret);
        Assert.Equal(Server.Clock.GetUtcNow() + WebhookService.RotationOverlap, rotated["previousSecretUntil"]!.GetValue<DateTimeOffset>());

        await W.As(W.Performer).PostAsync($"/v1/webhooks/{hook}/test", new { });
        var during = (await Receiver.WaitForAsync(r => r.Count >= 1))[0];
        Assert.Equal(2, during.Signature.Split(' ').Length);
        Assert.Equal(["true", "true"], await WebhookReceiver.VerifyWithReferenceAsync([(during, newSecret), (during, oldSecret)], Server.Clock.GetUtcNow()));

        Server.Clock.Advance(WebhookService.RotationOverlap + TimeSpan.FromSeconds(1));
        await W.As(W.Performer).PostAsync($"/v1/webhooks/{hook}/test", new { });
        var after = (await Receiver.WaitForAsync(r => r.Count >= 2))[1];
        Assert.NotEqual(during.Id, after.Id);
        Assert.True(after.Signature.Split(' ').Length == 1, $"{after.Timestamp} {Server.Clock.GetUtcNow().ToUnixTimeSeconds()} {after.Body}");
        var verdicts = await WebhookReceiver.VerifyWithReferenceAsync([(after, newSecret), (after, oldSecret)], Server.Clock.GetUtcNow());
        Assert.Equal("true", verdicts[0]);
        Assert.NotEqual("true", verdicts[1]);
    }

    [Fact]
    public async Task Deleting_an_endpoint_cancels_its_pending_deliveries_and_stops_new_ones()
    {
        Receiver.Answer = _ => 503;
        var (hook, _) = await AddAsync(W.Performer, "*");
        await W.As(W.Performer).PostAsync($"/v1/webhooks/{hook}/test", new { });
        await DeliveryAsync(W.Performer, hook, d => d["attempts"]!.GetValue<int>() == 1);

        var (status, _) = await W.As(W.Performer).SendAsync(HttpMethod.Delete, $"/v1/webhooks/{hook}");
        Assert.Equal(200, status);
        Assert.Equal(404, (await W.As(W.Performer).GetJsonAsync($"/v1/webhooks/{hook}")).Status);
        Assert.Empty((await W.As(W.Performer).GetJsonAsync("/v1/webhooks")).Body!["items"]!.AsArray());

        await RequestAsync();
        await Server.Server.Core.Webhooks.FanOutAsync(1000);
        var deliveries = await Store.ReadAsync(s => s.Webhooks.ListDeliveries(hook, null, 10));
        var only = Assert.Single(deliveries);
        Assert.Equal(DeliveryStatus.Cancelled, only.Status);
    }

    [Fact]
    public async Task A_licence_is_announced_30_7_and_1_days_before_it_ends_once_each()
    {
        await AddAsync(W.Studio, WebhookEventTypes.LicenseExpiring);
        var end = TestServer.Epoch.AddDays(365);
        foreach (var (daysLeft, n) in new[] { (29.5, 1), (6.5, 2), (0.5, 3) })
        {
            Server.Clock.Advance(end - TimeSpan.FromDays(daysLeft) - Server.Clock.GetUtcNow());
            await Server.Server.Core.LicenseNotices.PublishDueAsync();
            await Server.Server.Core.LicenseNotices.PublishDueAsync();
            await Receiver.WaitForAsync(r => r.Count >= n);
        }

        var notices = Receiver.Received;
        Assert.Equal([30, 7, 1], notices.Select(r => r.Json["data"]!["daysBefore"]!.GetValue<int>()));
        Assert.All(notices, r => Assert.Equal(W.LicenseId, r.Json["data"]!["licenseId"]!.GetValue<string>()));
        Assert.Equal(3, notices.Select(r => r.Id).Distinct().Count());
    }

    [Fact]
    public async Task A_revocation_with_notice_is_announced_when_made_and_when_it_takes_effect()
    {
        await AddAsync(W.Studio, WebhookEventTypes.LicenseRevoked, WebhookEventTypes.LicenseRevocationEffective);
        var (status, _) = await W.As(W.Performer).PostAsync($"/v1/licenses/{W.LicenseId}/revoke", new { noticeDays = 10 });
        Assert.Equal(200, status);
        var revoked = (await Receiver.WaitForAsync(r => r.Count >= 1))[0];
        Assert.Equal(WebhookEventTypes.LicenseRevoked, revoked.Type);
        Assert.Equal(Server.Clock.GetUtcNow().AddDays(10), revoked.Json["data"]!["effectiveAt"]!.GetValue<DateTimeOffset>());

        await Server.Server.Core.LicenseNotices.PublishDueAsync();
        Server.Clock.Advance(TimeSpan.FromDays(10));
        await Server.Server.Core.LicenseNotices.PublishDueAsync();
        var effective = (await Receiver.WaitForAsync(r => r.Count >= 2))[1];
        Assert.Equal(WebhookEventTypes.LicenseRevocationEffective, effective.Type);
    }

    [Fact]
    public async Task The_performer_side_hears_of_a_render_waiting_for_its_approval()
    {
        await AddAsync(W.Representative, WebhookEventTypes.RenderPendingApproval);
        var (status, render) = await W.As(W.Studio).PostAsync("/v1/renders", World.RenderBody(W.LicenseId, categories: ["violence"]));
        Assert.True(status == 202, render?.ToJsonString());
        var hook = (await Receiver.WaitForAsync(r => r.Count >= 1))[0];
        Assert.Equal(WebhookEventTypes.RenderPendingApproval, hook.Type);
        Assert.Equal(render!["renderId"]!.GetValue<string>(), hook.Json["data"]!["renderId"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_estate_and_the_licensee_hear_of_a_death_and_a_stranger_does_not()
    {
        await AddAsync(W.Estate, WebhookEventTypes.PerformerDied);
        await AddAsync(W.Studio, WebhookEventTypes.PerformerDied);
        await AddAsync(W.OtherStudio, WebhookEventTypes.PerformerDied);
        var (status, _) = await W.As(W.Operator).PostAsync($"/v1/performers/{W.Performer.Id}/death", new { diedOn = "2026-10-30" });
        Assert.Equal(200, status);
        await Receiver.WaitForAsync(r => r.Count >= 2);
        await Server.Server.Core.Webhooks.FanOutAsync(1000);
        var deliveries = await Store.ReadAsync(s => s.Webhooks.ListEndpoints(null).ToDictionary(e => e.PartyId, e => s.Webhooks.ListDeliveries(e.Id, null, 10).Count));
        Assert.Equal(1, deliveries[W.Estate.Id]);
        Assert.Equal(1, deliveries[W.Studio.Id]);
        Assert.Equal(0, deliveries[W.OtherStudio.Id]);
        Assert.All(Receiver.Received, r => Assert.Equal("2026-10-30", r.Json["data"]!["diedOn"]!.GetValue<string>()));
    }
}

/// <summary>The same tests on the embedded SQLite store.</summary>
public sealed class WebhookTestsOnSqlite() : WebhookTests(Provider.Sqlite);

/// <summary>The same tests on PostgreSQL.</summary>
public sealed class WebhookTestsOnPostgres() : WebhookTests(Provider.Postgres);
