using Likeness.Tests.Support;
using Xunit;

namespace Likeness.Tests.Nodes;

/// <summary>Several server processes on one PostgreSQL behave as one service.</summary>
[Collection(NodeProcessesCollection.Name)]
public sealed class MultiNodeTests
{
    private static async Task<(string Db, string OperatorKey, NodeProcess[] Nodes)> ClusterAsync(int n)
    {
        var db = await (await PostgresCluster.Shared).CreateDatabaseAsync();
        var key = await NodeProcess.InitAsync(db);
        Assert.False(File.Exists(Path.GetFullPath(db) + ".operator-key"), "a PostgreSQL store has no key file beside a path");
        var nodes = new NodeProcess[n];
        for (var i = 0; i < n; i++)
        {
            nodes[i] = await NodeProcess.StartAsync(db, key);
        }

        return (db, key, nodes);
    }

    [Fact(Timeout = 180_000)]
    public async Task Three_nodes_and_64_clients_on_a_100_second_budget_get_exactly_100_permits()
    {
        var (_, _, nodes) = await ClusterAsync(3);
        try
        {
            var w = await World.CreateAsync(nodes[0], use: World.Use(maxSyntheticSeconds: 100, maxRenders: null, to: DateTimeOffset.UtcNow.AddYears(1)));
            var permits = 0;
            var denials = 0;
            await Task.WhenAll(Enumerable.Range(0, 64).Select(async c =>
            {
                using var client = nodes[c % 3].Client(w.Studio.Key);
                for (var i = 0; i < 3; i++)
                {
                    var (status, body) = await client.PostAsync("/v1/renders", World.RenderBody(w.LicenseId, 1), $"race-{c}-{i}");
                    if (status == 201)
                    {
                        Interlocked.Increment(ref permits);
                    }
                    else
                    {
                        Assert.Equal("seconds_budget_exhausted", World.Codes(body));
                        Interlocked.Increment(ref denials);
                    }
                }
            }));
            Assert.Equal(100, permits);
            Assert.Equal(92, denials);

            // The same key on another node is the same answer.
            using var a = nodes[1].Client(w.Studio.Key);
            using var b = nodes[2].Client(w.Studio.Key);
            var (s1, first) = await a.PostAsync("/v1/license-requests", new { performerId = w.Performer.Id, project = "P", description = World.Description, uses = new[] { World.Use() } }, "across-nodes");
            var (s2, again) = await b.PostAsync("/v1/license-requests", new { performerId = w.Performer.Id, project = "P", description = World.Description, uses = new[] { World.Use() } }, "across-nodes");
            Assert.Equal((201, first!["id"]!.GetValue<string>()), (s2, again!["id"]!.GetValue<string>()));
            Assert.Equal(201, s1);
        }
        finally
        {
            foreach (var n in nodes)
            {
                await n.DisposeAsync();
            }
        }
    }

