using System.Text.Json.Nodes;
using Likeness.Tests.Support;
using Xunit;

namespace Likeness.Tests.Http;

/// <summary>The exit codes scripts rely on (README, "Exit codes"), each from a real <c>likeness</c> process against a real server.</summary>
public sealed class CliExitCodeTests : IAsyncLifetime
{
    private TestServer Server { get; set; } = null!;

    private World W { get; set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await TestServer.StartAsync();
        W = await World.CreateAsync(Server);
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        Server.DeleteFiles();
    }

    private Task<(int Exit, string Out, string Err)> As(Actor who, params string[] args) =>
        CliProcess.RunAsync([.. args, "--server", Server.Url, "--key", who.Key]);

    private string[] Authorize(string modality = "voice", params string[] more) => AuthorizeIn("JP", modality, more);

    private string[] AuthorizeIn(string territory, string modality, params string[] more) =>
        ["render", "authorize", "--license", W.LicenseId, "--modality", modality, "--purpose", "dubbing", "--territory", territory, "--language", "ja", "--seconds", "5", .. more];

    [Fact]
    public async Task Each_answer_has_its_exit_code()
    {
        var (permit, permitted, permitErr) = await As(W.Studio, [.. Authorize(), "--json"]);
        Assert.True(permit == 0, permitErr);
        Assert.Equal("permit", JsonNode.Parse(permitted)!["decision"]!.GetValue<string>());

        var (denied, _, deniedErr) = await As(W.Studio, Authorize("face"));
        Assert.Equal(2, denied);
        Assert.Single(deniedErr.Trim().Split('\n'));

        var (pending, pendingOut, pendingErr) = await As(W.Studio, [.. Authorize("voice", "--categories", "violence"), "--json"]);
        Assert.True(pending == 3, pendingErr);
        var render = JsonNode.Parse(pendingOut)!;
        Assert.Equal("pending", render["decision"]!.GetValue<string>());
        var renderId = render["renderId"]!.GetValue<string>();

        var (forbidden, _, forbiddenErr) = await As(W.Studio, "render", "approve", renderId);
        Assert.True(forbidden == 4, forbiddenErr);
        var (unauthenticated, _, _) = await As(new Actor("", "lk_not-a-key"), "render", "get", renderId);
        Assert.Equal(4, unauthenticated);

        var (missing, _, missingErr) = await As(W.Studio, "render", "get", "rnd_00000000000000000000000000000000");
        Assert.True(missing == 5, missingErr);

        var (conflict, _, conflictErr) = await As(W.Studio, "render", "complete", renderId, "--seconds", "1", "--sha256", new string('e', 64));
        Assert.True(conflict == 6, conflictErr);

        var (unreachable, _, unreachableErr) = await CliProcess.RunAsync("render", "get", renderId, "--server", "http://127.0.0.1:9", "--key", W.Studio.Key);
        Assert.Equal(7, unreachable);
        Assert.Contains("cannot reach", unreachableErr, StringComparison.Ordinal);

        var (bad, _, badErr) = await As(W.Studio, "render", "complete", renderId, "--seconds", "1", "--sha256", "xyz");
        Assert.Equal(1, bad);
        Assert.Contains("invalid_hash", badErr, StringComparison.Ordinal);

        var (approved, _, approvedErr) = await CliProcess.RunAsync(
            new Dictionary<string, string> { ["LIKENESS_URL"] = Server.Url, ["LIKENESS_KEY"] = W.Representative.Key }, "render", "approve", renderId);
        Assert.True(approved == 0, approvedErr);
    }

    [Fact]
    public async Task A_denial_under_json_prints_its_body_on_stdout_and_each_reason_once_on_stderr()
    {
        var (exit, stdout, stderr) = await As(W.Studio, [.. AuthorizeIn("US", "face"), "--json"]);
        Assert.Equal(2, exit);
        var body = JsonNode.Parse(stdout)!;
        Assert.Equal("deny", body["decision"]!.GetValue<string>());
        Assert.Single(stderr.Trim().Split('\n'));
        foreach (var reason in body["reasons"]!.AsArray())
        {
            var message = reason!["message"]!.GetValue<string>().TrimEnd('.');
            Assert.Equal(1, CountOf(stderr, message));
            Assert.Equal(1, CountOf(stderr, reason["code"]!.GetValue<string>() + " "));
        }
    }

    [Fact]
    public async Task Human_output_has_no_escapes_when_redirected_or_no_color_shows_money_and_fits_the_usage_table()
    {
        var render = JsonNode.Parse((await As(W.Studio, [.. Authorize(), "--json"])).Out)!;
        var (done, _, doneErr) = await As(W.Studio, "render", "complete", render["renderId"]!.GetValue<string>(), "--seconds", "4.5", "--sha256", new string('a', 64));
        Assert.True(done == 0, doneErr);

        foreach (var env in new[] { new Dictionary<string, string>(), new() { ["NO_COLOR"] = "1" } })
        {
            var (exit, license, err) = await CliProcess.RunAsync(env, "license", "get", W.LicenseId, "--server", Server.Url, "--key", W.Studio.Key);
            Assert.True(exit == 0, err);
            Assert.DoesNotContain('\u001b', license);
            Assert.Contains("USD 25.00", license, StringComparison.Ordinal);
            Assert.Contains("USD 1.50", license, StringComparison.Ordinal);
            Assert.DoesNotContain("\\u0022", license, StringComparison.Ordinal);
            Assert.DoesNotContain("{\"", license, StringComparison.Ordinal);
        }

        var (ue, usage, uerr) = await As(W.Performer, "usage", "--license", W.LicenseId);
        Assert.True(ue == 0, uerr);
        Assert.DoesNotContain('\u001b', usage);
        Assert.Contains(render["renderId"]!.GetValue<string>(), usage, StringComparison.Ordinal);
        Assert.All(usage.Split('\n'), line => Assert.True(line.TrimEnd().Length <= 100, line));
    }

    private static int CountOf(string text, string part)
    {
        var n = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            n++;
        }

        return n;
    }
}
