using Likeness.Tests.Support;
using Xunit;

namespace Likeness.Tests.Nodes;

/// <summary>kill -9 the embedded server under load: after a restart every acknowledged render is there once, and the ledger verifies.</summary>
[Collection(NodeProcessesCollection.Name)]
public sealed class CrashTests
{
    [Fact(Timeout = 180_000)]
    public async Task Kill_9_on_sqlite_under_load_then_restart_keeps_every_acknowledged_render_once()
    {
        var dir = Directory.CreateTempSubdirectory("likeness-crash-").FullName;
        var db = Path.Combine(dir, "crash.db");
        var key = await NodeProcess.InitAsync(db);
        var node = await NodeProcess.StartAsync(db, key);
        World w;
        var load = default(RenderLoad)!;
        try
        {
            w = await World.CreateAsync(node, use: World.Use(maxSyntheticSeconds: 100_000, maxRenders: null, to: DateTimeOffset.UtcNow.AddYears(1)));
            load = new RenderLoad([node], w.Studio.Key, w.LicenseId);
            var run = load.RunAsync(8, 40, async completed =>
            {
                if (completed >= 50 && !node.HasExited)
                {
                    await node.KillAsync();
                }
            });
            await Assert.ThrowsAsync<InvalidOperationException>(() => run);
        }
        finally
        {
            await node.DisposeAsync();
        }

        Assert.True(load.Completed.Count >= 50);
        await using var restarted = await NodeProcess.StartAsync(db, key);
        using var studio = restarted.Client(w.Studio.Key);
        foreach (var (id, seconds) in load.Authorized)
        {
            var (status, render) = await studio.GetJsonAsync($"/v1/renders/{id}");
            Assert.Equal(200, status);
            if (load.Completed.ContainsKey(id))
            {
                Assert.Equal("completed", render!["status"]!.GetValue<string>());
                Assert.Equal(seconds, render["actualSeconds"]!.GetValue<decimal>());
            }
        }

        var (_, usage) = await studio.GetJsonAsync($"/v1/licenses/{w.LicenseId}/usage?limit=500");
        var ids = usage!["items"]!.AsArray().Select(x => x!["renderId"]!.GetValue<string>()).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.True(load.Completed.Keys.All(ids.Contains));

        using var auditor = restarted.Client(w.Auditor.Key);
        Assert.True(await NodeProcess.EventuallyAsync(async () =>
        {
            var size = await restarted.CheckpointSizeAsync();
            return size is not null && (await auditor.GetJsonAsync($"/v1/ledger/entries/{size}")).Status == 404;
        }, TimeSpan.FromSeconds(20)));
        var (exit, _, error) = await CliProcess.RunAsync("ledger", "verify", "--server", restarted.Url, "--key", w.Auditor.Key);
        Assert.True(exit == 0, error);
        Directory.Delete(dir, recursive: true);
    }
}
