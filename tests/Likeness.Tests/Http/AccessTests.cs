using Likeness.Tests.Support;
using Xunit;

namespace Likeness.Tests.Http;

/// <summary>Every route with every kind of party: only the allowed succeed; the others get 401, 403 or 404 and change nothing.</summary>
public abstract class AccessTests(Provider provider) : IAsyncLifetime
{
    private TestServer _server = null!;
    private World _w = null!;
    private string _renderId = null!;
    private string _pendingRenderId = null!;
    private string _openRequestId = null!;

    public async Task InitializeAsync()
    {
        _server = await TestServer.StartAsync(provider);
        _w = await World.CreateAsync(_server);
        var (_, r) = await _w.As(_w.Studio).PostAsync("/v1/renders", World.RenderBody(_w.LicenseId, 5));
        _renderId = r!["renderId"]!.GetValue<string>();
        var (_, p) = await _w.As(_w.Studio).PostAsync("/v1/renders", World.RenderBody(_w.LicenseId, 5, categories: ["violence"]));
        _pendingRenderId = p!["renderId"]!.GetValue<string>();
        var (_, q) = await _w.As(_w.Studio).PostAsync("/v1/license-requests", new { performerId = _w.Performer.Id, project = "P2", description = World.Description, uses = new[] { World.Use() } });
        _openRequestId = q!["id"]!.GetValue<string>();
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _server.DeleteFiles();
    }

    private Actor[] Everyone => [_w.Operator, _w.Performer, _w.Representative, _w.Studio, _w.OtherStudio, _w.Union, _w.Auditor, _w.Estate, _w.OtherPerformer];

    private async Task Check(HttpMethod method, string path, object? body, params Actor[] allowed)
    {
        var anonymous = await _server.Client(null).SendAsync(method, path, body);
        Assert.True(anonymous.Status == 401 || (path.StartsWith("/v1/ledger", StringComparison.Ordinal) && anonymous.Status == 200), $"{method} {path} without a key: {anonymous.Status}");
        Assert.Equal(path.StartsWith("/v1/ledger", StringComparison.Ordinal) ? 200 : 401, (await _server.Client("lk_not-a-key").SendAsync(method, path, body)).Status);
        // The refused go first, so that they meet the state the allowed would change.
        foreach (var actor in Everyone.Where(a => !allowed.Contains(a)))
        {
            var (status, problem) = await _w.As(actor).SendAsync(method, path, body);
            Assert.True(status is 403 or 404, $"{Name(actor)} should be refused {method} {path}, got {status}: {problem?.ToJsonString()}");
            Assert.NotNull(problem?["code"]);
        }

        for (var i = 0; i < allowed.Length; i++)
        {
            var (status, problem) = await _w.As(allowed[i]).SendAsync(method, path, body);
            var ok = status is >= 200 and < 300 || (i > 0 && status == 409 && method != HttpMethod.Get);
            Assert.True(ok, $"{Name(allowed[i])} should be allowed {method} {path}, got {status}: {problem?.ToJsonString()}");
        }
    }

    private string Name(Actor a) =>
        a == _w.Operator ? "operator" : a == _w.Performer ? "performer" : a == _w.Representative ? "representative" : a == _w.Studio ? "studio"
        : a == _w.OtherStudio ? "other studio" : a == _w.Union ? "union" : a == _w.Auditor ? "auditor" : a == _w.Estate ? "estate" : "other performer";

    [Fact]
    public Task Reading_a_party() => Check(HttpMethod.Get, $"/v1/parties/{_w.Performer.Id}", null, _w.Operator, _w.Performer, _w.Representative, _w.Estate);

    [Fact]
    public Task Reading_assets() => Check(HttpMethod.Get, $"/v1/performers/{_w.Performer.Id}/assets", null, _w.Operator, _w.Performer, _w.Representative);

    [Fact]
    public Task Reading_consent() => Check(HttpMethod.Get, $"/v1/performers/{_w.Performer.Id}/consent", null, _w.Performer, _w.Representative, _w.Studio);

    [Fact]
    public Task Reading_a_request() => Check(HttpMethod.Get, $"/v1/license-requests/{_w.RequestId}", null, _w.Performer, _w.Representative, _w.Studio);

    [Fact]
    public Task Reading_a_licence() => Check(HttpMethod.Get, $"/v1/licenses/{_w.LicenseId}", null, _w.Performer, _w.Representative, _w.Studio, _w.Union, _w.Auditor);

    [Fact]
    public Task Reading_licence_usage() => Check(HttpMethod.Get, $"/v1/licenses/{_w.LicenseId}/usage", null, _w.Performer, _w.Representative, _w.Studio, _w.Auditor);

    [Fact]
    public Task Reading_performer_usage() => Check(HttpMethod.Get, $"/v1/performers/{_w.Performer.Id}/usage", null, _w.Performer, _w.Representative, _w.Auditor);

