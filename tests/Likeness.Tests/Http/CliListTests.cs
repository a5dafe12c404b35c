using System.Text.Json.Nodes;
using Likeness.Tests.Support;
using Xunit;

namespace Likeness.Tests.Http;

/// <summary>
/// <c>request list</c>, <c>license list</c> and <c>render list</c> through a real <c>likeness</c> process: filters, pages
/// (<c>--limit</c>, <c>--cursor</c>, <c>--all</c>) and <c>--json</c>, on each store.
/// </summary>
public abstract class CliListTests(Provider provider) : WorldTests(provider)
{
    protected Task<(int Exit, string Out, string Err)> As(Actor who, params string[] args) =>
        CliProcess.RunAsync([.. args, "--server", Server.Url, "--key", who.Key]);

    /// <summary>The <c>--json</c> page of a list that must succeed.</summary>
    protected async Task<JsonNode> Page(Actor who, params string[] args)
    {
        var (exit, stdout, stderr) = await As(who, [.. args, "--json"]);
        Assert.True(exit == 0, $"likeness {string.Join(' ', args)}: {stderr}");
        return JsonNode.Parse(stdout)!;
    }

    protected static List<string> Ids(JsonNode page, string key = "id") => [.. page["items"]!.AsArray().Select(i => i![key]!.GetValue<string>())];

