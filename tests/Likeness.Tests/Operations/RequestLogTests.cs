using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Likeness.Tests.Support;
using Xunit;

namespace Likeness.Tests.Operations;

/// <summary>
/// <c>serve --log-level</c>: at debug (and information) one line per request with the route's template, the status and
/// the milliseconds, and never a key; at the default warning none; a bad level is a usage error naming the option.
/// </summary>
public sealed partial class RequestLogTests
{
    private const string Secret = "lk_not-a-real-key-but-never-logged";

    [Fact]
    public async Task At_debug_each_request_is_one_line_with_route_status_and_milliseconds_and_no_key()
    {
        await using var node = await ServedNode.StartAsync("--log-level", "debug");
        await SendRequestsAsync(node);
        await node.Process.StopAsync();

        var lines = node.Process.Output.Split('\n').Where(l => l.Contains("Likeness.Requests", StringComparison.Ordinal)).ToList();
        Assert.Single(lines, l => HealthLine().IsMatch(l));
        Assert.Single(lines, l => PartyLine().IsMatch(l));
        Assert.Single(lines, l => UnmatchedLine().IsMatch(l));
        Assert.Equal(3, lines.Count);
        Assert.DoesNotContain(Secret, node.Process.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("/v1/parties/pty_", node.Process.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task As_json_a_request_line_carries_its_fields()
    {
        await using var node = await ServedNode.StartAsync("--log-level", "information", "--log-format", "json");
        using (var anyone = node.Client(null))
        {
            Assert.Equal(200, (await anyone.GetJsonAsync("/healthz")).Status);
        }

        await node.Process.StopAsync();
        var line = node.Process.Output.Split('\n').Single(l => l.Contains("\"Likeness.Requests\"", StringComparison.Ordinal));
        var state = JsonNode.Parse(line)!["State"]!;
        Assert.Equal("GET", state["Method"]!.GetValue<string>());
        Assert.Equal("/healthz", state["Route"]!.GetValue<string>());
        Assert.Equal(200, state["Status"]!.GetValue<int>());
        Assert.True(state["ElapsedMs"]!.GetValue<double>() >= 0);
    }

    [Fact]
    public async Task At_the_default_warning_no_request_is_logged()
    {
        await using var node = await ServedNode.StartAsync();
        await SendRequestsAsync(node);
        await node.Process.StopAsync();
        Assert.DoesNotContain("Likeness.Requests", node.Process.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("/healthz", node.Process.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_level_names_the_option_and_its_choices_and_exits_1()
    {
        var (exit, stdout, stderr) = await CliProcess.RunAsync("serve", "--db", "unused.db", "--log-level", "loud");
        Assert.Equal(1, exit);
        Assert.Equal("", stdout);
        Assert.Equal(
            "likeness: --log-level: \"loud\" is not one of trace, debug, information, warning, error, critical, none",
            stderr.Split('\n')[0]);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists("unused.db"));
    }

    /// <summary>A health probe, a read with a key that is not valid (401), and a path no route matches (404).</summary>
    private static async Task SendRequestsAsync(ServedNode node)
    {
        using var anyone = node.Client(null);
        Assert.Equal(200, (await anyone.GetJsonAsync("/healthz")).Status);
        using var stranger = node.Client(Secret);
        Assert.Equal(401, (await stranger.GetJsonAsync("/v1/parties/pty_someone")).Status);
        Assert.Equal(404, (await anyone.GetJsonAsync("/no/such/route")).Status);
    }

    [GeneratedRegex(@"Likeness\.Requests\[1\] GET /healthz 200 \d+\.\d{3} ms$")]
    private static partial Regex HealthLine();

    [GeneratedRegex(@"Likeness\.Requests\[1\] GET /v1/parties/\{id\} 401 \d+\.\d{3} ms$")]
    private static partial Regex PartyLine();

    [GeneratedRegex(@"Likeness\.Requests\[1\] GET \(no route\) 404 \d+\.\d{3} ms$")]
    private static partial Regex UnmatchedLine();
}
