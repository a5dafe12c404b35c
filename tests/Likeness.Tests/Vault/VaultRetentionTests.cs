using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Likeness.Application.Webhooks;
using Likeness.Ledger;
using Likeness.Tests.Support;
using Likeness.Tests.Webhooks;
using Xunit;

namespace Likeness.Tests.Vault;

/// <summary>
/// Retention (issue 20, docs/CUSTODY.md "Retention"): a licence's <c>retention</c> puts a deadline on every copy released
/// under it; the studio is reminded before, the deadline passing is recorded (and blocks further releases to it) until it
/// states the deletion; the vault shreds its own copy when the performer's post-mortem term ends. Time moves only on the
/// test's clock, and the sweep is called directly, as the server's sweeper calls it.
/// </summary>
public abstract class VaultRetentionTests(Provider provider) : WebhookWorldTests(provider)
{
    private const int Seed = 20_4040;

    private async Task AddHookAsync(Actor who, params string[] events)
    {
        var (status, body) = await W.As(who).PostAsync("/v1/webhooks", new { url = Receiver.Url, events });
        Assert.True(status == 201, body?.ToJsonString());
    }

    private async Task<string> SealedCleanAssetAsync()
    {
        var (status, body) = await W.As(W.Performer).PostAsync($"/v1/performers/{W.Performer.Id}/assets", new { name = "voice takes", modality = "voice", tier = "staticReplica" });
        Assert.Equal(201, status);
        var asset = body!["id"]!.GetValue<string>();
        Assert.Equal(201, (await VaultClient.UploadAsync(W.As(W.Performer), VaultClient.Path(W.Performer.Id, asset), VaultClient.Content(3000, Seed), 1 << 20)).Status);
        var source = new { kind = "recording", name = "take.wav", sha256 = Convert.ToHexStringLower(SHA256.HashData("take.wav"u8)), capturedAt = Server.Clock.GetUtcNow() };
        Assert.Equal(201, (await W.As(W.Performer).PostAsync($"/v1/performers/{W.Performer.Id}/assets/{asset}/lineage", new { sources = new[] { source } })).Status);
        return asset;
    }

    private async Task<string> LicenceWithRetentionAsync(string retention)
    {
        var (rs, request) = await W.As(W.Studio).PostAsync("/v1/license-requests", new { performerId = W.Performer.Id, project = "Skyward Tides", description = World.Description, uses = new[] { World.Use() }, retention });
        Assert.True(rs == 201, request?.ToJsonString());
        var (ls, licence) = await W.As(W.Performer).PostAsync($"/v1/license-requests/{request!["id"]}/approve", new { });
        Assert.True(ls == 201, licence?.ToJsonString());
        Assert.Equal(retention, licence!["terms"]!["retention"]!.GetValue<string>());
        return licence["id"]!.GetValue<string>();
    }

    private async Task<(int Status, JsonNode? Body)> GrantAsync(string licence, string asset)
    {
        var (status, r) = await W.As(W.Studio).PostAsync("/v1/renders", World.RenderBody(licence));
        Assert.True(status == 201, r?.ToJsonString());
        return await W.As(W.Studio).PostAsync($"/v1/renders/{r!["renderId"]}/asset-grants", new { asset });
    }

