using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Likeness.Tests.Support;
using Xunit;

namespace Likeness.Tests.Http;

/// <summary>A first run of <c>likeness serve --demo</c>, as processes: a busy port, then the demo's data in the states it says.</summary>
public sealed partial class CliFirstRunTests
{
    [Fact]
    public async Task A_busy_port_is_one_line_and_leaves_the_store_fit_for_the_demo()
    {
        var db = Path.Combine(Directory.CreateTempSubdirectory("likeness-firstrun-").FullName, "demo.db");
        var busy = new TcpListener(IPAddress.Loopback, 0);
        busy.Start();
        var url = $"http://127.0.0.1:{((IPEndPoint)busy.LocalEndpoint).Port}";
        try
        {
            var (exit, stdout, stderr) = await CliProcess.RunAsync("serve", "--demo", "--db", db, "--urls", url);
            Assert.NotEqual(0, exit);
            Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.Contains(url, stderr, StringComparison.Ordinal);
            Assert.DoesNotContain(" at ", stderr, StringComparison.Ordinal);
            Assert.Equal("", stdout);
        }
        finally
        {
            busy.Stop();
        }

        await using var serve = await ServeProcess.StartAsync("likeness usage", "--demo", "--db", db, "--urls", url);
        await AssertDemoAsync(serve.Output, url);
    }

    [Fact]
    public async Task The_demo_prints_ids_in_the_states_it_names()
    {
        var db = Path.Combine(Directory.CreateTempSubdirectory("likeness-firstrun-").FullName, "demo.db");
        int port;
        using (var free = new TcpListener(IPAddress.Loopback, 0))
        {
            free.Start();
            port = ((IPEndPoint)free.LocalEndpoint).Port;
        }

        var url = $"http://127.0.0.1:{port}";
        await using var serve = await ServeProcess.StartAsync("likeness usage", "--demo", "--db", db, "--urls", url);
        await AssertDemoAsync(serve.Output, url);
    }

    /// <summary>Each id the demo printed is, through the API, in the state printed beside it.</summary>
    private static async Task AssertDemoAsync(string printed, string url)
    {
        var performerKey = Match(PerformerKey(), printed);
        var studioKey = Match(StudioKey(), printed);
        Assert.Equal("completed", await StatusAsync(url, studioKey, $"v1/renders/{Match(CompletedRender(), printed)}"));
        Assert.Equal("pendingApproval", await StatusAsync(url, studioKey, $"v1/renders/{Match(PendingRender(), printed)}"));
        Assert.Equal("pending", await StatusAsync(url, performerKey, $"v1/license-requests/{Match(PendingRequest(), printed)}"));
        Assert.Equal("active", await StatusAsync(url, studioKey, $"v1/licenses/{Match(License(), printed)}"));
    }

    private static string Match(Regex pattern, string printed)
    {
        var m = pattern.Match(printed);
        Assert.True(m.Success, $"{pattern} in: {printed}");
        return m.Groups[1].Value;
    }

    private static async Task<string?> StatusAsync(string url, string key, string path)
    {
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        var body = JsonNode.Parse(await http.GetStringAsync(path))!;
        return body["status"]?.GetValue<string>();
    }

    [GeneratedRegex(@"performer +\S+ +key (\S+)")]
    private static partial Regex PerformerKey();

    [GeneratedRegex(@"studio +\S+ +key (\S+)")]
    private static partial Regex StudioKey();

    [GeneratedRegex(@"licence +(\S+) +\(active")]
    private static partial Regex License();

    [GeneratedRegex(@"render +(\S+) +\(completed\)")]
    private static partial Regex CompletedRender();

    [GeneratedRegex(@"render +(\S+) +\(pending approval")]
    private static partial Regex PendingRender();

    [GeneratedRegex(@"request +(\S+) +\(pending")]
    private static partial Regex PendingRequest();
}
