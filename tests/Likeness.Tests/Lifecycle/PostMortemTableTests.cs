using System.Text.Json.Nodes;
using Likeness.Tests.Support;
using Xunit;

namespace Likeness.Tests.Lifecycle;

/// <summary>
/// The post-mortem table is loaded by the operator and versioned in the ledger; until then the built-in rules (NO FAKES,
/// California) are in force; a death takes the rule of the table in force when it is recorded (issue 15).
/// </summary>
public abstract class PostMortemTableTests(Provider provider) : WorldTests(provider)
{
    private static readonly DateTimeOffset DiedAt = new(2026, 10, 1, 12, 0, 0, TimeSpan.Zero);

    private static object Rule(string jurisdiction, int initial, int renewal, int maximum, int evidence) =>
        new { jurisdiction, initialYears = initial, renewalYears = renewal, maximumYears = maximum, evidenceYears = evidence };

    [Fact]
    public async Task The_built_in_rules_hold_until_the_operator_loads_a_table_and_then_deaths_follow_it()
    {
        var (got, builtIn) = await W.As(W.Studio).GetJsonAsync("/v1/post-mortem-terms");
        Assert.Equal(200, got);
        Assert.Equal(0, builtIn!["version"]!.GetValue<int>());
        Assert.Equal(["default", "US-CA"], builtIn["rules"]!.AsArray().Select(r => r!["jurisdiction"]!.GetValue<string>()));

        var table = new { rules = new[] { Rule("default", 10, 5, 70, 2), Rule("US-CA", 70, 0, 70, 0), Rule("fr", 20, 0, 20, 0) } };
        var (byStudio, _) = await W.As(W.Studio).SendAsync(HttpMethod.Put, "/v1/post-mortem-terms", table);
        Assert.Equal(403, byStudio);
        var (loaded, view) = await W.As(W.Operator).SendAsync(HttpMethod.Put, "/v1/post-mortem-terms", table);
        Assert.True(loaded == 200, view?.ToJsonString());
        Assert.Equal(1, view!["version"]!.GetValue<int>());
        Assert.Equal("FR", view["rules"]![2]!["jurisdiction"]!.GetValue<string>());

        var (died, party) = await W.As(W.Operator).PostAsync($"/v1/performers/{W.Performer.Id}/death", new { diedAt = DiedAt, domicile = "FR" });
        Assert.True(died == 200, party?.ToJsonString());
        Assert.Equal(DiedAt.AddYears(20), party!["postMortemTermEnd"]!.GetValue<DateTimeOffset>());

        var entries = (await Store.ReadAsync(s => s.ReadLedgerEntries(0, (int)s.LedgerEntryCount()))).Select(e => JsonNode.Parse(e)!).ToList();
        var load = entries.Single(e => e["kind"]!.GetValue<string>() == "post_mortem.terms_loaded");
        Assert.Equal(1, load["version"]!.GetValue<int>());
        Assert.Equal("default,US-CA,FR", load["jurisdictions"]!.GetValue<string>());
        var death = entries.Single(e => e["kind"]!.GetValue<string>() == "performer.died");
        Assert.Equal("FR", death["jurisdiction"]!.GetValue<string>());
        Assert.Equal(1, death["termsVersion"]!.GetValue<int>());

        // FR renews nothing under this table.
        Server.Clock.Advance(DiedAt.AddYears(19) - Server.Clock.GetUtcNow());
        var (renew, refused) = await W.As(W.Estate).PostAsync($"/v1/performers/{W.Performer.Id}/post-mortem-term/renew", new { });
        Assert.True(renew == 409, refused?.ToJsonString());
        Assert.Equal("not_renewable", refused!["code"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("no default rule", "rules")]
    [InlineData("a jurisdiction twice", "rules[2]")]
    [InlineData("a maximum below the initial term", "rules[1]")]
    [InlineData("evidence without renewal", "rules[1]")]
    [InlineData("a jurisdiction that is no domicile", "rules[1].jurisdiction")]
    public async Task A_table_that_makes_no_term_is_refused_naming_the_rule(string what, string field)
    {
        object[] rules = what switch
        {
            "no default rule" => [Rule("US-CA", 70, 0, 70, 0)],
            "a jurisdiction twice" => [Rule("default", 10, 5, 70, 2), Rule("US-CA", 70, 0, 70, 0), Rule("us-ca", 50, 0, 50, 0)],
            "a maximum below the initial term" => [Rule("default", 10, 5, 70, 2), Rule("DE", 30, 0, 20, 0)],
            "evidence without renewal" => [Rule("default", 10, 5, 70, 2), Rule("DE", 30, 0, 30, 2)],
            _ => [Rule("default", 10, 5, 70, 2), Rule("California", 70, 0, 70, 0)],
        };
        var (status, problem) = await W.As(W.Operator).SendAsync(HttpMethod.Put, "/v1/post-mortem-terms", new { rules });
        Assert.True(status == 400, problem?.ToJsonString());
        Assert.Equal("invalid_post_mortem_terms", problem!["code"]!.GetValue<string>());
        Assert.Equal(field, problem["field"]!.GetValue<string>());
        var (_, view) = await W.As(W.Operator).GetJsonAsync("/v1/post-mortem-terms");
        Assert.Equal(0, view!["version"]!.GetValue<int>());
    }
}

/// <summary>The same tests on the embedded SQLite store.</summary>
public sealed class PostMortemTableTestsOnSqlite() : PostMortemTableTests(Provider.Sqlite);

/// <summary>The same tests on PostgreSQL.</summary>
public sealed class PostMortemTableTestsOnPostgres() : PostMortemTableTests(Provider.Postgres);
