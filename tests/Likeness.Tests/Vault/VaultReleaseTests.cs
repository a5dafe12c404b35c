using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Likeness.Ledger;
using Likeness.Tests.Support;
using Xunit;

namespace Likeness.Tests.Vault;

/// <summary>
/// Lineage and release (issue 20, docs/CUSTODY.md): an asset's sources and the consent in force at each capture, the
/// tree it makes, a flagged asset never released; a release only to an authorized render of a licence use that fits
/// the asset, by its studio, single-use, recorded as <c>asset.released</c> and listed for the performer.
/// </summary>
public abstract class VaultReleaseTests(Provider provider) : IAsyncLifetime
{
    private const int Seed = 20_3030;
    private TestServer _server = null!;
    private World _w = null!;

    private World W => _w;

    public async Task InitializeAsync()
    {
        _server = await TestServer.StartAsync(provider);
        _w = await World.CreateAsync(_server);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _server.DeleteFiles();
    }

    private async Task<string> SealedAssetAsync(string modality, string tier, byte[] content)
    {
        var (status, body) = await W.As(W.Performer).PostAsync($"/v1/performers/{W.Performer.Id}/assets", new { name = $"{modality} {tier}", modality, tier });
        Assert.Equal(201, status);
        var asset = body!["id"]!.GetValue<string>();
        Assert.Equal(201, (await VaultClient.UploadAsync(W.As(W.Performer), VaultClient.Path(W.Performer.Id, asset), content, 1 << 20)).Status);
        return asset;
    }

    private Task<(int Status, JsonNode? Body)> LineageAsync(string asset, object body) =>
        W.As(W.Performer).PostAsync($"/v1/performers/{W.Performer.Id}/assets/{asset}/lineage", body);

