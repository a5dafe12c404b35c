using Likeness.Application.Webhooks;
using Likeness.Tests.Support;
using Xunit;

namespace Likeness.Tests.Webhooks;

/// <summary>
/// kill -9 while webhooks are on the wire: no event is lost. On SQLite the restarted node delivers what the dead one
/// had in flight; on PostgreSQL with two nodes, the survivor takes over the sequencer's lease and delivers them.
/// Delivery is at least once, so the receiver may see an event twice; it must see every one.
/// </summary>
[Collection(Nodes.NodeProcessesCollection.Name)]
public sealed class WebhookCrashTests
{
    private const int Requests = 30;

    [Fact(Timeout = 180_000)]
    public async Task Kill_9_mid_delivery_on_sqlite_then_restart_delivers_every_event()
    {
        var dir = Directory.CreateTempSubdirectory("likeness-webhook-crash-").FullName;
        var db = Path.Combine(dir, "crash.db");
        var key = await NodeProcess.InitAsync(db);
        await using var receiver = await WebhookReceiver.StartAsync();
        var node = await NodeProcess.StartAsync(db, key, "--webhook-private-addresses");
        World w;
        (HashSet<string> Requests, string Secret) sent;
        try
        {
            w = await World.CreateAsync(node, use: World.Use(to: DateTimeOffset.UtcNow.AddYears(1)));
            sent = await MakeRequestsWhileHeldAsync(node, w, receiver);
            await node.KillAsync();
        }
        finally
        {
            await node.DisposeAsync();
        }

        receiver.ReleaseHeld();
        await using var restarted = await NodeProcess.StartAsync(db, key, "--webhook-private-addresses");
        await AssertEveryEventArrivesAsync(receiver, sent, restarted, w);
        Directory.Delete(dir, recursive: true);
    }

    [Fact(Timeout = 180_000)]
    public async Task Kill_9_of_the_delivering_node_on_postgres_lets_the_other_deliver_every_event()
    {
        var db = await (await PostgresCluster.Shared).CreateDatabaseAsync();
        var key = await NodeProcess.InitAsync(db);
        await using var receiver = await WebhookReceiver.StartAsync();
        var nodes = new[] { await NodeProcess.StartAsync(db, key, "--webhook-private-addresses"), await NodeProcess.StartAsync(db, key, "--webhook-private-addresses") };
        try
        {
            Assert.True(await NodeProcess.EventuallyAsync(async () => (await Task.WhenAll(nodes.Select(n => n.IsSequencerAsync()))).Count(x => x) == 1, TimeSpan.FromSeconds(20)));
            var delivering = (await Task.WhenAll(nodes.Select(async (n, i) => (i, await n.IsSequencerAsync())))).Single(x => x.Item2).i;
            var other = nodes[1 - delivering];
            var w = await World.CreateAsync(other, use: World.Use(to: DateTimeOffset.UtcNow.AddYears(1)));
            var sent = await MakeRequestsWhileHeldAsync(other, w, receiver);
            await nodes[delivering].KillAsync();
            receiver.ReleaseHeld();
            await AssertEveryEventArrivesAsync(receiver, sent, other, w);
        }
        finally
        {
            foreach (var n in nodes)
            {
                await n.DisposeAsync();
            }
        }
    }

    /// <summary>The performer subscribes; the studio makes the requests; the receiver holds the first deliveries open.</summary>
    private static async Task<(HashSet<string> Requests, string Secret)> MakeRequestsWhileHeldAsync(ILikenessEndpoint node, World w, WebhookReceiver receiver)
    {
        receiver.Hold = true;
        using var performer = node.Client(w.Performer.Key);
        var (status, hook) = await performer.PostAsync("/v1/webhooks", new { url = receiver.Url, events = new[] { WebhookEventTypes.RequestReceived } });
        Assert.True(status == 201, hook?.ToJsonString());
        using var studio = node.Client(w.Studio.Key);
        var requests = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Requests; i++)
        {
            var (made, r) = await studio.PostAsync("/v1/license-requests", new { performerId = w.Performer.Id, project = $"P{i}", description = World.Description, uses = new[] { World.Use(to: DateTimeOffset.UtcNow.AddYears(1)) } });
            Assert.True(made == 201, r?.ToJsonString());
            requests.Add(r!["id"]!.GetValue<string>());
        }

        await receiver.WaitForAsync(r => r.Count >= 1, 60);
        return (requests, hook!["secret"]!.GetValue<string>());
    }

    private static async Task AssertEveryEventArrivesAsync(WebhookReceiver receiver, (HashSet<string> Requests, string Secret) sent, ILikenessEndpoint node, World w)
    {
        var received = await receiver.WaitForAsync(r => sent.Requests.IsSubsetOf(r.Select(x => x.Json["data"]!["requestId"]!.GetValue<string>())), 90);
        Assert.All(received, r => Assert.Equal(WebhookEventTypes.RequestReceived, r.Type));
        var verdicts = await WebhookReceiver.VerifyWithReferenceAsync(received.Select(r => (r, sent.Secret)));
        Assert.All(verdicts, v => Assert.Equal("true", v));

        // Every event's delivery ends delivered, once the node records the answers it got.
        using var performer = node.Client(w.Performer.Key);
        var (_, hooks) = await performer.GetJsonAsync("/v1/webhooks");
        var hookId = hooks!["items"]![0]!["id"]!.GetValue<string>();
        Assert.True(await NodeProcess.EventuallyAsync(async () =>
        {
            var (_, page) = await performer.GetJsonAsync($"/v1/webhooks/{hookId}/deliveries?limit=100");
            var items = page!["items"]!.AsArray();
            return items.Count == Requests && items.All(d => d!["status"]!.GetValue<string>() == "delivered");
        }, TimeSpan.FromSeconds(30)), "not every delivery was recorded as delivered");
    }
}
