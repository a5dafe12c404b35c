using Likeness.Tests.Support;
using Xunit;

namespace Likeness.Tests.Http;

/// <summary>
/// One server and the World's cast for the whole access table, with what its rows act on: a closed period, the union's
/// rate table, and a performer whose death is recorded (her representative, her estate, a licence of hers). Rows that
/// change state make their own target first (a fresh request to veto), so cells never meet each other's leftovers.
/// </summary>
public sealed partial class AccessTableFixture : IAsyncLifetime
{
    public TestServer Server { get; private set; } = null!;
    public World W { get; private set; } = null!;
    public Actor Dead { get; private set; } = null!;
    public Actor DeadRepresentative { get; private set; } = null!;
    public Actor DeadEstate { get; private set; } = null!;
    public string DeadLicence { get; private set; } = null!;

    /// <summary>A union with a rate table loaded.</summary>
    public Actor Guild { get; private set; } = null!;

    /// <summary>The grant of the World's licence: an entry that concerns the performer side and the studio.</summary>
    public long LicenceEntry { get; private set; }

    public async Task InitializeAsync()
    {
        // Hundreds of cells from one address, a stranger's among them: the failed-authentication limit would hold the rest off.
        Server = await TestServer.StartAsync(Provider.Sqlite, adjust: s => s with { RateLimits = new Likeness.Server.Security.RateLimits { AuthFailuresPerMinute = 0 } });
        W = await World.CreateAsync(Server);
        var op = W.As(W.Operator);
        Assert.Equal(200, (await op.PostAsync("/v1/statements/close", new { period = "2026-10" })).Status);
        // The scale is loaded for a union of another performer, so that no floor gets in the way of the rows' licences.
        Guild = await PartyAsync("union", "Voice Guild", W.OtherPerformer.Id);
        Assert.Equal(200, (await op.SendAsync(HttpMethod.Put, $"/v1/unions/{Guild.Id}/rates", new { version = "2026", rates = new[] { new { purpose = "videoGame", modality = "voice", perRender = new { currency = "USD", minor = 1 } } } })).Status);
        var (_, licence) = await W.As(W.Studio).GetJsonAsync($"/v1/licenses/{W.LicenseId}");
        LicenceEntry = licence!["ledgerIndex"]!.GetValue<long>();

        Dead = await PartyAsync("performer", "Late Performer");
        DeadRepresentative = await PartyAsync("representative", "Late Agency");
        await World.GrantAsync(Server, Dead, DeadRepresentative);
        DeadEstate = await PartyAsync("estate", "Estate of Late Performer", Dead.Id);
        Assert.Equal(200, (await Server.Client(Dead.Key).SendAsync(HttpMethod.Put, $"/v1/performers/{Dead.Id}/consent", World.DefaultConsent)).Status);
        var (_, request) = await W.As(W.Studio).PostAsync("/v1/license-requests", new { performerId = Dead.Id, project = "Skyward Tides", description = World.Description, uses = new[] { World.Use() } });
        var (_, granted) = await Server.Client(Dead.Key).PostAsync($"/v1/license-requests/{request!["id"]}/approve", new { });
        DeadLicence = granted!["id"]!.GetValue<string>();
        Assert.Equal(200, (await op.PostAsync($"/v1/performers/{Dead.Id}/death", new { diedOn = "2026-10-15" })).Status);

        // The proofs' cells ask for a signed checkpoint: sign one now rather than race the sequencer's first tick.
        await Server.Server.Core.Ledger.IntegrateAsync();
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        Server.DeleteFiles();
    }

    public async Task<Actor> PartyAsync(string kind, string name, params string[] represents)
    {
        var (status, body) = await W.As(W.Operator).PostAsync("/v1/parties", new { kind, name, represents });
        Assert.Equal(201, status);
        return new Actor(body!["id"]!.GetValue<string>(), body["apiKey"]!.GetValue<string>());
    }

    /// <summary>A fresh plan of the World's studio casting <paramref name="performerId"/> (issue 21).</summary>
    public async Task<string> PlanAsync(string performerId)
    {
        var (status, plan) = await W.As(W.Studio).PostAsync("/v1/plans", Planning.PlanScripts.Body(performerId));
        Assert.True(status == 201, plan?.ToJsonString());
        return plan!["id"]!.GetValue<string>();
    }

    /// <summary>A fresh pending request of the World's studio to the World's performer.</summary>
    public async Task<string> RequestAsync()
    {
        var (status, r) = await W.As(W.Studio).PostAsync("/v1/license-requests", new { performerId = W.Performer.Id, project = "P", description = World.Description, uses = new[] { World.Use() } });
        Assert.Equal(201, status);
        return r!["id"]!.GetValue<string>();
    }

    /// <summary>A fresh request, countered by the performer.</summary>
    public async Task<string> CounteredAsync()
    {
        var id = await RequestAsync();
        Assert.Equal(200, (await W.As(W.Performer).PostAsync($"/v1/license-requests/{id}/counter", new { uses = new[] { World.Use(maxSyntheticSeconds: 10) } })).Status);
        return id;
    }

    /// <summary>
    /// A fresh active licence; when asked, suspended by the performer and by her union, so that each side that may resume
    /// holds a suspension of its own to lift (suspensions have owners: docs/DOMAIN.md).
    /// </summary>
    public async Task<string> LicenceAsync(bool suspended = false)
    {
        var id = await W.LicenseAsync(World.Use(), null);
        if (suspended)
        {
            Assert.Equal(200, (await W.As(W.Performer).PostAsync($"/v1/licenses/{id}/suspend")).Status);
            Assert.Equal(200, (await W.As(W.Union).PostAsync($"/v1/licenses/{id}/suspend")).Status);
        }

        return id;
    }

    /// <summary>The watermark token of a fresh render of the World's licence.</summary>
    public async Task<string> WatermarkAsync()
    {
        var (status, r) = await W.As(W.Studio).PostAsync("/v1/renders", World.RenderBody(W.LicenseId, 2));
        Assert.True(status == 201, r?.ToJsonString());
        return r!["watermark"]!.GetValue<string>();
    }

    /// <summary>The fingerprint (base64) a fresh render of the World's licence was completed with: 64 sub-fingerprints drawn from its id's hashes.</summary>
    public async Task<string> FingerprintAsync()
    {
        var id = await RenderAsync();
        var items = Enumerable.Range(0, 8).SelectMany(i => System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{id}/{i}"))).ToArray();
        var fingerprint = Convert.ToBase64String(items);
        var (status, r) = await W.As(W.Studio).PostAsync($"/v1/renders/{id}/complete", new { actualSeconds = 1, outputSha256 = new string('a', 64), fingerprint });
        Assert.True(status == 200, r?.ToJsonString());
        return fingerprint;
    }

    /// <summary>A fresh render on the World's licence: authorized, or waiting for the performer's approval (sensitive content).</summary>
    public async Task<string> RenderAsync(bool pending = false)
    {
        var (status, r) = await W.As(W.Studio).PostAsync("/v1/renders", World.RenderBody(W.LicenseId, 2, categories: pending ? ["violence"] : null));
        Assert.True(status is 201 or 202, r?.ToJsonString());
        return r!["renderId"]!.GetValue<string>();
    }
}
