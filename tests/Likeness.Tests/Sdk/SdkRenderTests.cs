using System.Security.Cryptography;
using Likeness.Client;
using Likeness.Tests.Support;
using Xunit;

namespace Likeness.Tests.Sdk;

/// <summary>The SDK's render scope against a real server: retries counted once, approval waited for, failures cancelled, problems typed.</summary>
public sealed class SdkRenderTests() : WorldTests(Provider.Sqlite)
{
    private LikenessClient Client(string key, HttpMessageHandler? handler = null) => new(
        new LikenessClientOptions
        {
            Server = new Uri(Server.Url),
            ApiKey = key,
            RetryDelay = TimeSpan.Zero,
            ApprovalPollInterval = TimeSpan.FromMilliseconds(5),
            ApprovalPollMaxInterval = TimeSpan.FromMilliseconds(20),
        },
        handler);

    private RenderRequest Request(decimal seconds = 10, string[]? categories = null, string territory = "JP", string language = "ja") =>
        new(W.LicenseId, "voice", "dubbing", territory, language, seconds, categories ?? [], "Captain Vale orders the crew to raise the sails.", "newPerformance", "line-0001");

    [Fact]
    public async Task An_authorize_whose_answer_is_lost_is_retried_with_the_same_key_and_reserves_once()
    {
        using var lossy = new LostAnswerHandler(r => r.Method == HttpMethod.Post && r.RequestUri!.AbsolutePath == "/v1/renders");
        using var likeness = Client(W.Studio.Key, lossy);

        await using var render = await likeness.Renders.AuthorizeAsync(Request());

        Assert.Equal(2, lossy.Keys.Count);
        Assert.NotNull(lossy.Keys[0]);
        Assert.Equal(lossy.Keys[0], lossy.Keys[1]);
        var renders = await likeness.Renders.ListAsync(license: W.LicenseId);
        Assert.Equal(render.RenderId, Assert.Single(renders.Items).RenderId);
        var budget = (await likeness.Licenses.GetAsync(W.LicenseId)).Budgets[0];
        Assert.Equal(1, budget.RendersReserved);
        Assert.Equal(10m, budget.SecondsReserved);
    }

