using System.CommandLine;
using System.Text.Json.Nodes;

namespace Likeness.Cli.Verbs;

/// <summary><c>webhook add | list | get | rm | rotate-secret | test | deliveries | replay</c>: the caller's own endpoints.</summary>
public static class WebhookVerbs
{
    public static Command Webhook()
    {
        var url = Opt.Text("--url", "Where to deliver: an http(s) URL", "URL", required: true);
        var events = Opt.Text("--events", "Comma-separated event types, or * for all (docs/WEBHOOKS.md lists them)", "TYPES", required: true);
        var add = Opt.Verb("add", "Add an endpoint; its signing secret (whsec_…) is shown once", url, events)
            .Calls((p, api) => api.CallAsync(HttpMethod.Post, "v1/webhooks", new JsonObject { ["url"] = p.GetValue(url), ["events"] = Run.List(p.GetValue(events)) }.ToJsonString()));

        var list = Opt.Verb("list", "List your endpoints (secrets are never shown again)")
            .Calls((_, api) => api.CallAsync(HttpMethod.Get, "v1/webhooks"));

        var getId = Id();
        var get = Opt.Verb("get", "Show an endpoint", getId)
            .Calls((p, api) => api.CallAsync(HttpMethod.Get, $"v1/webhooks/{PartyVerbs.Esc(p.GetValue(getId))}"));

        var rmId = Id();
        var rm = Opt.Verb("rm", "Delete an endpoint; its pending deliveries are cancelled", rmId)
            .Calls((p, api) => api.CallAsync(HttpMethod.Delete, $"v1/webhooks/{PartyVerbs.Esc(p.GetValue(rmId))}"));

        var rotateId = Id();
        var rotate = Opt.Verb("rotate-secret", "A new signing secret, shown once; the old one also signs for 24 hours", rotateId)
            .Calls((p, api) => api.CallAsync(HttpMethod.Post, $"v1/webhooks/{PartyVerbs.Esc(p.GetValue(rotateId))}/rotate-secret", "{}"));

        var testId = Id();
        var test = Opt.Verb("test", "Send a webhook.test event to an endpoint (see it arrive with 'webhook deliveries')", testId)
            .Calls((p, api) => api.CallAsync(HttpMethod.Post, $"v1/webhooks/{PartyVerbs.Esc(p.GetValue(testId))}/test", "{}"), acceptedIsDone: true);

        var logId = Id();
        var limit = Opt.Whole("--limit", "Deliveries per page (1 to 100; 50 by default)");
        var cursor = Opt.Text("--cursor", "The next page, as the previous page named it", "CURSOR");
        var deliveries = Opt.Verb("deliveries", "An endpoint's delivery log, newest first", logId, limit, cursor)
            .Calls((p, api) => api.CallAsync(HttpMethod.Get, $"v1/webhooks/{PartyVerbs.Esc(p.GetValue(logId))}/deliveries{Query(p.GetValue(limit), p.GetValue(cursor))}"));

        var deliveryId = Opt.Word("DELIVERY", "The delivery's id (from 'webhook deliveries')");
        var replay = Opt.Verb("replay", "Deliver again, now, whatever became of it", deliveryId)
            .Calls((p, api) => api.CallAsync(HttpMethod.Post, $"v1/webhook-deliveries/{PartyVerbs.Esc(p.GetValue(deliveryId))}/replay", "{}"), acceptedIsDone: true);

        return Opt.Verb("webhook", "Webhook endpoints: events pushed to your URL, signed (Standard Webhooks)", add, list, get, rm, rotate, test, deliveries, replay);
    }

    private static string Query(int? limit, string? cursor)
    {
        var parts = new List<string>();
        if (limit is { } l)
        {
            parts.Add($"limit={l}");
        }

        if (cursor is { } c)
        {
            parts.Add($"cursor={Uri.EscapeDataString(c)}");
        }

        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }

    private static Argument<string> Id() => Opt.Word("ID", "The endpoint's id");
}
