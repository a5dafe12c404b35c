using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Likeness.Server.Classifier;
using Likeness.Tests.Support;
using Xunit;

namespace Likeness.Tests.Classifier;

/// <summary>
/// The operator's external prompt classifier (issue 15): what it finds is judged like what the lexicons find, and when it
/// fails, answers nonsense, is unreachable or is slower than its timeout, the render goes to per-instance approval, never
/// through. Against a real HTTP classifier on a free port.
/// </summary>
public sealed class ExternalClassifierTests : IAsyncLifetime
{
    private ClassifierStub _stub = null!;
    private TestServer _server = null!;
    private World _w = null!;

    public async Task InitializeAsync() => _stub = await ClassifierStub.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
            _server.DeleteFiles();
        }

        await _stub.DisposeAsync();
    }

    private async Task StartAsync(Uri url, TimeSpan timeout)
    {
        var classifier = new HttpExternalClassifier(url, timeout);
        _server = await TestServer.StartAsync(Provider.Sqlite, adjust: s => s with { Options = s.Options with { ExternalClassifier = classifier } });
        _w = await World.CreateAsync(_server);
    }

    // The default world's prompt is clean for every lexicon, so whatever is found here the external classifier found.
    private Task<(int Status, JsonNode? Body)> RenderAsync() => _w.As(_w.Studio).PostAsync("/v1/renders", World.RenderBody(_w.LicenseId));

    private static string[] Rules(JsonNode? body) => [.. (body?["reasons"] as JsonArray ?? []).Select(r => $"{r!["code"]}@{r["rule"]}").Order(StringComparer.Ordinal)];

    [Fact]
    public async Task A_clean_answer_permits_and_the_classifier_was_asked_in_the_renders_language()
    {
        await StartAsync(_stub.Url, TimeSpan.FromSeconds(30));
        var (status, body) = await RenderAsync();
        Assert.True(status == 201, body?.ToJsonString());
        var question = Assert.Single(_stub.Questions);
        Assert.Equal("Captain Vale orders the crew to raise the sails.", question["prompt"]!.GetValue<string>());
        Assert.Equal("ja", question["language"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_category_it_finds_is_judged_like_a_detected_one_and_its_phrase_is_named()
    {
        _stub.Answer = (200, """{"categories":["medical"],"triggers":[{"category":"medical","phrase":"miracle cure"}]}""");
        await StartAsync(_stub.Url, TimeSpan.FromSeconds(30));
        var (status, body) = await RenderAsync();
        Assert.True(status == 202, body?.ToJsonString());
        // Medical is outside the licence's categories: the performer side decides this render.
        Assert.Equal(["instance_approval_required@license/use/0"], Rules(body));
        var trigger = Assert.Single(body!["promptTriggers"]!.AsArray());
        Assert.Equal("medical", trigger!["category"]!.GetValue<string>());
        Assert.Equal("miracle cure", trigger["phrase"]!.GetValue<string>());
        Assert.Equal("external", trigger["language"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(500, """{"error":"boom"}""")]
    [InlineData(200, """not json""")]
    [InlineData(200, """{"verdict":"fine"}""")]
    [InlineData(200, """{"categories":["spicy"]}""")]
    public async Task A_failed_or_meaningless_answer_sends_the_render_to_approval(int answerStatus, string answerBody)
    {
        _stub.Answer = (answerStatus, answerBody);
        await StartAsync(_stub.Url, TimeSpan.FromSeconds(30));
        var (status, body) = await RenderAsync();
        Assert.True(status == 202, body?.ToJsonString());
        Assert.Equal(["instance_approval_required@policy/external-classifier"], Rules(body));

        // The performer side may still approve it: the approval is the decision the classifier could not make.
        var id = body!["renderId"]!.GetValue<string>();
        var (approved, after) = await _w.As(_w.Performer).PostAsync($"/v1/renders/{id}/approve", new { });
        Assert.True(approved == 200, after?.ToJsonString());
        Assert.Equal("authorized", after!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_classifier_slower_than_its_timeout_sends_the_render_to_approval()
    {
        // The stub never answers while the server waits: the timeout, not a race, decides.
        _stub.Answer = null;
        await StartAsync(_stub.Url, TimeSpan.FromMilliseconds(300));
        var (status, body) = await RenderAsync();
        Assert.True(status == 202, body?.ToJsonString());
        Assert.Equal(["instance_approval_required@policy/external-classifier"], Rules(body));
        Assert.Single(_stub.Questions);
    }

    [Fact]
    public async Task An_unreachable_classifier_sends_the_render_to_approval()
    {
        // A port that was free a moment ago and has no listener now: the connection is refused.
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        await StartAsync(new Uri($"http://127.0.0.1:{port}/classify"), TimeSpan.FromSeconds(30));
        var (status, body) = await RenderAsync();
        Assert.True(status == 202, body?.ToJsonString());
        Assert.Equal(["instance_approval_required@policy/external-classifier"], Rules(body));
    }
}
