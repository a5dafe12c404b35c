using System.Text.Json.Nodes;
using Likeness.Ledger;
using Likeness.Tests.Support;
using Xunit;

namespace Likeness.Tests.Lifecycle;

/// <summary>
/// A death is an instant; the post-mortem right runs 10 years under the default (NO FAKES) rule, renewable by the estate
/// for 5 on evidence of renders settled in the 2 years before it ends, 70 in California; every licence ends with it and
/// none runs past it; the ledger records it and the auditor's replay agrees (issue 15).
/// </summary>
public abstract class PostMortemTests(Provider provider) : WorldTests(provider)
{
    private static readonly DateTimeOffset DiedAt = new(2026, 11, 1, 7, 0, 0, TimeSpan.Zero);

    private async Task<JsonNode> DieAsync(object body)
    {
        var (status, party) = await W.As(W.Operator).PostAsync($"/v1/performers/{W.Performer.Id}/death", body);
        Assert.True(status == 200, party?.ToJsonString());
        return party!;
    }

    private async Task<(int Status, JsonNode? Body)> LicenseAsync(DateTimeOffset to)
    {
        var (rs, request) = await W.As(W.Studio).PostAsync("/v1/license-requests", new { performerId = W.Performer.Id, project = "Afterlight", description = World.Description, uses = new[] { World.Use(to: to) } });
        Assert.True(rs == 201, request?.ToJsonString());
        return await W.As(W.Estate).PostAsync($"/v1/license-requests/{request!["id"]}/approve", new { });
    }

    private Task<(int Status, JsonNode? Body)> RenewAsync(Actor who) =>
        W.As(who).PostAsync($"/v1/performers/{W.Performer.Id}/post-mortem-term/renew", new { });

    [Fact]
    public async Task A_date_alone_is_the_end_of_that_day_in_the_domicile_and_the_term_runs_ten_years()
    {
        // 31 October 2026 in Los Angeles ends at 07:00 UTC on 1 November (daylight time).
        var party = await DieAsync(new { diedOn = "2026-10-31", timeZone = "America/Los_Angeles", domicile = "US" });
        Assert.Equal(DiedAt, party["diedAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal(DiedAt.AddYears(10), party["postMortemTermEnd"]!.GetValue<DateTimeOffset>());
        var (both, problem) = await W.As(W.Operator).PostAsync($"/v1/performers/{W.OtherPerformer.Id}/death", new { diedOn = "2026-10-31", diedAt = DiedAt });
        Assert.Equal(400, both);
        Assert.Equal("invalid_death", problem!["code"]!.GetValue<string>());
        var entries = await Store.ReadAsync(s => s.ReadLedgerEntries(0, (int)s.LedgerEntryCount()));
        var died = entries.Select(e => JsonNode.Parse(e)!).Single(e => e["kind"]!.GetValue<string>() == "performer.died");
        Assert.Equal("2026-11-01T07:00:00.000Z", died["diedAt"]!.GetValue<string>());
        Assert.Equal("default", died["jurisdiction"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_estate_renews_on_evidence_of_settled_renders_and_no_licence_runs_past_the_term()
    {
        await DieAsync(new { diedAt = DiedAt, domicile = "US-NY" });
        var end = DiedAt.AddYears(10);
        var (past, beyond) = await LicenseAsync(end.AddDays(1));
        Assert.True(past == 409, beyond?.ToJsonString());
        Assert.Equal("beyond_post_mortem_term", beyond!["code"]!.GetValue<string>());
        var (granted, license) = await LicenseAsync(end.AddDays(-1));
        Assert.True(granted == 201, license?.ToJsonString());
        var licenseId = license!["id"]!.GetValue<string>();

        var (early, notOpen) = await RenewAsync(W.Estate);
        Assert.Equal("renewal_not_open", notOpen!["code"]!.GetValue<string>());
        Assert.Equal(409, early);

        Server.Clock.Advance(end.AddYears(-2).AddDays(10) - Server.Clock.GetUtcNow());
        var (none, noEvidence) = await RenewAsync(W.Estate);
        Assert.True(none == 409, noEvidence?.ToJsonString());
        Assert.Equal("no_evidence_of_use", noEvidence!["code"]!.GetValue<string>());
        var (byStudio, _) = await RenewAsync(W.Studio);
        Assert.Equal(404, byStudio);

        await W.RenderAsync(licenseId, 3);
        var (renewed, renewal) = await RenewAsync(W.Estate);
        Assert.True(renewed == 200, renewal?.ToJsonString());
        Assert.Equal(end.AddYears(5), renewal!["termEnd"]!.GetValue<DateTimeOffset>());
        Assert.Single(renewal["evidence"]!.AsArray());
        var (_, party) = await W.As(W.Estate).GetJsonAsync($"/v1/parties/{W.Performer.Id}");
        Assert.Equal(end.AddYears(5), party!["postMortemTermEnd"]!.GetValue<DateTimeOffset>());

        var entries = await Store.ReadAsync(s => s.ReadLedgerEntries(0, (int)s.LedgerEntryCount()));
        Assert.Contains(entries, e => JsonNode.Parse(e)!["kind"]!.GetValue<string>() == "post_mortem.renewed");
        Assert.Null(LedgerAudit.Check(entries));
    }

    [Fact]
    public async Task When_the_term_ends_every_licence_ends_with_it_and_none_is_granted()
    {
        await DieAsync(new { diedAt = DiedAt });
        var end = DiedAt.AddYears(10);
        var (_, license) = await LicenseAsync(end);
        var licenseId = license!["id"]!.GetValue<string>();
        await W.RenderAsync(licenseId, 1);

        Server.Clock.Advance(end - Server.Clock.GetUtcNow());
        var (denied, problem) = await W.As(W.Studio).PostAsync("/v1/renders", World.RenderBody(licenseId));
        Assert.Equal(403, denied);
        Assert.Contains("post_mortem_term_ended", World.Codes(problem), StringComparison.Ordinal);
        var (refused, why) = await LicenseAsync(end.AddDays(30));
        Assert.Equal(409, refused);
        Assert.Equal("post_mortem_term_ended", why!["code"]!.GetValue<string>());
        var (late, _) = await RenewAsync(W.Estate);
        Assert.Equal(409, late);
        var entries = await Store.ReadAsync(s => s.ReadLedgerEntries(0, (int)s.LedgerEntryCount()));
        Assert.Null(LedgerAudit.Check(entries));
    }

    [Fact]
    public async Task California_holds_seventy_years_with_nothing_to_renew()
    {
        var party = await DieAsync(new { diedAt = DiedAt, domicile = "us-ca" });
        Assert.Equal(DiedAt.AddYears(70), party["postMortemTermEnd"]!.GetValue<DateTimeOffset>());
        var (status, problem) = await RenewAsync(W.Estate);
        Assert.Equal(409, status);
        Assert.Equal("not_renewable", problem!["code"]!.GetValue<string>());
    }
}

/// <summary>The same tests on the embedded SQLite store.</summary>
public sealed class PostMortemTestsOnSqlite() : PostMortemTests(Provider.Sqlite);

/// <summary>The same tests on PostgreSQL.</summary>
public sealed class PostMortemTestsOnPostgres() : PostMortemTests(Provider.Postgres);
