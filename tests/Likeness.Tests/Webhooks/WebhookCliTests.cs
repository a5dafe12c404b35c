using System.Text.Json.Nodes;
using Likeness.Application.Webhooks;
using Likeness.Tests.Support;
using Xunit;

namespace Likeness.Tests.Webhooks;

/// <summary>The <c>webhook</c> verbs, from a real <c>likeness</c> process against a real server and a real receiver.</summary>
public sealed class WebhookCliTests() : WebhookWorldTests(Provider.Sqlite)
{
    private Task<(int Exit, string Out, string Err)> As(Actor who, params string[] args) =>
        CliProcess.RunAsync([.. args, "--server", Server.Url, "--key", who.Key]);

    [Fact]
    public async Task Add_list_test_deliveries_replay_rotate_and_rm()
    {
        var (exit, output, error) = await As(W.Performer, "webhook", "add", "--url", Receiver.Url, "--events", "license_request.received, render.pending_approval", "--json");
        Assert.True(exit == 0, error);
        var added = JsonNode.Parse(output)!;
        var id = added["id"]!.GetValue<string>();
        var secret = added["secret"]!.GetValue<string>();
        Assert.Equal([WebhookEventTypes.RequestReceived, WebhookEventTypes.RenderPendingApproval], added["events"]!.AsArray().Select(e => e!.GetValue<string>()));

        var (listed, table, _) = await As(W.Performer, "webhook", "list");
        Assert.Equal(0, listed);
        Assert.Contains(id, table, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, table, StringComparison.Ordinal);

        (exit, output, error) = await As(W.Performer, "webhook", "test", id, "--json");
        Assert.True(exit == 0, error);
        Assert.Equal(WebhookEventTypes.Test, JsonNode.Parse(output)!["type"]!.GetValue<string>());
        var test = (await Receiver.WaitForAsync(r => r.Count >= 1))[0];
        Assert.Equal(["true"], await WebhookReceiver.VerifyWithReferenceAsync([(test, secret)], Server.Clock.GetUtcNow()));

        JsonNode? delivery = null;
        Assert.True(await NodeProcess.EventuallyAsync(async () =>
        {
            var (_, log, _) = await As(W.Performer, "webhook", "deliveries", id, "--limit", "10", "--json");
            delivery = JsonNode.Parse(log)!["items"]!.AsArray().FirstOrDefault();
            return delivery?["status"]?.GetValue<string>() == "delivered";
        }, TimeSpan.FromSeconds(30)));

        (exit, output, error) = await As(W.Performer, "webhook", "replay", delivery!["id"]!.GetValue<string>(), "--json");
        Assert.True(exit == 0, error);
        Assert.Equal("pending", JsonNode.Parse(output)!["status"]!.GetValue<string>());
        await Receiver.WaitForAsync(r => r.Count >= 2);

        (exit, output, error) = await As(W.Performer, "webhook", "rotate-secret", id, "--json");
        Assert.True(exit == 0, error);
        Assert.NotEqual(secret, JsonNode.Parse(output)!["secret"]!.GetValue<string>());

        Assert.Equal(5, (await As(W.Studio, "webhook", "get", id)).Exit);
        (exit, _, error) = await As(W.Performer, "webhook", "rm", id);
        Assert.True(exit == 0, error);
        Assert.Equal(5, (await As(W.Performer, "webhook", "get", id)).Exit);
    }

    [Fact]
    public async Task A_bad_url_is_one_line_naming_it_and_exit_1()
    {
        var (exit, _, error) = await As(W.Performer, "webhook", "add", "--url", "ftp://hooks.example.com/", "--events", "*");
        Assert.Equal(1, exit);
        Assert.Single(error.Trim().Split('\n'));
        Assert.Contains("url", error, StringComparison.Ordinal);
    }
}