    [Fact]
    public async Task A_completion_whose_answer_is_lost_settles_once_with_the_hash_the_scope_computed()
    {
        using var lossy = new LostAnswerHandler(r => r.RequestUri!.AbsolutePath.EndsWith("/complete", StringComparison.Ordinal));
        using var likeness = Client(W.Studio.Key, lossy);
        var output = Path.Combine(Server.Dir, "take.bin");
        await File.WriteAllBytesAsync(output, RandomNumberGenerator.GetBytes(4096));

        await using var render = await likeness.Renders.AuthorizeAsync(Request());
        var done = await render.CompleteAsync(output, 7.5m);

        Assert.Equal(2, lossy.Keys.Count);
        Assert.Equal(lossy.Keys[0], lossy.Keys[1]);
        Assert.Equal("completed", done.Status);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(output))), done.OutputSha256);
        var usage = await likeness.Licenses.UsageAsync(W.LicenseId);
        Assert.Equal(7.5m, Assert.Single(usage.Items).Seconds);
        var budget = (await likeness.Licenses.GetAsync(W.LicenseId)).Budgets[0];
        Assert.Equal((1, 0), (budget.RendersUsed, budget.RendersReserved));
    }

    [Fact]
    public async Task A_render_pending_approval_is_waited_for_and_goes_on_once_approved()
    {
        using var studio = Client(W.Studio.Key);
        using var performer = Client(W.Performer.Key);
        Render? seen = null;

        await using var render = await studio.Renders.AuthorizeAsync(Request(categories: ["violence"]), async pending =>
        {
            seen = pending;
            await performer.Renders.ApproveAsync(pending.RenderId);
        });

        Assert.Equal(("pending", "pendingApproval"), (seen!.Decision, seen.Status));
        Assert.Contains(seen.Reasons, r => r.Code == "instance_approval_required");
        Assert.Equal(seen.RenderId, render.RenderId);
        Assert.Equal("authorized", render.Render.Status);
        Assert.Equal(10m, render.ReservedSeconds);
    }

    [Fact]
    public async Task A_rejected_render_ends_the_wait_with_a_typed_refusal()
    {
        using var studio = Client(W.Studio.Key);
        using var performer = Client(W.Performer.Key);

        var refused = await Assert.ThrowsAsync<LikenessRenderNotApprovedException>(() =>
            studio.Renders.AuthorizeAsync(Request(categories: ["violence"]), p => performer.Renders.RejectAsync(p.RenderId)));

        Assert.Equal("rejected", refused.Render.Status);
    }

    [Fact]
    public async Task Giving_up_the_wait_cancels_the_pending_render()
    {
        using var studio = Client(W.Studio.Key);
        using var stop = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            studio.Renders.AuthorizeAsync(Request(categories: ["violence"]), _ => stop.CancelAsync(), ct: stop.Token));

        var render = Assert.Single((await studio.Renders.ListAsync(license: W.LicenseId)).Items);
        Assert.Equal("cancelled", render.Status);
    }

    [Fact]
    public async Task A_pipeline_that_fails_inside_the_scope_releases_the_reservation()
    {
        using var likeness = Client(W.Studio.Key);
        string? id = null;

        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await using var render = await likeness.Renders.AuthorizeAsync(Request());
            id = render.RenderId;
            throw new InvalidOperationException("the synthesizer crashed");
        });

        Assert.Equal("cancelled", (await likeness.Renders.GetAsync(id!)).Status);
        var budget = (await likeness.Licenses.GetAsync(W.LicenseId)).Budgets[0];
        Assert.Equal((0, 0m), (budget.RendersReserved, budget.SecondsReserved));
    }

    [Fact]
    public async Task A_denial_is_a_typed_exception_carrying_every_reason()
    {
        using var likeness = Client(W.Studio.Key);

        var denied = await Assert.ThrowsAsync<LikenessRenderDeniedException>(() => likeness.Renders.AuthorizeAsync(Request(territory: "US", language: "fr")));

        Assert.Equal(403, denied.Status);
        Assert.Equal(["language_not_licensed", "territory_not_licensed"], denied.Reasons.Select(r => r.Code).Order(StringComparer.Ordinal));
        Assert.All(denied.Reasons, r => Assert.False(string.IsNullOrEmpty(r.Rule)));
        Assert.Contains("territory_not_licensed", denied.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_kind_of_problem_has_its_exception_with_type_code_and_field()
    {
        using var studio = Client(W.Studio.Key);

        var missing = await Assert.ThrowsAsync<LikenessNotFoundException>(() => studio.Licenses.GetAsync("lic_nope"));
        Assert.Equal(404, missing.Status);
        Assert.NotNull(missing.Code);
        Assert.EndsWith(missing.Code!.Replace('_', '-'), missing.Type, StringComparison.Ordinal);

        var invalid = await Assert.ThrowsAsync<LikenessInvalidRequestException>(() => studio.Renders.AuthorizeAsync(Request(seconds: -1)));
        Assert.Equal("requestedSeconds", invalid.Field);

        using var stranger = Client("lk_not-a-key");
        await Assert.ThrowsAsync<LikenessAccessDeniedException>(() => stranger.Parties.MeAsync());

        await using var render = await studio.Renders.AuthorizeAsync(Request());
        await render.CompleteAsync(new MemoryStream([1, 2, 3]), 1);
        var settled = await Assert.ThrowsAsync<LikenessConflictException>(() => studio.Renders.CancelAsync(render.RenderId));
        Assert.Equal(409, settled.Status);
    }

    [Fact]
    public async Task No_server_is_an_unreachable_exception_after_the_retries()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var nowhere = new LikenessClient(new LikenessClientOptions { Server = new Uri($"http://127.0.0.1:{port}"), ApiKey = "k", RetryDelay = TimeSpan.Zero, MaxRetries = 1 });

        var e = await Assert.ThrowsAsync<LikenessUnreachableException>(() => nowhere.Parties.MeAsync());
        Assert.Contains("cannot reach", e.Message, StringComparison.Ordinal);
    }
}