    [Fact]
    public async Task A_release_under_a_retention_is_reminded_then_overdue_until_the_studio_states_its_deletion()
    {
        await AddHookAsync(W.Studio, WebhookEventTypes.AssetRetentionDue, WebhookEventTypes.AssetRetentionOverdue);
        await AddHookAsync(W.Performer, WebhookEventTypes.AssetRetentionOverdue, WebhookEventTypes.AssetDeleted);
        var (bad, refusal) = await W.As(W.Studio).PostAsync("/v1/license-requests", new { performerId = W.Performer.Id, project = "P", description = World.Description, uses = new[] { World.Use() }, retention = "PT0S" });
        Assert.True(bad == 400 && refusal!["code"]!.GetValue<string>() == "invalid_retention", refusal?.ToJsonString());

        var licence = await LicenceWithRetentionAsync("P30D");
        var asset = await SealedCleanAssetAsync();
        var released = Server.Clock.GetUtcNow();
        var (gs, grant) = await GrantAsync(licence, asset);
        Assert.True(gs == 201, grant?.ToJsonString());
        Assert.Equal(released.AddDays(30), grant!["deleteBy"]!.GetValue<DateTimeOffset>());
        var grantId = grant["id"]!.GetValue<string>();
        var core = Server.Server.Core;
        Assert.Equal(new(0, 0, 0), await core.Retention.SweepAsync());

        // Seven days before the deadline: one reminder, to the studio alone, however often the sweeper runs.
        Server.Clock.Advance(TimeSpan.FromDays(23) + TimeSpan.FromHours(1));
        Assert.Equal(new(1, 0, 0), await core.Retention.SweepAsync());
        Assert.Equal(new(0, 0, 0), await core.Retention.SweepAsync());
        var due = (await Receiver.WaitForAsync(r => r.Count >= 1))[0];
        Assert.Equal(WebhookEventTypes.AssetRetentionDue, due.Type);
        Assert.Equal(grantId, due.Json["data"]!["grantId"]!.GetValue<string>());

        // The deadline passes with no statement: recorded, both sides told, and no further release to that studio.
        Server.Clock.Advance(TimeSpan.FromDays(7));
        Assert.Equal(new(0, 1, 0), await core.Retention.SweepAsync());
        Assert.Equal(new(0, 0, 0), await core.Retention.SweepAsync());
        var overdue = await Receiver.WaitForAsync(r => r.Count(h => h.Type == WebhookEventTypes.AssetRetentionOverdue) >= 2);
        Assert.Equal(3, overdue.Count);
        var (ls, releases) = await W.As(W.Performer).GetJsonAsync($"/v1/performers/{W.Performer.Id}/asset-releases");
        Assert.Equal(200, ls);
        Assert.NotNull(releases!.AsArray().Single(r => r!["id"]!.GetValue<string>() == grantId)!["overdueAt"]);
        var (blocked, why) = await GrantAsync(licence, asset);
        Assert.True(blocked == 409 && why!["code"]!.GetValue<string>() == "retention_overdue", why?.ToJsonString());

        // Only that studio states the deletion, once; it is recorded late, and releases resume.
        Assert.Equal(404, (await W.As(W.OtherStudio).PostAsync($"/v1/asset-grants/{grantId}/deletion", new { })).Status);
        Assert.Equal(404, (await W.As(W.Performer).PostAsync($"/v1/asset-grants/{grantId}/deletion", new { })).Status);
        var (ds, deleted) = await W.As(W.Studio).PostAsync($"/v1/asset-grants/{grantId}/deletion", new { });
        Assert.True(ds == 200, deleted?.ToJsonString());
        Assert.True(deleted!["late"]!.GetValue<bool>());
        var (again, twice) = await W.As(W.Studio).PostAsync($"/v1/asset-grants/{grantId}/deletion", new { });
        Assert.True(again == 409 && twice!["code"]!.GetValue<string>() == "deletion_recorded", twice?.ToJsonString());
        await Receiver.WaitForAsync(r => r.Any(h => h.Type == WebhookEventTypes.AssetDeleted));
        Assert.Equal(201, (await GrantAsync(licence, asset)).Status);

        await core.Ledger.IntegrateAsync();
        var log = await core.Store.ReadAsync(s => s.ReadLedgerEntries(0, 10_000));
        Assert.Null(LedgerAudit.Check(log));
        var kinds = log.Select(e => System.Text.Json.JsonDocument.Parse(e).RootElement.GetProperty("kind").GetString()).ToList();
        Assert.Single(kinds, k => k == "asset.retention_overdue");
        Assert.Single(kinds, k => k == "asset.deleted");
    }

    [Fact]
    public async Task A_release_under_terms_without_retention_carries_no_deadline()
    {
        var asset = await SealedCleanAssetAsync();
        var (gs, grant) = await GrantAsync(W.LicenseId, asset);
        Assert.True(gs == 201, grant?.ToJsonString());
        Assert.Null(grant!["deleteBy"]);
        Server.Clock.Advance(TimeSpan.FromDays(3650));
        Assert.Equal(new(0, 0, 0), await Server.Server.Core.Retention.SweepAsync());
    }

    [Fact]
    public async Task The_vault_shreds_its_copy_when_the_post_mortem_term_ends_and_not_before()
    {
        var asset = await SealedCleanAssetAsync();
        var core = Server.Server.Core;
        Assert.Equal(new(0, 0, 0), await core.Retention.SweepAsync());
        var estate = W.Estate;
        var (ds, death) = await W.As(W.Operator).PostAsync($"/v1/performers/{W.Performer.Id}/death", new { diedOn = "2026-10-30" });
        Assert.True(ds == 200, death?.ToJsonString());
        var termEnd = death!["postMortemTermEnd"]!.GetValue<DateTimeOffset>();
        await AddHookAsync(estate, WebhookEventTypes.AssetShredded);

        // During the term the estate holds the rights, and her content stays readable to it.
        Server.Clock.Advance(termEnd - Server.Clock.GetUtcNow() - TimeSpan.FromMinutes(1));
        Assert.Equal(new(0, 0, 0), await core.Retention.SweepAsync());
        Assert.Equal(200, (await VaultClient.DownloadAsync(W.As(estate), VaultClient.Path(W.Performer.Id, asset))).Status);

        Server.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(new(0, 0, 1), await core.Retention.SweepAsync());
        Assert.Equal(new(0, 0, 0), await core.Retention.SweepAsync());
        var (status, _, _) = await VaultClient.DownloadAsync(W.As(estate), VaultClient.Path(W.Performer.Id, asset));
        Assert.Equal(410, status);
        var hook = (await Receiver.WaitForAsync(r => r.Count >= 1))[0];
        Assert.Equal("postMortemTermEnded", hook.Json["data"]!["reason"]!.GetValue<string>());

        await core.Ledger.IntegrateAsync();
        var log = await core.Store.ReadAsync(s => s.ReadLedgerEntries(0, 10_000));
        Assert.Null(LedgerAudit.Check(log));
        var shredded = log.Select(e => System.Text.Json.JsonDocument.Parse(e).RootElement).Single(e => e.GetProperty("kind").GetString() == "asset.shredded");
        Assert.Equal("postMortemTermEnded", shredded.GetProperty("reason").GetString());
        Assert.Equal(asset, shredded.GetProperty("asset").GetString());
    }
}

/// <summary>Retention on the embedded SQLite store.</summary>
public sealed class VaultRetentionTestsOnSqlite() : VaultRetentionTests(Provider.Sqlite);

/// <summary>Retention on PostgreSQL.</summary>
public sealed class VaultRetentionTestsOnPostgres() : VaultRetentionTests(Provider.Postgres);
