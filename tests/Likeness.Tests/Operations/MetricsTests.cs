using System.Globalization;
using System.Text.RegularExpressions;
using Likeness.Server.Operations;
using Likeness.Tests.Support;
using Xunit;

namespace Likeness.Tests.Operations;

/// <summary>
/// <c>/metrics</c> in Prometheus's text format: the gateway's decisions by outcome, the writer's batch sizes, the ledger's
/// lag and ASP.NET Core's request metrics; the operator's key only, unless the operator opens it or turns metrics off.
/// The counting test runs the server as its own process: a meter is process-wide, and other tests' servers share this one.
/// </summary>
public sealed partial class MetricsTests
{
    [Fact]
    public async Task A_permit_and_a_denial_are_counted_beside_the_writer_batches_and_the_ledger_lag()
    {
        await using var node = await ServedNode.StartAsync();
        var w = await World.CreateAsync(node, use: World.Use(to: DateTimeOffset.UtcNow.AddDays(30)));
        var studio = w.As(w.Studio);
        Assert.Equal(201, (await studio.PostAsync("/v1/renders", World.RenderBody(w.LicenseId, 10))).Status);
        Assert.Equal(403, (await studio.PostAsync("/v1/renders", World.RenderBody(w.LicenseId, 10, territory: "US"))).Status);

        using var scraper = node.Client(node.OperatorKey);
        var text = "";
        Assert.True(
            await NodeProcess.EventuallyAsync(
                async () =>
                {
                    using var response = await scraper.GetAsync("/metrics");
                    Assert.Equal(200, (int)response.StatusCode);
                    Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
                    text = await response.Content.ReadAsStringAsync();
                    return Sample(text, "likeness_render_decisions_total", "outcome=\"deny\"") == 1;
                },
                TimeSpan.FromSeconds(20)),
            text);

        Assert.Equal(1, Sample(text, "likeness_render_decisions_total", "outcome=\"permit\""));
        Assert.Null(Sample(text, "likeness_render_decisions_total", "outcome=\"pending\""));
        Assert.Contains("# TYPE likeness_writer_batch_size histogram", text, StringComparison.Ordinal);
        Assert.True(Sample(text, "likeness_writer_batch_size_count", "") >= 1, text);
        Assert.Contains("# TYPE likeness_ledger_lag gauge", text, StringComparison.Ordinal);
        Assert.NotNull(Sample(text, "likeness_ledger_lag", ""));
        Assert.Equal(1, Sample(text, "likeness_ledger_sequencer", ""));

        // ASP.NET Core's request metrics, by route template and status.
        Assert.True(RenderRequests().IsMatch(text), string.Join("\n", text.Split("\n").Where(l => l.StartsWith("http_server_request_duration_seconds_count", StringComparison.Ordinal))));
    }

    [Fact]
    public async Task Metrics_need_the_operator_key()
    {
        var server = await TestServer.StartAsync();
        try
        {
            var w = await World.CreateAsync(server);
            var (anonymous, problem) = await server.Client(null).GetJsonAsync("/metrics");
            Assert.Equal(401, anonymous);
            Assert.Equal("unauthenticated", problem!["code"]!.GetValue<string>());
            using (var response = await server.Client(null).GetAsync("/metrics"))
            {
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }

            var (studio, refusal) = await w.As(w.Studio).GetJsonAsync("/metrics");
            Assert.Equal(403, studio);
            Assert.Equal("forbidden", refusal!["code"]!.GetValue<string>());
            Assert.Equal(200, (int)(await server.Client(server.OperatorKey).GetAsync("/metrics")).StatusCode);
        }
        finally
        {
            await server.DisposeAsync();
            server.DeleteFiles();
        }
    }

    [Theory]
    [InlineData(MetricsAccess.Public, 200)]
    [InlineData(MetricsAccess.Off, 404)]
    public async Task The_operator_may_open_metrics_or_turn_them_off(MetricsAccess access, int anonymous)
    {
        var server = await TestServer.StartAsync(Provider.Sqlite, adjust: s => s with { Metrics = access });
        try
        {
            using var response = await server.Client(null).GetAsync("/metrics");
            Assert.Equal(anonymous, (int)response.StatusCode);
            Assert.Equal(200, (int)(await server.Client(null).GetAsync("/healthz")).StatusCode);
        }
        finally
        {
            await server.DisposeAsync();
            server.DeleteFiles();
        }
    }

    /// <summary>The value of the sample of <paramref name="metric"/> whose labels contain <paramref name="label"/>, or null.</summary>
    private static double? Sample(string text, string metric, string label)
    {
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith(metric + "{", StringComparison.Ordinal) && line.Contains(label, StringComparison.Ordinal))
            {
                return double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
            }
        }

        return null;
    }

    [GeneratedRegex("""http_server_request_duration_seconds_count\{[^}]*http_response_status_code="201",http_route="/v1/renders/?"[^}]*\} 1""")]
    private static partial Regex RenderRequests();
}