    [Fact(Timeout = 180_000)]
    public async Task Killing_the_sequencing_node_under_load_loses_no_acknowledged_render_and_the_ledger_verifies()
    {
        var (_, _, nodes) = await ClusterAsync(3);
        try
        {
            var w = await World.CreateAsync(nodes[0], use: World.Use(maxSyntheticSeconds: 100_000, maxRenders: null, to: DateTimeOffset.UtcNow.AddYears(1)));
            Assert.True(await NodeProcess.EventuallyAsync(async () => (await Task.WhenAll(nodes.Select(n => n.IsSequencerAsync()))).Count(x => x) == 1, TimeSpan.FromSeconds(20)));
            var sequencer = (await Task.WhenAll(nodes.Select(async (n, i) => (i, await n.IsSequencerAsync())))).Single(x => x.Item2).i;
            var trusted = Path.Combine(Path.GetTempPath(), $"likeness-failover-{Guid.NewGuid():N}.checkpoint");
            Assert.True(await NodeProcess.EventuallyAsync(async () => (await CliProcess.RunAsync("ledger", "verify", "--server", nodes[sequencer].Url, "--trusted-checkpoint", trusted)).Exit == 0, TimeSpan.FromSeconds(20)));

            var load = new RenderLoad(nodes, w.Studio.Key, w.LicenseId);
            var killed = 0;
            await load.RunAsync(12, 25, async completed =>
            {
                if (completed >= 60 && Interlocked.Exchange(ref killed, 1) == 0)
                {
                    await nodes[sequencer].KillAsync();
                }
            });
            Assert.Equal(1, killed);
            Assert.Equal(300, load.Completed.Count);

            var live = nodes.Where((_, i) => i != sequencer).ToArray();
            Assert.True(await NodeProcess.EventuallyAsync(async () => (await Task.WhenAll(live.Select(n => n.IsSequencerAsync()))).Any(x => x), TimeSpan.FromSeconds(20)), "no node took over sequencing");

            using var auditor = live[0].Client(w.Auditor.Key);
            Assert.True(await NodeProcess.EventuallyAsync(async () =>
            {
                var size = await live[0].CheckpointSizeAsync();
                return size is not null && (await auditor.GetJsonAsync($"/v1/ledger/entries/{size}")).Status == 404;
            }, TimeSpan.FromSeconds(20)), "the new sequencer did not integrate every entry");

            using var studio = live[1].Client(w.Studio.Key);
            var usage = new List<string>();
            string? cursor = null;
            do
            {
                var (_, page) = await studio.GetJsonAsync($"/v1/licenses/{w.LicenseId}/usage?limit=500" + (cursor is null ? "" : "&cursor=" + cursor));
                usage.AddRange(page!["items"]!.AsArray().Select(x => x!["renderId"]!.GetValue<string>()));
                cursor = page["nextCursor"]?.GetValue<string>();
            }
            while (cursor is not null);
            Assert.Equal(load.Completed.Keys.Order(StringComparer.Ordinal), usage.Order(StringComparer.Ordinal));
            var (_, license) = await studio.GetJsonAsync($"/v1/licenses/{w.LicenseId}");
            Assert.Equal(load.Completed.Values.Sum(), license!["budgets"]![0]!["secondsUsed"]!.GetValue<decimal>());

            // The checkpoint trusted before the failover is consistent with the one signed after it, by the new sequencer.
            var (exit, output, error) = await CliProcess.RunAsync("ledger", "verify", "--server", live[0].Url, "--key", w.Auditor.Key, "--trusted-checkpoint", trusted, "--json");
            Assert.True(exit == 0, error);
            Assert.Contains("story holds", output, StringComparison.Ordinal);
            Assert.NotNull(System.Text.Json.Nodes.JsonNode.Parse(output)!["consistentWith"]);
            File.Delete(trusted);
            File.Delete(trusted + ".key");
        }
        finally
        {
            foreach (var n in nodes)
            {
                await n.DisposeAsync();
            }
        }
    }

    [Fact(Timeout = 180_000)]
    public async Task A_licence_change_on_one_node_reaches_the_snapshots_of_the_others()
    {
        await using var a = await TestServer.StartAsync(Provider.Postgres);
        await using var b = await a.StartAnotherAsync();
        var w = await World.CreateAsync(a);
        using var onB = b.Client(w.Studio.Key);
        Assert.Equal(201, (await onB.PostAsync("/v1/renders", World.RenderBody(w.LicenseId))).Status);
        Assert.Equal(200, (await a.Client(w.Performer.Key).PostAsync($"/v1/licenses/{w.LicenseId}/suspend")).Status);

        // Node b learns of the change from the feed it polls every 100 ms; the test applies the feed itself so as not to wait.
        await b.Server.Core.Changes.SyncAsync();
        var (status, problem) = await onB.PostAsync("/v1/renders", World.RenderBody(w.LicenseId));
        Assert.Equal(403, status);
        Assert.Equal("license_suspended", World.Codes(problem));
    }
}
