using System.Text.Json.Nodes;
using Likeness.Application.Ports;
using Likeness.Tests.Support;
using Xunit;

namespace Likeness.Tests.Http;

/// <summary>
/// The lists (issue 13): keyset paging that walks every item once in a stable order, the filters, what each kind of
/// party sees, and a 400 naming the parameter for anything the list cannot read.
/// </summary>
public abstract class ListTests(Provider provider) : WorldTests(provider)
{
    private object Request(string performerId) => new { performerId, project = "P", description = World.Description, uses = new[] { World.Use() } };

    /// <summary>A request made a second after the last thing, so the expected order is the order of the test.</summary>
    private async Task<string> RequestAsync(Actor studio, string performerId)
    {
        Server.Clock.Advance(TimeSpan.FromSeconds(1));
        var (status, r) = await W.As(studio).PostAsync("/v1/license-requests", Request(performerId));
        Assert.True(status == 201, r?.ToJsonString());
        return r!["id"]!.GetValue<string>();
    }

    /// <summary>A licence of the World's studio approved a second after the last thing.</summary>
    private Task<string> LicenseAsync(object use)
    {
        Server.Clock.Advance(TimeSpan.FromSeconds(1));
        return W.LicenseAsync(use, null);
    }

    /// <summary>Every item of a list, page after page, and how many pages it took.</summary>
    private async Task<(List<JsonNode> Items, int Pages)> WalkAsync(Actor who, string path, int limit, Func<int, Task>? betweenPages = null)
    {
        var items = new List<JsonNode>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var sep = path.Contains('?', StringComparison.Ordinal) ? "&" : "?";
            var (status, page) = await W.As(who).GetJsonAsync($"{path}{sep}limit={limit}" + (cursor is null ? "" : $"&cursor={cursor}"));
            Assert.True(status == 200, page?.ToJsonString());
            var got = page!["items"]!.AsArray().Select(i => i!).ToList();
            Assert.True(got.Count <= limit);
            items.AddRange(got);
            cursor = page["nextCursor"]?.GetValue<string>();
            if (betweenPages is not null)
            {
                await betweenPages(++pages);
            }
            else
            {
                pages++;
            }
        }
        while (cursor is not null);
        return (items, pages);
    }

    private static List<string> Ids(IEnumerable<JsonNode> items, string field = "id") => items.Select(i => i[field]!.GetValue<string>()).ToList();

    [Fact]
    public async Task Paging_walks_every_request_once_in_a_stable_order_even_as_requests_arrive()
    {
        var made = new List<string> { W.RequestId };
        for (var i = 0; i < 7; i++)
        {
            made.Add(await RequestAsync(W.Studio, W.Performer.Id));
        }

        var (items, pages) = await WalkAsync(W.Studio, "/v1/license-requests", 3, async page =>
        {
            if (page == 1)
            {
                made.Add(await RequestAsync(W.Studio, W.Performer.Id));
                made.Add(await RequestAsync(W.Studio, W.Performer.Id));
            }
        });

        Assert.Equal(made, Ids(items));
        Assert.Equal(4, pages);
        var (again, _) = await WalkAsync(W.Performer, "/v1/license-requests", 100);
        Assert.Equal(made, Ids(again));
        var (one, onePages) = await WalkAsync(W.Representative, "/v1/license-requests", 1);
        Assert.Equal(made, Ids(one));
        Assert.Equal(made.Count, onePages);
    }

    [Fact]
    public async Task Requests_filter_by_status_performer_and_studio()
    {
        var pending = await RequestAsync(W.Studio, W.Performer.Id);
        var toOther = await RequestAsync(W.Studio, W.OtherPerformer.Id);
        var vetoed = await RequestAsync(W.Studio, W.Performer.Id);
        Assert.Equal(200, (await W.As(W.Performer).PostAsync($"/v1/license-requests/{vetoed}/veto", new { reason = "no" })).Status);

        Assert.Equal([pending, toOther], Ids((await WalkAsync(W.Studio, "/v1/license-requests?status=pending", 10)).Items));
        Assert.Equal([W.RequestId], Ids((await WalkAsync(W.Studio, "/v1/license-requests?status=approved", 10)).Items));
        Assert.Equal([vetoed], Ids((await WalkAsync(W.Performer, "/v1/license-requests?status=vetoed", 10)).Items));
        Assert.Equal([toOther], Ids((await WalkAsync(W.Studio, $"/v1/license-requests?performer={W.OtherPerformer.Id}", 10)).Items));
        Assert.Equal([W.RequestId, pending, vetoed], Ids((await WalkAsync(W.Performer, $"/v1/license-requests?studio={W.Studio.Id}", 10)).Items));
        Assert.Empty((await WalkAsync(W.Performer, $"/v1/license-requests?studio={W.OtherStudio.Id}", 10)).Items);
        Assert.Empty((await WalkAsync(W.Studio, $"/v1/license-requests?studio={W.OtherStudio.Id}", 10)).Items);
    }

    [Fact]
    public async Task A_studio_never_sees_another_studios_items_and_a_representative_only_its_performers()
    {
        var rival = await RequestAsync(W.OtherStudio, W.Performer.Id);
        var mine = await RequestAsync(W.Studio, W.OtherPerformer.Id);
        var (rs, render) = await W.As(W.Studio).PostAsync("/v1/renders", World.RenderBody(W.LicenseId, 5));
        Assert.Equal(201, rs);

        Assert.DoesNotContain(rival, Ids((await WalkAsync(W.Studio, "/v1/license-requests", 10)).Items));
        Assert.Equal([rival], Ids((await WalkAsync(W.OtherStudio, "/v1/license-requests", 10)).Items));
        Assert.Empty((await WalkAsync(W.OtherStudio, "/v1/licenses", 10)).Items);
        Assert.Empty((await WalkAsync(W.OtherStudio, "/v1/renders", 10)).Items);
        Assert.Empty((await WalkAsync(W.OtherStudio, $"/v1/renders?license={W.LicenseId}", 10)).Items);
        Assert.Equal([render!["renderId"]!.GetValue<string>()], Ids((await WalkAsync(W.Studio, "/v1/renders", 10)).Items, "renderId"));

        var seenByRep = Ids((await WalkAsync(W.Representative, "/v1/license-requests", 10)).Items);
        Assert.Equal([W.RequestId, rival], seenByRep);
        Assert.DoesNotContain(mine, seenByRep);
        Assert.Empty((await WalkAsync(W.Representative, $"/v1/license-requests?performer={W.OtherPerformer.Id}", 10)).Items);
        Assert.Equal([mine], Ids((await WalkAsync(W.OtherPerformer, "/v1/license-requests", 10)).Items));
        Assert.Empty((await WalkAsync(W.Estate, "/v1/license-requests", 10)).Items);

        Assert.Equal(403, (await W.As(W.Union).GetJsonAsync("/v1/license-requests")).Status);
        Assert.Equal(403, (await W.As(W.Auditor).GetJsonAsync("/v1/renders")).Status);
        Assert.Equal(403, (await W.As(W.Operator).GetJsonAsync("/v1/licenses")).Status);
        Assert.Equal(401, (await W.Server.Client(null).GetJsonAsync("/v1/licenses")).Status);
    }

    [Fact]
    public async Task Licences_filter_by_the_status_their_view_computes_and_by_expiry()
    {
        var soon = await LicenseAsync(World.Use(to: TestServer.Epoch.AddDays(10)));
        var suspended = await LicenseAsync(World.Use());
        Assert.Equal(200, (await W.As(W.Performer).PostAsync($"/v1/licenses/{suspended}/suspend")).Status);
        var noticed = await LicenseAsync(World.Use());
        Assert.Equal(200, (await W.As(W.Performer).PostAsync($"/v1/licenses/{noticed}/revoke", new { noticeDays = 30 })).Status);
        var revoked = await LicenseAsync(World.Use());
        Assert.Equal(200, (await W.As(W.Performer).PostAsync($"/v1/licenses/{revoked}/revoke", new { noticeDays = 0 })).Status);
        var spent = await LicenseAsync(World.Use(maxRenders: 1));
        await W.RenderAsync(spent, 1);

        async Task<List<string>> Status(string status) => Ids((await WalkAsync(W.Studio, $"/v1/licenses?status={status}", 2)).Items);
        Assert.Equal([W.LicenseId, soon], await Status("active"));
        Assert.Equal([suspended], await Status("suspended"));
        Assert.Equal([noticed], await Status("revocationPending"));
        Assert.Equal([revoked], await Status("revoked"));
        Assert.Equal([spent], await Status("exhausted"));
        Assert.Empty(await Status("expired"));
        var expiring = Uri.EscapeDataString(TestServer.Epoch.AddDays(20).ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal([soon], Ids((await WalkAsync(W.Performer, $"/v1/licenses?expiringBefore={expiring}", 10)).Items));

        // Time moves the statuses that follow from time: the short licence expires, the notice runs out.
        Server.Clock.Advance(TimeSpan.FromDays(31));
        Assert.Equal([soon], await Status("expired"));
        Assert.Equal([noticed, revoked], await Status("revoked"));
        Assert.Empty(await Status("revocationPending"));
        Assert.Equal([W.LicenseId], await Status("active"));

        var (all, _) = await WalkAsync(W.Union, "/v1/licenses", 3);
        Assert.Equal(6, all.Count);
        Assert.All(all, l => Assert.True(l["token"] is null && l["terms"]!["compensation"] is null));
        Assert.Equal(6, (await WalkAsync(W.Auditor, $"/v1/licenses?performer={W.Performer.Id}&studio={W.Studio.Id}", 3)).Items.Count);
    }

    [Fact]
    public async Task Renders_filter_by_status_licence_and_time()
    {
        var (_, first) = await W.As(W.Studio).PostAsync("/v1/renders", World.RenderBody(W.LicenseId, 5));
        Server.Clock.Advance(TimeSpan.FromMinutes(1));
        var since = Server.Clock.GetUtcNow();
        var (ps, pending) = await W.As(W.Studio).PostAsync("/v1/renders", World.RenderBody(W.LicenseId, 5, categories: ["violence"]));
        Assert.Equal(202, ps);
        var other = await LicenseAsync(World.Use());
        Server.Clock.Advance(TimeSpan.FromSeconds(1));
        var (_, onOther) = await W.As(W.Studio).PostAsync("/v1/renders", World.RenderBody(other, 5));

        List<string> RenderIds(IEnumerable<JsonNode> items) => Ids(items, "renderId");
        var id = (JsonNode? r) => r!["renderId"]!.GetValue<string>();
        Assert.Equal([id(pending)], RenderIds((await WalkAsync(W.Performer, "/v1/renders?status=pendingApproval", 10)).Items));
        Assert.Equal([id(first), id(onOther)], RenderIds((await WalkAsync(W.Studio, "/v1/renders?status=authorized", 10)).Items));
        Assert.Equal([id(first), id(pending)], RenderIds((await WalkAsync(W.Studio, $"/v1/renders?license={W.LicenseId}", 10)).Items));
        var from = Uri.EscapeDataString(since.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal([id(pending), id(onOther)], RenderIds((await WalkAsync(W.Representative, $"/v1/renders?since={from}", 1)).Items));
        Assert.Empty((await WalkAsync(W.OtherPerformer, "/v1/renders", 10)).Items);
    }

    [Fact]
    public async Task Consent_history_is_newest_first_and_the_performer_sides_alone()
    {
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(200, (await W.As(W.Representative).SendAsync(HttpMethod.Put, $"/v1/performers/{W.Performer.Id}/consent", World.DefaultConsent)).Status);
        }

        var (items, pages) = await WalkAsync(W.Performer, $"/v1/performers/{W.Performer.Id}/consent/versions", 3);
        Assert.Equal([4, 3, 2, 1], items.Select(i => i["version"]!.GetValue<int>()));
        Assert.Equal(2, pages);
        Assert.NotEmpty(items[0]["policy"]!["permission"]!.AsArray());
        Assert.Equal(404, (await W.As(W.Studio).GetJsonAsync($"/v1/performers/{W.Performer.Id}/consent/versions")).Status);
        Assert.Equal(404, (await W.As(W.Representative).GetJsonAsync($"/v1/performers/{W.OtherPerformer.Id}/consent/versions")).Status);
        Assert.Empty((await WalkAsync(W.OtherPerformer, $"/v1/performers/{W.OtherPerformer.Id}/consent/versions", 3)).Items);
    }

    [Fact]
    public async Task Me_says_who_the_caller_is_what_it_may_do_and_whom_it_acts_for()
    {
        var (ss, studio) = await W.As(W.Studio).GetJsonAsync("/v1/me");
        Assert.Equal(200, ss);
        Assert.Equal(W.Studio.Id, studio!["id"]!.GetValue<string>());
        Assert.Equal("studio", studio["kind"]!.GetValue<string>());
        var can = studio["capabilities"]!.AsArray().Select(c => c!.GetValue<string>()).ToList();
        Assert.Contains("renders.authorize", can);
        Assert.DoesNotContain("consent.write", can);

        var (_, rep) = await W.As(W.Representative).GetJsonAsync("/v1/me");
        Assert.Equal([W.Performer.Id], rep!["represents"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Contains("requests.review", rep["capabilities"]!.AsArray().Select(c => c!.GetValue<string>()));
        var (_, op) = await W.As(W.Operator).GetJsonAsync("/v1/me");
        Assert.Contains("parties.create", op!["capabilities"]!.AsArray().Select(c => c!.GetValue<string>()));

        Assert.Equal([W.Performer.Id], Ids((await WalkAsync(W.Representative, "/v1/me/performers", 1)).Items));
        Assert.Equal([W.Performer.Id], Ids((await WalkAsync(W.Union, "/v1/me/performers", 1)).Items));
        Assert.Equal([W.Performer.Id], Ids((await WalkAsync(W.Performer, "/v1/me/performers", 1)).Items));
        Assert.Empty((await WalkAsync(W.Estate, "/v1/me/performers", 1)).Items);
        Assert.Empty((await WalkAsync(W.Studio, "/v1/me/performers", 1)).Items);
    }

    [Fact]
    public async Task A_scope_of_more_performers_than_one_statement_lists_is_read_in_parts_and_merged_in_order()
    {
        var made = new List<string> { W.LicenseId };
        for (var i = 0; i < 4; i++)
        {
            made.Add(await LicenseAsync(World.Use()));
        }

        // A large union's roster: her id among hundreds, in the middle part.
        var roster = Enumerable.Range(0, 600).Select(i => $"prf_{i:D4}").ToList();
        roster.Insert(300, W.Performer.Id);
        var now = Server.Clock.GetUtcNow();
        var seen = new List<string>();
        Keyset? after = null;
        while (true)
        {
            var page = await Store.ReadAsync(s => s.ListLicenses(new LicenseListQuery(new ListScope(null, roster), null, now, null, after, 2)));
            seen.AddRange(page.Select(l => l.Id));
            if (page.Count < 2)
            {
                break;
            }

            after = new Keyset(page[^1].ApprovedAt, page[^1].Id);
        }

        Assert.Equal(made, seen);
    }

    [Theory]
    [InlineData("/v1/license-requests?status=open", "status")]
    [InlineData("/v1/license-requests?status=", "status")]
    [InlineData("/v1/license-requests?performer=", "performer")]
    [InlineData("/v1/licenses?status=pending", "status")]
    [InlineData("/v1/licenses?expiringBefore=2026-12-01", "expiringBefore")]
    [InlineData("/v1/licenses?expiringBefore=tomorrow", "expiringBefore")]
    [InlineData("/v1/renders?status=done", "status")]
    [InlineData("/v1/renders?since=2026-11-01T00:00:00", "since")]
    [InlineData("/v1/renders?limit=0", "limit")]
    [InlineData("/v1/renders?limit=101", "limit")]
    [InlineData("/v1/licenses?limit=ten", "limit")]
    [InlineData("/v1/license-requests?cursor=not-a-cursor", "cursor")]
    [InlineData("/v1/licenses?cursor=AAAA", "cursor")]
    [InlineData("/v1/me/performers?cursor=eyJ9", "cursor")]
    [InlineData("/v1/me/performers?limit=-1", "limit")]
    public async Task A_filter_cursor_or_limit_it_cannot_read_is_a_400_naming_it(string path, string field)
    {
        var (status, problem) = await W.As(W.Studio).GetJsonAsync(path);
        Assert.True(status == 400, problem?.ToJsonString());
        Assert.Equal(field, problem!["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_bad_cursor_on_the_consent_history_is_a_400_naming_it()
    {
        var (status, problem) = await W.As(W.Performer).GetJsonAsync($"/v1/performers/{W.Performer.Id}/consent/versions?cursor=eyJ9");
        Assert.Equal(400, status);
        Assert.Equal("cursor", problem!["field"]!.GetValue<string>());
    }
}

/// <summary>The same tests on the embedded SQLite store.</summary>
public sealed class ListTestsOnSqlite() : ListTests(Provider.Sqlite);

/// <summary>The same tests on PostgreSQL.</summary>
public sealed class ListTestsOnPostgres() : ListTests(Provider.Postgres);