    [Fact]
    public Task Reading_a_render() => Check(HttpMethod.Get, $"/v1/renders/{_renderId}", null, _w.Performer, _w.Representative, _w.Studio);

    [Fact]
    public Task Creating_parties() => Check(HttpMethod.Post, "/v1/parties", new { kind = "auditor", name = "x" }, _w.Operator);

    [Fact]
    public Task Registering_assets() => Check(HttpMethod.Post, $"/v1/performers/{_w.Performer.Id}/assets", new { name = "scan", modality = "face", tier = "staticReplica" }, _w.Performer, _w.Representative);

    [Fact]
    public Task Writing_consent() => Check(HttpMethod.Put, $"/v1/performers/{_w.Performer.Id}/consent", World.DefaultConsent, _w.Performer, _w.Representative);

    [Fact]
    public Task Requesting_a_licence() => Check(HttpMethod.Post, "/v1/license-requests", new { performerId = _w.Performer.Id, project = "P", description = World.Description, uses = new[] { World.Use() } }, _w.Studio, _w.OtherStudio);

    [Fact]
    public Task Deciding_a_request() => Check(HttpMethod.Post, $"/v1/license-requests/{_openRequestId}/veto", new { reason = "no" }, _w.Performer, _w.Representative);

    [Fact]
    public Task Suspending_a_licence() => Check(HttpMethod.Post, $"/v1/licenses/{_w.LicenseId}/suspend", "{}", _w.Union, _w.Performer, _w.Representative);

    [Fact]
    public Task Revoking_a_licence() => Check(HttpMethod.Post, $"/v1/licenses/{_w.LicenseId}/revoke", new { noticeDays = 10 }, _w.Representative, _w.Performer);

    [Fact]
    public Task Authorizing_a_render() => Check(HttpMethod.Post, "/v1/renders", World.RenderBody(_w.LicenseId, 1), _w.Studio);

    [Fact]
    public Task Completing_a_render() => Check(HttpMethod.Post, $"/v1/renders/{_renderId}/complete", new { actualSeconds = 1, outputSha256 = new string('f', 64) }, _w.Studio);

    [Fact]
    public Task Approving_a_render() => Check(HttpMethod.Post, $"/v1/renders/{_pendingRenderId}/approve", "{}", _w.Representative, _w.Performer);

    [Fact]
    public Task Approving_a_request() => Check(HttpMethod.Post, $"/v1/license-requests/{_openRequestId}/approve", "{}", _w.Representative, _w.Performer);

    [Fact]
    public Task Countering_a_request() => Check(HttpMethod.Post, $"/v1/license-requests/{_openRequestId}/counter", new { uses = new[] { World.Use(maxSyntheticSeconds: 10) } }, _w.Performer, _w.Representative);

    [Fact]
    public async Task Accepting_a_counter()
    {
        await _w.As(_w.Performer).PostAsync($"/v1/license-requests/{_openRequestId}/counter", new { uses = new[] { World.Use(maxSyntheticSeconds: 10) } });
        await Check(HttpMethod.Post, $"/v1/license-requests/{_openRequestId}/accept", "{}", _w.Studio);
    }

    [Fact]
    public async Task Resuming_a_licence()
    {
        await _w.As(_w.Performer).PostAsync($"/v1/licenses/{_w.LicenseId}/suspend");
        await Check(HttpMethod.Post, $"/v1/licenses/{_w.LicenseId}/resume", "{}", _w.Union, _w.Performer, _w.Representative);
    }

    [Fact]
    public Task Estate_consent_before_death_is_nobodys() => Check(HttpMethod.Post, $"/v1/licenses/{_w.LicenseId}/estate-consent", "{}");

    [Fact]
    public Task Cancelling_a_render() => Check(HttpMethod.Post, $"/v1/renders/{_renderId}/cancel", "{}", _w.Studio);

    [Fact]
    public Task Rejecting_a_render() => Check(HttpMethod.Post, $"/v1/renders/{_pendingRenderId}/reject", "{}", _w.Performer, _w.Representative);

    [Fact]
    public Task Reading_the_ledger_key_is_public() => Check(HttpMethod.Get, "/v1/ledger/key", null, [.. Everyone]);

    [Fact]
    public Task Recording_a_death() => Check(HttpMethod.Post, $"/v1/performers/{_w.OtherPerformer.Id}/death", new { diedOn = "2026-01-01" }, _w.Operator);
}

/// <summary>The same tests on the embedded SQLite store.</summary>
public sealed class AccessTestsOnSqlite() : AccessTests(Provider.Sqlite);

/// <summary>The same tests on PostgreSQL.</summary>
public sealed class AccessTestsOnPostgres() : AccessTests(Provider.Postgres);
