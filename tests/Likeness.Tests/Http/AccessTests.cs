using Likeness.Tests.Support;
using Xunit;

namespace Likeness.Tests.Http;

/// <summary>Every route with every kind of party: only the allowed succeed; the others get 401, 403 or 404 and change nothing.</summary>
public abstract class AccessTests(Provider provider) : WorldTests(provider)
{
    private string _renderId = null!;
    private string _pendingRenderId = null!;
    private string _openRequestId = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var (_, r) = await W.As(W.Studio).PostAsync("/v1/renders", World.RenderBody(W.LicenseId, 5));
        _renderId = r!["renderId"]!.GetValue<string>();
        var (_, p) = await W.As(W.Studio).PostAsync("/v1/renders", World.RenderBody(W.LicenseId, 5, categories: ["violence"]));
        _pendingRenderId = p!["renderId"]!.GetValue<string>();
        var (_, q) = await W.As(W.Studio).PostAsync("/v1/license-requests", new { performerId = W.Performer.Id, project = "P2", description = World.Description, uses = new[] { World.Use() } });
        _openRequestId = q!["id"]!.GetValue<string>();
    }

    private Actor[] Everyone => [W.Operator, W.Performer, W.Representative, W.Studio, W.OtherStudio, W.Union, W.Auditor, W.Estate, W.OtherPerformer];

    private async Task Check(HttpMethod method, string path, object? body, params Actor[] allowed)
    {
        var anonymous = await Server.Client(null).SendAsync(method, path, body);
        Assert.True(anonymous.Status == 401 || (path.StartsWith("/v1/ledger", StringComparison.Ordinal) && anonymous.Status == 200), $"{method} {path} without a key: {anonymous.Status}");
        Assert.Equal(path.StartsWith("/v1/ledger", StringComparison.Ordinal) ? 200 : 401, (await Server.Client("lk_not-a-key").SendAsync(method, path, body)).Status);
        // The refused go first, so that they meet the state the allowed would change.
        foreach (var actor in Everyone.Where(a => !allowed.Contains(a)))
        {
            var (status, problem) = await W.As(actor).SendAsync(method, path, body);
            Assert.True(status is 403 or 404, $"{Name(actor)} should be refused {method} {path}, got {status}: {problem?.ToJsonString()}");
            Assert.NotNull(problem?["code"]);
        }

        for (var i = 0; i < allowed.Length; i++)
        {
            var (status, problem) = await W.As(allowed[i]).SendAsync(method, path, body);
            var ok = status is >= 200 and < 300 || (i > 0 && status == 409 && method != HttpMethod.Get);
            Assert.True(ok, $"{Name(allowed[i])} should be allowed {method} {path}, got {status}: {problem?.ToJsonString()}");
        }
    }

    private string Name(Actor a) =>
        a == W.Operator ? "operator" : a == W.Performer ? "performer" : a == W.Representative ? "representative" : a == W.Studio ? "studio"
        : a == W.OtherStudio ? "other studio" : a == W.Union ? "union" : a == W.Auditor ? "auditor" : a == W.Estate ? "estate" : "other performer";

    [Fact]
    public Task Reading_a_party() => Check(HttpMethod.Get, $"/v1/parties/{W.Performer.Id}", null, W.Operator, W.Performer, W.Representative);

    // The studio holding her licence reads the assets of the modalities it licenses (a render worker needs the voice model).
    [Fact]
    public Task Reading_assets() => Check(HttpMethod.Get, $"/v1/performers/{W.Performer.Id}/assets", null, W.Operator, W.Performer, W.Representative, W.Studio);

    [Fact]
    public Task Reading_consent() => Check(HttpMethod.Get, $"/v1/performers/{W.Performer.Id}/consent", null, W.Performer, W.Representative, W.Studio);

    [Fact]
    public Task Reading_a_request() => Check(HttpMethod.Get, $"/v1/license-requests/{W.RequestId}", null, W.Performer, W.Representative, W.Studio);

    [Fact]
    public Task Reading_a_licence() => Check(HttpMethod.Get, $"/v1/licenses/{W.LicenseId}", null, W.Performer, W.Representative, W.Studio, W.Union, W.Auditor);

    [Fact]
    public Task Reading_licence_usage() => Check(HttpMethod.Get, $"/v1/licenses/{W.LicenseId}/usage", null, W.Performer, W.Representative, W.Studio, W.Auditor);

    [Fact]
    public Task Reading_performer_usage() => Check(HttpMethod.Get, $"/v1/performers/{W.Performer.Id}/usage", null, W.Performer, W.Representative, W.Auditor);

    [Fact]
    public Task Reading_a_render() => Check(HttpMethod.Get, $"/v1/renders/{_renderId}", null, W.Performer, W.Representative, W.Studio);

    [Fact]
    public Task Creating_parties() => Check(HttpMethod.Post, "/v1/parties", new { kind = "auditor", name = "x" }, W.Operator);

    [Fact]
    public Task Registering_assets() => Check(HttpMethod.Post, $"/v1/performers/{W.Performer.Id}/assets", new { name = "scan", modality = "face", tier = "staticReplica" }, W.Performer, W.Representative);

    [Fact]
    public Task Writing_consent() => Check(HttpMethod.Put, $"/v1/performers/{W.Performer.Id}/consent", World.DefaultConsent, W.Performer, W.Representative);

    [Fact]
    public Task Requesting_a_licence() => Check(HttpMethod.Post, "/v1/license-requests", new { performerId = W.Performer.Id, project = "P", description = World.Description, uses = new[] { World.Use() } }, W.Studio, W.OtherStudio);

    [Fact]
    public Task Deciding_a_request() => Check(HttpMethod.Post, $"/v1/license-requests/{_openRequestId}/veto", new { reason = "no" }, W.Performer, W.Representative);

    [Fact]
    public Task Suspending_a_licence() => Check(HttpMethod.Post, $"/v1/licenses/{W.LicenseId}/suspend", "{}", W.Union, W.Performer, W.Representative);

    [Fact]
    public Task Revoking_a_licence() => Check(HttpMethod.Post, $"/v1/licenses/{W.LicenseId}/revoke", new { noticeDays = 10 }, W.Representative, W.Performer);

    [Fact]
    public Task Authorizing_a_render() => Check(HttpMethod.Post, "/v1/renders", World.RenderBody(W.LicenseId, 1), W.Studio);

    [Fact]
    public Task Completing_a_render() => Check(HttpMethod.Post, $"/v1/renders/{_renderId}/complete", new { actualSeconds = 1, outputSha256 = new string('f', 64) }, W.Studio);

    [Fact]
    public Task Approving_a_render() => Check(HttpMethod.Post, $"/v1/renders/{_pendingRenderId}/approve", "{}", W.Representative, W.Performer);

    [Fact]
    public Task Approving_a_request() => Check(HttpMethod.Post, $"/v1/license-requests/{_openRequestId}/approve", "{}", W.Representative, W.Performer);

    [Fact]
    public Task Countering_a_request() => Check(HttpMethod.Post, $"/v1/license-requests/{_openRequestId}/counter", new { uses = new[] { World.Use(maxSyntheticSeconds: 10) } }, W.Performer, W.Representative);

    [Fact]
    public async Task Accepting_a_counter()
    {
        await W.As(W.Performer).PostAsync($"/v1/license-requests/{_openRequestId}/counter", new { uses = new[] { World.Use(maxSyntheticSeconds: 10) } });
        await Check(HttpMethod.Post, $"/v1/license-requests/{_openRequestId}/accept", "{}", W.Studio);
    }

    [Fact]
    public async Task Resuming_a_licence()
    {
        await W.As(W.Performer).PostAsync($"/v1/licenses/{W.LicenseId}/suspend");
        // Access lets the union try, but only the side that placed a suspension lifts it (409 for the union).
        await Check(HttpMethod.Post, $"/v1/licenses/{W.LicenseId}/resume", "{}", W.Performer, W.Representative, W.Union);
    }

    [Fact]
    public Task Estate_consent_before_death_is_nobodys() => Check(HttpMethod.Post, $"/v1/licenses/{W.LicenseId}/estate-consent", "{}");

    [Fact]
    public Task Cancelling_a_render() => Check(HttpMethod.Post, $"/v1/renders/{_renderId}/cancel", "{}", W.Studio);

    [Fact]
    public Task Rejecting_a_render() => Check(HttpMethod.Post, $"/v1/renders/{_pendingRenderId}/reject", "{}", W.Performer, W.Representative);

    [Fact]
    public Task Reading_the_ledger_key_is_public() => Check(HttpMethod.Get, "/v1/ledger/key", null, [.. Everyone]);

    [Fact]
    public Task Recording_a_death() => Check(HttpMethod.Post, $"/v1/performers/{W.OtherPerformer.Id}/death", new { diedOn = "2026-01-01" }, W.Operator);
}

/// <summary>The same tests on the embedded SQLite store.</summary>
public sealed class AccessTestsOnSqlite() : AccessTests(Provider.Sqlite);

/// <summary>The same tests on PostgreSQL.</summary>
public sealed class AccessTestsOnPostgres() : AccessTests(Provider.Postgres);
