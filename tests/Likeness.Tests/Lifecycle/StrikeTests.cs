using System.Text.Json.Nodes;
using Likeness.Ledger;
using Likeness.Tests.Support;
using Xunit;

namespace Likeness.Tests.Lifecycle;

/// <summary>
/// Suspensions have owners and stack; a union's strike suspends its members' licences with the studio, refuses new ones
/// unless it waives the project, blocks pending approvals, and its end lifts only its own suspensions; the ledger tells it
/// and the auditor's replay agrees (issue 15).
/// </summary>
public abstract class StrikeTests(Provider provider) : WorldTests(provider)
{
    private async Task<(int Status, JsonNode? Body)> Act(Actor who, string action) =>
        await W.As(who).PostAsync($"/v1/licenses/{W.LicenseId}/{action}", new { });

    private async Task<JsonNode?> DeniedAsync(string licenseId)
    {
        var (status, problem) = await W.As(W.Studio).PostAsync("/v1/renders", World.RenderBody(licenseId));
        Assert.True(status == 403, problem?.ToJsonString());
        return problem;
    }

    private static string[] Rules(JsonNode? problem, string code) =>
        [.. (problem?["reasons"] as JsonArray ?? []).Where(r => r!["code"]!.GetValue<string>() == code).Select(r => r!["rule"]!.GetValue<string>()).Order(StringComparer.Ordinal)];

    private async Task PermittedAsync(string licenseId)
    {
        var (status, body) = await W.As(W.Studio).PostAsync("/v1/renders", World.RenderBody(licenseId));
        Assert.True(status == 201, body?.ToJsonString());
    }

    private async Task<string> RequestAsync(string project, Actor? studio = null)
    {
        var (status, r) = await W.As(studio ?? W.Studio).PostAsync("/v1/license-requests", new { performerId = W.Performer.Id, project, description = World.Description, uses = new[] { World.Use() } });
        Assert.True(status == 201, r?.ToJsonString());
        return r!["id"]!.GetValue<string>();
    }

    private async Task AuditHoldsAsync()
    {
        var entries = await Store.ReadAsync(s => s.ReadLedgerEntries(0, (int)s.LedgerEntryCount()));
        Assert.Null(LedgerAudit.Check(entries));
    }

    [Fact]
    public async Task Suspensions_stack_and_only_their_owner_lifts_each()
    {
        Assert.Equal(200, (await Act(W.Union, "suspend")).Status);
        var (stolen, why) = await Act(W.Performer, "resume");
        Assert.True(stolen == 409, why?.ToJsonString());
        Assert.Equal("suspension_not_owned", why!["code"]!.GetValue<string>());

        Assert.Equal(200, (await Act(W.Performer, "suspend")).Status);
        var (twice, again) = await Act(W.Representative, "suspend");
        Assert.True(twice == 409, again?.ToJsonString());
        Assert.Equal("already_suspended", again!["code"]!.GetValue<string>());
        Assert.Equal(["suspension/performer", $"suspension/union/{W.Union.Id}"], Rules(await DeniedAsync(W.LicenseId), "license_suspended"));

        var (byOperator, _) = await Act(W.Operator, "resume");
        Assert.NotEqual(200, byOperator);

        var (resumed, view) = await Act(W.Union, "resume");
        Assert.Equal(200, resumed);
        Assert.Equal("suspended", view!["status"]!.GetValue<string>());
        Assert.Equal(["suspension/performer"], Rules(await DeniedAsync(W.LicenseId), "license_suspended"));

        Assert.Equal(200, (await Act(W.Representative, "resume")).Status);
        await PermittedAsync(W.LicenseId);
        await AuditHoldsAsync();
    }