    private static object Source(string name, DateTimeOffset capturedAt) =>
        new { kind = "recording", name, sha256 = Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(name))), capturedAt };

    private async Task<string> RenderAsync()
    {
        var (status, r) = await W.As(W.Studio).PostAsync("/v1/renders", World.RenderBody(W.LicenseId));
        Assert.True(status == 201, r?.ToJsonString());
        return r!["renderId"]!.GetValue<string>();
    }

    [Fact]
    public async Task Lineage_names_the_consent_at_each_capture_and_a_source_without_consent_flags_every_asset_derived_from_it()
    {
        var content = VaultClient.Content(1000, Seed);
        var recordings = await SealedAssetAsync("voice", "staticReplica", content);
        var model = await SealedAssetAsync("voice", "behavioralEmulator", content);
        var early = await SealedAssetAsync("voice", "staticReplica", content);
        var tainted = await SealedAssetAsync("voice", "behavioralEmulator", content);

        // The world's consent was written at the epoch: a capture after it had consent, one before it had none.
        var (s1, clean) = await LineageAsync(recordings, new { sources = new[] { Source("session-01.wav", TestServer.Epoch.AddHours(1)) } });
        Assert.True(s1 == 201, clean?.ToJsonString());
        Assert.Equal("clean", clean!["consent"]!.GetValue<string>());
        Assert.Equal(1, clean["sources"]![0]!["consentVersion"]!.GetValue<int>());
        Assert.Equal(201, (await LineageAsync(model, new { derivedFrom = new[] { recordings } })).Status);
        Assert.Equal(201, (await LineageAsync(early, new { sources = new[] { Source("before-consent.wav", TestServer.Epoch.AddDays(-30)) } })).Status);
        var (s4, flagged) = await LineageAsync(tainted, new { derivedFrom = new[] { recordings, early } });
        Assert.Equal(201, s4);
        Assert.Equal("flagged", flagged!["consent"]!.GetValue<string>());

        var (st, tree) = await W.As(W.Performer).GetJsonAsync($"/v1/assets/{tainted}/lineage");
        Assert.Equal(200, st);
        Assert.Equal(2, tree!["derivedFrom"]!.AsArray().Count);
        var below = tree["derivedFrom"]!.AsArray().Single(n => n!["assetId"]!.GetValue<string>() == early)!;
        Assert.Equal("flagged", below["consent"]!.GetValue<string>());
        Assert.False(below["sources"]![0]!["consented"]!.GetValue<bool>());
        Assert.Equal("clean", (await W.As(W.Performer).GetJsonAsync($"/v1/assets/{model}/lineage")).Body!["derivedFrom"]![0]!["consent"]!.GetValue<string>());

        // Recorded once; seen by the performer side only.
        Assert.Equal(409, (await LineageAsync(model, new { derivedFrom = new[] { recordings } })).Status);
        Assert.Equal(404, (await W.As(W.Studio).GetJsonAsync($"/v1/assets/{model}/lineage")).Status);
        Assert.Equal(400, (await LineageAsync(await SealedAssetAsync("voice", "staticReplica", content), new { derivedFrom = new[] { "ast_nothing" } })).Status);

        // A flagged asset is never released, even to an authorized render whose licence fits it.
        var render = await RenderAsync();
        var (refused, why) = await W.As(W.Studio).PostAsync($"/v1/renders/{render}/asset-grants", new { asset = tainted });
        Assert.Equal(403, refused);
        Assert.Equal("lineage_not_clean", why!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_asset_is_released_once_to_its_authorized_render_and_the_performer_sees_the_release()
    {
        var content = VaultClient.Content((1 << 20) + 17, Seed + 1);
        var voice = await SealedAssetAsync("voice", "behavioralEmulator", content);
        var face = await SealedAssetAsync("face", "staticReplica", content);
        Assert.Equal(201, (await LineageAsync(voice, new { sources = new[] { Source("take-7.wav", TestServer.Epoch.AddHours(2)) } })).Status);
        Assert.Equal(201, (await LineageAsync(face, new { sources = new[] { Source("scan-1.obj", TestServer.Epoch.AddHours(2)) } })).Status);
        var render = await RenderAsync();
        var grants = $"/v1/renders/{render}/asset-grants";

        // Not the licence's modality; not the render's studio.
        var (wrongModality, wm) = await W.As(W.Studio).PostAsync(grants, new { asset = face });
        Assert.Equal(403, wrongModality);
        Assert.Equal("asset_not_licensed", wm!["code"]!.GetValue<string>());
        Assert.Equal(404, (await W.As(W.OtherStudio).PostAsync(grants, new { asset = voice })).Status);
        Assert.Equal(404, (await W.As(W.Performer).PostAsync(grants, new { asset = voice })).Status);

        var (granted, grant) = await W.As(W.Studio).PostAsync(grants, new { asset = voice }, "grant-1");
        Assert.True(granted == 201, grant?.ToJsonString());
        var url = grant!["downloadUrl"]!.GetValue<string>();
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), grant["sha256"]!.GetValue<string>());

        // Another studio cannot use the URL; the studio can, once.
        Assert.Equal(404, (await VaultClient.DownloadAsync(W.As(W.OtherStudio), url)).Status);
        var (got, bytes, _) = await VaultClient.DownloadAsync(W.As(W.Studio), url);
        Assert.Equal(200, got);
        Assert.True(content.AsSpan().SequenceEqual(bytes), $"seed {Seed + 1}: the released content differs");
        var (twice, twiceBody) = await W.As(W.Studio).GetJsonAsync(url);
        Assert.Equal(409, twice);
        Assert.Equal("grant_used", twiceBody!["code"]!.GetValue<string>());

        // A second grant, then the render completes: the grant is refused, and no new grant is given.
        var (_, second) = await W.As(W.Studio).PostAsync(grants, new { asset = voice }, "grant-2");
        Assert.Equal(200, (await W.As(W.Studio).PostAsync($"/v1/renders/{render}/complete", new { actualSeconds = 5, outputSha256 = new string('e', 64) })).Status);
        var (after, afterBody) = await W.As(W.Studio).GetJsonAsync(second!["downloadUrl"]!.GetValue<string>());
        Assert.Equal(409, after);
        Assert.Equal("render_state", afterBody!["code"]!.GetValue<string>());
        Assert.Equal(409, (await W.As(W.Studio).PostAsync(grants, new { asset = voice }, "grant-3")).Status);

        // A grant expires.
        var third = await RenderAsync();
        var (_, late) = await W.As(W.Studio).PostAsync($"/v1/renders/{third}/asset-grants", new { asset = voice }, "grant-4");
        _server.Clock.Advance(TimeSpan.FromMinutes(11));
        var (expired, expiredBody) = await W.As(W.Studio).GetJsonAsync(late!["downloadUrl"]!.GetValue<string>());
        Assert.Equal(410, expired);
        Assert.Equal("grant_expired", expiredBody!["code"]!.GetValue<string>());

        // The performer sees every release; the ledger records each with the render and the asset's hash.
        var (ls, releases) = await W.As(W.Performer).GetJsonAsync($"/v1/performers/{W.Performer.Id}/asset-releases");
        Assert.Equal(200, ls);
        Assert.Equal(3, releases!.AsArray().Count);
        Assert.Equal(404, (await W.As(W.Studio).GetJsonAsync($"/v1/performers/{W.Performer.Id}/asset-releases")).Status);
        var core = _server.Server.Core;
        await core.Ledger.IntegrateAsync();
        var entries = await core.Store.ReadAsync(s => s.ReadLedgerEntries(0, 10_000));
        var released = entries.Select(e => JsonNode.Parse(e)!).Where(e => e["kind"]!.GetValue<string>() == "asset.released").ToArray();
        Assert.Equal(3, released.Length);
        Assert.All(released, e => Assert.Equal(grant["sha256"]!.GetValue<string>(), e["sha256"]!.GetValue<string>()));
        Assert.Contains(released, e => e["render"]!.GetValue<string>() == render);
        Assert.Null(LedgerAudit.Check(entries));
    }
}

/// <summary>Lineage and release on the embedded SQLite store.</summary>
public sealed class VaultReleaseTestsOnSqlite() : VaultReleaseTests(Provider.Sqlite);

/// <summary>Lineage and release on PostgreSQL.</summary>
public sealed class VaultReleaseTestsOnPostgres() : VaultReleaseTests(Provider.Postgres);
