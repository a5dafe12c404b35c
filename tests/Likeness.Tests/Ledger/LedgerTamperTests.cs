using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Likeness.Application.Ledger;
using Likeness.Tests.Support;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Likeness.Tests.Ledger;

/// <summary>Change, delete, reorder or insert behind the server's back, a foreign key, a fork: verification says so and names what it can.</summary>
public sealed class LedgerTamperTests
{
    private static async Task<(TestServer Server, World World, string Trusted)> GrownLogAsync(int renders = 4)
    {
        var server = await TestServer.StartAsync();
        var w = await World.CreateAsync(server);
        for (var i = 0; i < renders; i++)
        {
            var (_, r) = await w.As(w.Studio).PostAsync("/v1/renders", World.RenderBody(w.LicenseId, 3));
            await w.As(w.Studio).PostAsync($"/v1/renders/{r!["renderId"]}/complete", new { actualSeconds = 2, outputSha256 = new string('d', 64) });
        }

        await server.Server.Core.Ledger.IntegrateAsync();
        var trusted = Path.Combine(server.Dir, "trusted.checkpoint");
        var (exit, _, err) = await Verify(server, trusted, w.Auditor.Key);
        Assert.True(exit == 0, err);
        return (server, w, trusted);
    }

    private static Task<(int Exit, string Out, string Err)> Verify(TestServer server, string trusted, string? key, params string[] more)
    {
        var args = new List<string> { "ledger", "verify", "--server", server.Url, "--trusted-checkpoint", trusted };
        if (key is not null)
        {
            args.AddRange(["--key", key]);
        }

        args.AddRange(more);
        return CliProcess.RunAsync([.. args]);
    }