    [Fact]
    public async Task Revocation_notice_and_suspension_are_independent()
    {
        Assert.Equal(200, (await Act(W.Performer, "suspend")).Status);
        var (revoked, view) = await W.As(W.Performer).PostAsync($"/v1/licenses/{W.LicenseId}/revoke", new { noticeDays = 30 });
        Assert.True(revoked == 200, view?.ToJsonString());
        Assert.Equal("suspended", view!["status"]!.GetValue<string>());
        Assert.NotNull(view["revocationEffectiveAt"]);
        await DeniedAsync(W.LicenseId);

        // The union may suspend a licence in its notice period; lifting the performer's hold leaves the union's.
        Assert.Equal(200, (await Act(W.Union, "suspend")).Status);
        var (_, still) = await Act(W.Performer, "resume");
        Assert.Equal("suspended", still!["status"]!.GetValue<string>());
        var (_, pending) = await Act(W.Union, "resume");
        Assert.Equal("revocationPending", pending!["status"]!.GetValue<string>());
        await PermittedAsync(W.LicenseId);
        await AuditHoldsAsync();
    }

    [Fact]
    public async Task A_strike_suspends_refuses_new_licences_waives_projects_and_its_end_lifts_only_its_own()
    {
        // A render waiting for per-instance approval before the strike cannot be approved during it.
        var (waiting, pendingRender) = await W.As(W.Studio).PostAsync("/v1/renders", World.RenderBody(W.LicenseId, categories: ["violence"]));
        Assert.Equal(202, waiting);
        var unaffected = await RequestAsync("Other Studio Game", W.OtherStudio);
        var waivedLater = await RequestAsync("Harbor Lights");

        var (declared, strike) = await W.As(W.Union).PostAsync($"/v1/unions/{W.Union.Id}/strikes", new { studio = W.Studio.Id });
        Assert.True(declared == 201, strike?.ToJsonString());
        var strikeId = strike!["id"]!.GetValue<string>();
        Assert.Equal("inEffect", strike["status"]!.GetValue<string>());
        Assert.Equal([$"strike/{strikeId}"], Rules(await DeniedAsync(W.LicenseId), "license_suspended"));

        var (approve, refused) = await W.As(W.Performer).PostAsync($"/v1/renders/{pendingRender!["renderId"]}/approve", new { });
        Assert.True(approve == 409, refused?.ToJsonString());
        Assert.Equal([$"strike/{strikeId}"], Rules(refused, "license_suspended"));

        // The performer side cannot lift the strike's suspension; it may hold its own beside it.
        var (resume, notOwned) = await Act(W.Performer, "resume");
        Assert.Equal("suspension_not_owned", notOwned!["code"]!.GetValue<string>());
        Assert.Equal(409, resume);
        Assert.Equal(200, (await Act(W.Performer, "suspend")).Status);

        var (struck, strikeInEffect) = await W.As(W.Performer).PostAsync($"/v1/license-requests/{waivedLater}/approve", new { });
        Assert.True(struck == 409, strikeInEffect?.ToJsonString());
        Assert.Equal("strike_in_effect", strikeInEffect!["code"]!.GetValue<string>());
        var (other, otherLicense) = await W.As(W.Performer).PostAsync($"/v1/license-requests/{unaffected}/approve", new { });
        Assert.True(other == 201, otherLicense?.ToJsonString());

        var (waived, afterWaiver) = await W.As(W.Union).PostAsync($"/v1/strikes/{strikeId}/waivers", new { project = "Harbor Lights" });
        Assert.True(waived == 200, afterWaiver?.ToJsonString());
        var (granted, harbor) = await W.As(W.Performer).PostAsync($"/v1/license-requests/{waivedLater}/approve", new { });
        Assert.True(granted == 201, harbor?.ToJsonString());
        await PermittedAsync(harbor!["id"]!.GetValue<string>());

        var (byStudio, _) = await W.As(W.Studio).PostAsync($"/v1/strikes/{strikeId}/end", new { });
        Assert.Equal(403, byStudio);
        var (ended, endedView) = await W.As(W.Union).PostAsync($"/v1/strikes/{strikeId}/end", new { });
        Assert.True(ended == 200, endedView?.ToJsonString());
        Assert.Equal("ended", endedView!["status"]!.GetValue<string>());
        Assert.Equal(["suspension/performer"], Rules(await DeniedAsync(W.LicenseId), "license_suspended"));
        Assert.Equal(200, (await Act(W.Performer, "resume")).Status);
        await PermittedAsync(W.LicenseId);

        // The studio sees the strike without the union's member list; a stranger studio does not see it at all.
        var (_, seen) = await W.As(W.Studio).GetJsonAsync($"/v1/strikes/{strikeId}");
        Assert.Null(seen!["members"]);
        var (_, whole) = await W.As(W.Union).GetJsonAsync($"/v1/strikes/{strikeId}");
        Assert.Equal(W.Performer.Id, whole!["members"]![0]!.GetValue<string>());
        var (hidden, _) = await W.As(W.OtherStudio).GetJsonAsync($"/v1/strikes/{strikeId}");
        Assert.Equal(404, hidden);

        var types = await Store.ReadAsync(s => s.Webhooks.ReadEvents(0, 1000).Select(e => e.Type).ToList());
        Assert.Contains("strike.declared", types);
        Assert.Contains("strike.waived", types);
        Assert.Contains("strike.ended", types);
        var entries = await Store.ReadAsync(s => s.ReadLedgerEntries(0, (int)s.LedgerEntryCount()));
        var kinds = entries.Select(e => JsonNode.Parse(e)!["kind"]!.GetValue<string>()).ToList();
        Assert.Equal(1, kinds.Count(k => k == "strike.declared"));
        Assert.Equal(1, kinds.Count(k => k == "strike.waived"));
        Assert.Equal(1, kinds.Count(k => k == "strike.ended"));
        Assert.Null(LedgerAudit.Check(entries));
    }

