using System.Security.Cryptography;
using Likeness.Tests.Support;
using Likeness.Tests.Vault;
using Xunit;

namespace Likeness.Tests.Http;

/// <summary>What the custody vault's rows act on: assets of the living and the dead performer, sealed or not, and grants.</summary>
public sealed partial class AccessTableFixture
{
    private readonly SemaphoreSlim _once = new(1, 1);
    private readonly Dictionary<string, string> _sealed = new(StringComparer.Ordinal);

    /// <summary>A fresh asset of <paramref name="performerId"/>, registered by <paramref name="side"/> (her, or her estate after death).</summary>
    public async Task<string> AssetAsync(Actor side, string performerId, string modality = "voice")
    {
        var (status, body) = await Server.Client(side.Key).PostAsync($"/v1/performers/{performerId}/assets", new { name = "take", modality, tier = "staticReplica" });
        Assert.Equal(201, status);
        return body!["id"]!.GetValue<string>();
    }

    /// <summary>A fresh asset with sealed content (a few bytes, from a fixed seed).</summary>
    public async Task<string> FreshSealedAsync(Actor side, string performerId)
    {
        var asset = await AssetAsync(side, performerId);
        var (status, body) = await VaultClient.UploadAsync(Server.Client(side.Key), VaultClient.Path(performerId, asset), VaultClient.Content(4096, 20_0001), 1 << 20);
        Assert.True(status == 201, body?.ToJsonString());
        return asset;
    }

    /// <summary>One sealed asset per performer, shared by the rows that only read it.</summary>
    public async Task<string> SealedAsync(Actor side, string performerId)
    {
        await _once.WaitAsync();
        try
        {
            if (!_sealed.TryGetValue(performerId, out var asset))
            {
                asset = await FreshSealedAsync(side, performerId);
                _sealed[performerId] = asset;
            }

            return asset;
        }
        finally
        {
            _once.Release();
        }
    }

    /// <summary>A fresh release's grant id, whose copy the studio may state deleted.</summary>
    public async Task<string> GrantIdAsync()
    {
        var (asset, render) = await ReleasableAsync();
        var (status, grant) = await W.As(W.Studio).PostAsync($"/v1/renders/{render}/asset-grants", new { asset });
        Assert.True(status == 201, grant?.ToJsonString());
        return grant!["id"]!.GetValue<string>();
    }

    /// <summary>A single-use download of a sealed voice asset with a clean lineage, granted to a fresh render of the World's studio.</summary>
    public async Task<string> DownloadPathAsync()
    {
        var (asset, render) = await ReleasableAsync();
        var (status, grant) = await W.As(W.Studio).PostAsync($"/v1/renders/{render}/asset-grants", new { asset });
        Assert.True(status == 201, grant?.ToJsonString());
        return grant!["downloadUrl"]!.GetValue<string>();
    }

    /// <summary>A sealed voice asset of the World's performer with a clean lineage, and a fresh authorized render.</summary>
    public async Task<(string Asset, string Render)> ReleasableAsync()
    {
        var asset = await FreshSealedAsync(W.Performer, W.Performer.Id);
        var source = new { kind = "recording", name = "take.wav", sha256 = Convert.ToHexStringLower(SHA256.HashData("take.wav"u8)), capturedAt = Server.Clock.GetUtcNow() };
        var (status, body) = await W.As(W.Performer).PostAsync($"/v1/performers/{W.Performer.Id}/assets/{asset}/lineage", new { sources = new[] { source } });
        Assert.True(status == 201, body?.ToJsonString());
        return (asset, await RenderAsync());
    }
}