    private static void Sql(TestServer server, string sql)
    {
        using var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = server.Db, Pooling = false }.ToString());
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    [Theory]
    [InlineData("change", "was changed", "UPDATE ledger_entries SET data = CAST(replace(CAST(data AS TEXT), 'render.completed', 'render.cancelled') AS BLOB) WHERE idx = {k}")]
    [InlineData("delete", "was removed", "DELETE FROM ledger_entries WHERE idx = {k}")]
    [InlineData("reorder", "was moved", "UPDATE ledger_entries SET idx = -1 WHERE idx = {k}; UPDATE ledger_entries SET idx = {k} WHERE idx = {k} + 1; UPDATE ledger_entries SET idx = {k} + 1 WHERE idx = -1")]
    [InlineData("insert", "was inserted", "UPDATE ledger_entries SET idx = idx + 1000000 WHERE idx >= {k}; UPDATE ledger_entries SET idx = idx - 999999 WHERE idx >= 1000000; INSERT INTO ledger_entries(idx, data) VALUES ({k}, CAST('{\"kind\":\"x\"}' AS BLOB))")]
    public async Task Tampering_with_an_entry_is_named_by_its_index(string what, string named, string sql)
    {
        var (server, w, trusted) = await GrownLogAsync();
        await using (server)
        {
            // The parties' creations, her grant, consent, request, approval, then each render: authorized, completed.
            var k = (await LedgerScan.FirstAsync(w, "render.completed")).ToString(System.Globalization.CultureInfo.InvariantCulture);
            Sql(server, sql.Replace("{k}", k, StringComparison.Ordinal));
            var (exit, _, err) = await Verify(server, trusted, w.Auditor.Key);
            Assert.True(exit == 1, $"{what}: {err}");
            Assert.Contains($"first bad index {k}", err, StringComparison.Ordinal);
            Assert.Contains(named, err, StringComparison.Ordinal);
            Assert.Single(err.Trim().Split('\n'));
        }

        server.DeleteFiles();
    }

    [Fact]
    public async Task Altered_tiles_fail_verification_and_the_sequencer_refuses_to_sign_after_a_restart()
    {
        var (server, w, trusted) = await GrownLogAsync();
        Sql(server, "UPDATE ledger_tiles SET data = zeroblob(length(data)) WHERE level = 0 AND idx = 0");
        var (exit, _, err) = await Verify(server, trusted, null);
        Assert.Equal(1, exit);
        Assert.Contains("no longer have the trusted root", err, StringComparison.Ordinal);
        var (fresh, _, freshErr) = await CliProcess.RunAsync("ledger", "verify", "--server", server.Url, "--ledger-key", trusted + ".key");
        Assert.Equal(1, fresh);
        Assert.Contains("do not reproduce", freshErr, StringComparison.Ordinal);

        await server.DisposeAsync();
        await using var again = await TestServer.StartAsync(server.Dir, server.Clock, server.OperatorKey);
        await again.Client(w.Studio.Key).PostAsync("/v1/renders", World.RenderBody(w.LicenseId, 1));
        await Assert.ThrowsAsync<LedgerCorruptException>(() => again.Server.Core.Ledger.IntegrateAsync());

        // The node still serves, so its health is degraded, not unhealthy (200), and says why; it no longer sequences.
        (int Status, JsonNode? Body) health = default;
        Assert.True(
            await NodeProcess.EventuallyAsync(
                async () => (health = await again.Client(null).GetJsonAsync("/healthz")).Body?["checks"]?["ledger"]?["status"]?.GetValue<string>() == "degraded",
                TimeSpan.FromSeconds(20)),
            health.Body?.ToJsonString());
        Assert.Equal(200, health.Status);
        Assert.Equal("degraded", health.Body!["status"]!.GetValue<string>());
        Assert.False(health.Body["sequencer"]!.GetValue<bool>());
        Assert.Contains("halted", health.Body["checks"]!["ledger"]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
        again.DeleteFiles();
    }

    [Fact]
    public async Task A_checkpoint_signed_by_another_key_is_rejected()
    {
        var (server, _, _) = await GrownLogAsync(1);
        await using (server)
        {
            using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var keyFile = Path.Combine(server.Dir, "other.key");
            await File.WriteAllTextAsync(keyFile, new JsonObject
            {
                ["keyName"] = "likeness.local/ledger",
                ["publicKeySpki"] = Convert.ToBase64String(other.ExportSubjectPublicKeyInfo()),
            }.ToJsonString());
            var (exit, _, err) = await CliProcess.RunAsync("ledger", "verify", "--server", server.Url, "--ledger-key", keyFile);
            Assert.Equal(1, exit);
            Assert.Contains("not signed by the pinned key", err, StringComparison.Ordinal);
        }

        server.DeleteFiles();
    }

    [Theory]
    [InlineData(2, "two checkpoints of one size")]
    [InlineData(5, "no longer have the trusted root")]
    public async Task A_forked_log_is_reported_with_both_checkpoints(int forkRenders, string expected)
    {
        var (server, w, trusted) = await GrownLogAsync(1);
        await server.DisposeAsync();
        var forkDir = Directory.CreateTempSubdirectory("likeness-fork-").FullName;
        foreach (var f in Directory.GetFiles(server.Dir, "likeness.db*"))
        {
            File.Copy(f, Path.Combine(forkDir, Path.GetFileName(f)));
        }

        // The honest log grows by two renders; the fork, signed with the same key, by other ones.
        await using var honest = await TestServer.StartAsync(server.Dir, server.Clock, server.OperatorKey);
        await using var fork = await TestServer.StartAsync(forkDir, new ManualClock(server.Clock.GetUtcNow().AddSeconds(1)), server.OperatorKey);
        foreach (var (s, n, seconds) in new[] { (honest, 2, 3m), (fork, forkRenders, 4m) })
        {
            for (var i = 0; i < n; i++)
            {
                await s.Client(w.Studio.Key).PostAsync("/v1/renders", World.RenderBody(w.LicenseId, seconds));
            }

            await s.Server.Core.Ledger.IntegrateAsync();
        }

        var (e1, _, err1) = await Verify(honest, trusted, null);
        Assert.True(e1 == 0, err1);
        var (e2, _, err2) = await Verify(fork, trusted, null);
        Assert.Equal(1, e2);
        Assert.Contains("fork detected", err2, StringComparison.Ordinal);
        Assert.Contains(expected, err2, StringComparison.Ordinal);
        Assert.Contains("trusted checkpoint: likeness.local/ledger", err2, StringComparison.Ordinal);
        Assert.Contains("server checkpoint: likeness.local/ledger", err2, StringComparison.Ordinal);
        honest.DeleteFiles();
        fork.DeleteFiles();
    }

    [Fact]
    public async Task A_forged_entry_the_server_integrated_breaks_the_story_at_its_index()
    {
        var (server, w, trusted) = await GrownLogAsync(1);
        await using (server)
        {
            var count = (await server.Server.Core.Ledger.IntegrateAsync())!.Size;
            var forged = $"{{\"actualMs\":999000,\"at\":\"2026-11-01T12:00:00.000Z\",\"kind\":\"render.completed\",\"license\":\"{w.LicenseId}\",\"render\":\"rnd_never\",\"reservedMs\":999000,\"use\":0,\"v\":1}}";
            Sql(server, $"INSERT INTO ledger_entries(idx, data) VALUES ({count.ToString(CultureInfo.InvariantCulture)}, CAST('{forged}' AS BLOB))");
            await server.Server.Core.Ledger.IntegrateAsync();
            var (exit, _, err) = await Verify(server, trusted, w.Auditor.Key);
            Assert.Equal(1, exit);
            Assert.Contains($"entry {count} breaks the story", err, StringComparison.Ordinal);
            Assert.Contains("not open", err, StringComparison.Ordinal);
            Assert.True(Encoding.UTF8.GetByteCount(forged) > 0);
        }

        server.DeleteFiles();
    }
}