    [Fact]
    public async Task A_strike_declared_ahead_holds_from_its_start_and_ends_by_itself()
    {
        var start = Server.Clock.GetUtcNow().AddDays(1);
        var (declared, strike) = await W.As(W.Union).PostAsync($"/v1/unions/{W.Union.Id}/strikes", new { from = start, to = start.AddDays(2) });
        Assert.True(declared == 201, strike?.ToJsonString());
        Assert.Equal("scheduled", strike!["status"]!.GetValue<string>());
        await PermittedAsync(W.LicenseId);

        // A licence granted before the start is suspended from it as well.
        var (_, later) = await W.As(W.Performer).PostAsync($"/v1/license-requests/{await RequestAsync("Night Shift")}/approve", new { });
        var laterId = later!["id"]!.GetValue<string>();

        Server.Clock.Advance(TimeSpan.FromDays(1));
        var id = strike["id"]!.GetValue<string>();
        Assert.Equal([$"strike/{id}"], Rules(await DeniedAsync(W.LicenseId), "license_suspended"));
        Assert.Equal([$"strike/{id}"], Rules(await DeniedAsync(laterId), "license_suspended"));
        var (_, list) = await W.As(W.Studio).GetJsonAsync($"/v1/licenses?status=suspended");
        Assert.Equal(2, list!["items"]!.AsArray().Count);

        Server.Clock.Advance(TimeSpan.FromDays(2));
        await PermittedAsync(W.LicenseId);
        var (_, view) = await W.As(W.Union).GetJsonAsync($"/v1/strikes/{id}");
        Assert.Equal("ended", view!["status"]!.GetValue<string>());
        await AuditHoldsAsync();
    }

    [Fact]
    public async Task Only_a_union_declares_for_itself()
    {
        var (byStudio, _) = await W.As(W.Studio).PostAsync($"/v1/unions/{W.Union.Id}/strikes", new { });
        Assert.Equal(403, byStudio);
        var (past, problem) = await W.As(W.Union).PostAsync($"/v1/unions/{W.Union.Id}/strikes", new { from = Server.Clock.GetUtcNow().AddDays(-1) });
        Assert.Equal(400, past);
        Assert.Equal("from", problem!["field"]!.GetValue<string>());
    }
}

/// <summary>The same tests on the embedded SQLite store.</summary>
public sealed class StrikeTestsOnSqlite() : StrikeTests(Provider.Sqlite);

/// <summary>The same tests on PostgreSQL.</summary>
public sealed class StrikeTestsOnPostgres() : StrikeTests(Provider.Postgres);