    /// <summary>A permitted and completed render, a permitted one, and one pending the performer's approval.</summary>
    protected async Task<(string Completed, string Authorized, string Pending)> RendersAsync()
    {
        string[] Authorize(params string[] more) =>
            ["render", "authorize", "--license", W.LicenseId, "--modality", "voice", "--purpose", "dubbing", "--territory", "JP", "--language", "ja", "--seconds", "5", "--json", .. more];
        var completed = JsonNode.Parse((await As(W.Studio, Authorize())).Out)!["renderId"]!.GetValue<string>();
        Assert.Equal(0, (await As(W.Studio, "render", "complete", completed, "--seconds", "4", "--sha256", new string('a', 64))).Exit);
        var authorized = JsonNode.Parse((await As(W.Studio, Authorize())).Out)!["renderId"]!.GetValue<string>();
        var (pendingExit, pendingOut, _) = await As(W.Studio, Authorize("--categories", "violence"));
        Assert.Equal(3, pendingExit);
        return (completed, authorized, JsonNode.Parse(pendingOut)!["renderId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Lists_filter_and_page_through_the_cli()
    {
        var (completed, authorized, pending) = await RendersAsync();

        Assert.Equal([W.RequestId], Ids(await Page(W.Performer, "request", "list", "--status", "approved", "--studio", W.Studio.Id)));
        Assert.Empty(Ids(await Page(W.Performer, "request", "list", "--status", "pending")));
        Assert.Equal([W.LicenseId], Ids(await Page(W.Studio, "license", "list", "--status", "active", "--performer", W.Performer.Id)));
        Assert.Empty(Ids(await Page(W.OtherStudio, "license", "list")));
        Assert.Empty(Ids(await Page(W.Studio, "license", "list", "--expiring-before", "2026-11-02T00:00:00Z")));

        // The test clock stands still: the renders share a time, and the list orders them by id after it.
        var order = Ids(await Page(W.Studio, "render", "list", "--license", W.LicenseId), "renderId");
        Assert.Equal(new[] { completed, authorized, pending }.Order(StringComparer.Ordinal), order.Order(StringComparer.Ordinal));
        Assert.Equal([pending], Ids(await Page(W.Performer, "render", "list", "--status", "pendingApproval"), "renderId"));
        Assert.Equal([completed], Ids(await Page(W.Studio, "render", "list", "--status", "completed"), "renderId"));
        Assert.Empty(Ids(await Page(W.Studio, "render", "list", "--since", "2030-01-01T00:00:00Z"), "renderId"));

        // A page of one names the next; the cursor reads it; --all follows every cursor into one page.
        var first = await Page(W.Studio, "render", "list", "--limit", "1");
        Assert.Equal([order[0]], Ids(first, "renderId"));
        var cursor = first["nextCursor"]!.GetValue<string>();
        Assert.Equal([order[1]], Ids(await Page(W.Studio, "render", "list", "--limit", "1", "--cursor", cursor), "renderId"));
        var all = await Page(W.Studio, "render", "list", "--limit", "1", "--all");
        Assert.Equal(order, Ids(all, "renderId"));
        Assert.Null(all["nextCursor"]);
        Assert.Equal(order[1..], Ids(await Page(W.Studio, "render", "list", "--limit", "1", "--cursor", cursor, "--all"), "renderId"));
    }
}

/// <summary>The lists on SQLite, with <c>me</c>, <c>consent versions</c>, the tables and the exit codes.</summary>
public sealed class CliListTestsOnSqlite() : CliListTests(Provider.Sqlite)
{
    [Fact]
    public async Task Me_says_who_a_key_is()
    {
        var me = await Page(W.Representative, "me");
        Assert.Equal(W.Representative.Id, me["id"]!.GetValue<string>());
        Assert.Equal("representative", me["kind"]!.GetValue<string>());
        Assert.Equal(W.Performer.Id, me["represents"]![0]!.GetValue<string>());

        var (exit, human, err) = await As(W.Performer, "me");
        Assert.True(exit == 0, err);
        Assert.Contains(W.Performer.Id, human, StringComparison.Ordinal);
        Assert.Contains("consent.write", human, StringComparison.Ordinal);
        Assert.All(human.Split('\n'), line => Assert.True(line.Length <= 100, line));

        var (unauthenticated, _, unauthErr) = await As(new Actor("", "lk_not-a-key"), "me");
        Assert.Equal(4, unauthenticated);
        Assert.Single(unauthErr.Trim().Split('\n'));
    }

    [Fact]
    public async Task Consent_versions_list_the_history_newest_first_to_the_performer_side_only()
    {
        var file = Path.Combine(Server.Dir, "consent.json");
        await File.WriteAllTextAsync(file, System.Text.Json.JsonSerializer.Serialize(World.DefaultConsent));
        Assert.Equal(0, (await As(W.Performer, "consent", "set", W.Performer.Id, "--file", file)).Exit);

        var versions = await Page(W.Representative, "consent", "versions", W.Performer.Id);
        Assert.Equal([2, 1], versions["items"]!.AsArray().Select(v => v!["version"]!.GetValue<int>()));
        var (exit, human, err) = await As(W.Performer, "consent", "versions", W.Performer.Id, "--limit", "1");
        Assert.True(exit == 0, err);
        Assert.Contains("no-politics", human, StringComparison.Ordinal);
        Assert.Contains("next page: --cursor ", human, StringComparison.Ordinal);

        Assert.Equal(5, (await As(W.Studio, "consent", "versions", W.Performer.Id)).Exit); // existence is not shown to a studio
        Assert.Equal(5, (await As(W.Operator, "consent", "versions", "prf_00000000000000000000000000000000")).Exit);
    }

    [Fact]
    public async Task Tables_fit_100_columns_show_money_as_money_and_say_when_a_list_is_empty()
    {
        var (completed, _, pending) = await RendersAsync();
        foreach (var (who, args, expected) in new (Actor, string[], string[])[]
        {
            (W.Performer, ["request", "list"], [W.RequestId, "approved", "USD 25.00/render + USD 1.50/s"]),
            (W.Studio, ["license", "list"], [W.LicenseId, "active", "USD 25.00/render + USD 1.50/s", "ends"]),
            (W.Studio, ["render", "list"], [completed, pending, "pendingApproval", "completed"]),
        })
        {
            foreach (var env in new[] { new Dictionary<string, string>(), new() { ["NO_COLOR"] = "1" } })
            {
                var (exit, table, err) = await CliProcess.RunAsync(env, [.. args, "--server", Server.Url, "--key", who.Key]);
                Assert.True(exit == 0, err);
                Assert.DoesNotContain('\u001b', table);
                Assert.All(expected, e => Assert.Contains(e, table, StringComparison.Ordinal));
                Assert.All(table.Split('\n'), line => Assert.True(line.Length <= 100, line));
            }
        }

        var (none, empty, _) = await As(W.OtherStudio, "render", "list");
        Assert.Equal(0, none);
        Assert.Equal("(none)", empty.Trim());
    }

    [Fact]
    public async Task A_list_answers_with_the_documented_exit_codes()
    {
        var (bad, _, badErr) = await As(W.Studio, "render", "list", "--status", "done");
        Assert.Equal(1, bad);
        Assert.Single(badErr.Trim().Split('\n'));
        Assert.Contains("status", badErr, StringComparison.Ordinal);

        var (badLimit, _, limitErr) = await As(W.Studio, "license", "list", "--limit", "many");
        Assert.Equal(1, badLimit);
        Assert.Contains("--limit: \"many\" is not a whole number", limitErr, StringComparison.Ordinal);

        Assert.Equal(1, (await As(W.Studio, "request", "list", "--cursor", "not-a-cursor")).Exit);
        Assert.Equal(4, (await As(new Actor("", "lk_not-a-key"), "license", "list")).Exit);
        var (unreachable, _, unreachableErr) = await CliProcess.RunAsync("render", "list", "--server", "http://127.0.0.1:9", "--key", W.Studio.Key);
        Assert.Equal(7, unreachable);
        Assert.Contains("cannot reach", unreachableErr, StringComparison.Ordinal);
    }
}

/// <summary>The lists on PostgreSQL, through the CLI once (the HTTP list tests cover the store in depth).</summary>
public sealed class CliListTestsOnPostgres() : CliListTests(Provider.Postgres);
