using Likeness.Tests.Caps;
using Likeness.Tests.Support;
using Xunit;

namespace Likeness.Tests.Nodes;

/// <summary>A performer's cap across licences holds exactly when studios race on several server processes of one PostgreSQL.</summary>
[Collection(NodeProcessesCollection.Name)]
public sealed class CapNodeTests
{
    [Fact(Timeout = 180_000)]
    public async Task Three_nodes_and_64_clients_of_four_studios_under_a_100_second_cap_get_exactly_100_seconds()
    {
        var db = await (await PostgresCluster.Shared).CreateDatabaseAsync();
        var key = await NodeProcess.InitAsync(db);
        var nodes = new NodeProcess[3];
        for (var i = 0; i < nodes.Length; i++)
        {
            nodes[i] = await NodeProcess.StartAsync(db, key);
        }

        try
        {
            var w = await World.CreateAsync(nodes[0], use: World.Use(maxSyntheticSeconds: 3600, maxRenders: null, to: DateTimeOffset.UtcNow.AddYears(1)));
            var studios = new List<(Actor, string)> { (w.Studio, w.LicenseId), (w.OtherStudio, await CapTestKit.LicenceForAsync(w, w.OtherStudio)) };
            foreach (var name in new[] { "Third Studio", "Fourth Studio" })
            {
                var s = await CapTestKit.StudioAsync(w, name);
                studios.Add((s, await CapTestKit.LicenceForAsync(w, s)));
            }

            // The cap is written on one node while the others hold snapshots of the consent before it: their writers decide on
            // the version current in the transaction, so the cap binds at once everywhere.
            foreach (var n in nodes)
            {
                using var warm = n.Client(w.Studio.Key);
                var (status, render) = await warm.PostAsync("/v1/renders", World.RenderBody(w.LicenseId, 1));
                Assert.Equal(201, status);
                Assert.Equal(200, (await warm.PostAsync($"/v1/renders/{render!["renderId"]}/cancel")).Status);
            }

            await CapTestKit.SetCapsAsync(w, CapTestKit.SecondsCap("monthly", 100));
            var (permits, denials) = await CapTestKit.RaceAsync(studios, (n, s) => nodes[n % nodes.Length].Client(s.Key));
            Assert.Equal(100, permits);
            Assert.Equal(92, denials.Count);
            Assert.All(denials, d => Assert.Equal("performer_cap_exhausted", d));

            using var performer = nodes[2].Client(w.Performer.Key);
            var (_, caps) = await performer.GetJsonAsync($"/v1/performers/{w.Performer.Id}/caps");
            Assert.Equal(100m, caps!["caps"]![0]!["reserved"]!.GetValue<decimal>());

            // The auditor's replay (CLI verify with an auditor's key) checks every reservation against the cap.
            var trusted = Path.Combine(Path.GetTempPath(), $"likeness-caps-{Guid.NewGuid():N}.checkpoint");
            Assert.True(await NodeProcess.EventuallyAsync(
                async () =>
                {
                    var size = await nodes[0].CheckpointSizeAsync();
                    using var auditor = nodes[0].Client(w.Auditor.Key);
                    return size is not null && (await auditor.GetJsonAsync($"/v1/ledger/entries/{size}")).Status == 404;
                },
                TimeSpan.FromSeconds(20)), "the ledger did not integrate every entry");
            var (exit, output, error) = await CliProcess.RunAsync("ledger", "verify", "--server", nodes[1].Url, "--key", w.Auditor.Key, "--trusted-checkpoint", trusted, "--json");
            Assert.True(exit == 0, error);
            Assert.Contains("story holds", output, StringComparison.Ordinal);
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
}
