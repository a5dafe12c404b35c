using Likeness.Ledger;
using Likeness.Tests.Support;
using Xunit;
using static Likeness.Tests.Caps.CapTestKit;

namespace Likeness.Tests.Caps;

/// <summary>Caps across licences over HTTP (issue 16; docs/DOMAIN.md, "Caps"): each flow, on each store.</summary>
public abstract class CapTests(Provider provider) : WorldTests(provider)
{
    private static string Sha(int i) => i.ToString("x64", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_render_that_would_pass_a_performer_cap_is_denied_naming_the_cap()
    {
        var version = await SetCapsAsync(W, SecondsCap("monthly", 30));
        var studio = W.As(W.Studio);
        Assert.Equal(201, (await studio.PostAsync("/v1/renders", World.RenderBody(W.LicenseId, 20))).Status);
        var (status, problem) = await studio.PostAsync("/v1/renders", World.RenderBody(W.LicenseId, 15));
        Assert.Equal(403, status);
        Assert.Equal($"performer_cap_exhausted@consent/v{version}/monthly", Reason(problem));
        Assert.Equal(201, (await studio.PostAsync("/v1/renders", World.RenderBody(W.LicenseId, 10))).Status);

        var cap = (await CapsAsync(W)).Single()!;
        Assert.Equal($"consent/v{version}/monthly", cap["rule"]!.GetValue<string>());
        Assert.Equal(("performer", "seconds", "month"), (cap["scope"]!.GetValue<string>(), cap["metric"]!.GetValue<string>(), cap["period"]!.GetValue<string>()));
        Assert.Equal((30m, 0m, 30m, 0m), (cap["limit"]!.GetValue<decimal>(), cap["used"]!.GetValue<decimal>(), cap["reserved"]!.GetValue<decimal>(), cap["left"]!.GetValue<decimal>()));
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero), cap["from"]!.GetValue<DateTimeOffset>());
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero), cap["to"]!.GetValue<DateTimeOffset>());
    }

    [Fact]
    public async Task A_performer_cap_counts_every_studio_and_a_studio_sees_only_that_it_was_denied()
    {
        var other = await LicenceForAsync(W, W.OtherStudio);
        var version = await SetCapsAsync(W, SecondsCap("monthly", 30));
        Assert.Equal(201, (await W.As(W.Studio).PostAsync("/v1/renders", World.RenderBody(W.LicenseId, 25))).Status);

        var (status, problem) = await W.As(W.OtherStudio).PostAsync("/v1/renders", World.RenderBody(other, 10));
        Assert.Equal(403, status);
        Assert.Equal($"performer_cap_exhausted@consent/v{version}/monthly", Reason(problem));
        var text = problem!.ToJsonString();
        Assert.DoesNotContain(W.Studio.Id, text, StringComparison.Ordinal);

        // The figures are the performer side's: to anyone else the performer is not there.
        foreach (var outsider in new[] { W.Studio, W.OtherStudio, W.Union, W.Auditor, W.Operator })
        {
            Assert.Equal(404, (await W.As(outsider).GetJsonAsync($"/v1/performers/{W.Performer.Id}/caps")).Status);
        }

        Assert.Equal(200, (await W.As(W.Representative).GetJsonAsync($"/v1/performers/{W.Performer.Id}/caps")).Status);

        // The licensee's view of the consent (its prohibitions) has no caps either.
        var (_, consent) = await W.As(W.OtherStudio).GetJsonAsync($"/v1/performers/{W.Performer.Id}/consent");
        Assert.DoesNotContain("monthly", consent!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_studio_cap_counts_each_studio_apart()
    {
        var other = await LicenceForAsync(W, W.OtherStudio);
        var version = await SetCapsAsync(W, SecondsCap("per-studio", 30, scope: "studio", period: "year"));
        Assert.Equal(201, (await W.As(W.Studio).PostAsync("/v1/renders", World.RenderBody(W.LicenseId, 25))).Status);
        Assert.Equal(201, (await W.As(W.OtherStudio).PostAsync("/v1/renders", World.RenderBody(other, 30))).Status);
        var (status, problem) = await W.As(W.Studio).PostAsync("/v1/renders", World.RenderBody(W.LicenseId, 10));
        Assert.Equal(403, status);
        Assert.Equal($"performer_cap_exhausted@consent/v{version}/per-studio", Reason(problem));

        var cap = (await CapsAsync(W)).Single()!;
        Assert.Null(cap["left"]);
        Assert.Equal(1, cap["yearStartMonth"]!.GetValue<int>());
        var studios = cap["studios"]!.AsArray().ToDictionary(s => s!["studioId"]!.GetValue<string>(), s => (s!["reserved"]!.GetValue<decimal>(), s["left"]!.GetValue<decimal>()));
        Assert.Equal((25m, 5m), studios[W.Studio.Id]);
        Assert.Equal((30m, 0m), studios[W.OtherStudio.Id]);
    }

    [Fact]
    public async Task Reservations_count_against_a_cap_as_against_a_budget_and_come_back_on_cancel_and_completion()
    {
        await SetCapsAsync(W, SecondsCap("monthly", 30));
        var studio = W.As(W.Studio);
        var (_, first) = await studio.PostAsync("/v1/renders", World.RenderBody(W.LicenseId, 30));
        Assert.Equal(403, (await studio.PostAsync("/v1/renders", World.RenderBody(W.LicenseId, 1))).Status);
        Assert.Equal(200, (await studio.PostAsync($"/v1/renders/{first!["renderId"]}/cancel")).Status);

        var (status, second) = await studio.PostAsync("/v1/renders", World.RenderBody(W.LicenseId, 30));
        Assert.Equal(201, status);
        Assert.Equal(200, (await studio.PostAsync($"/v1/renders/{second!["renderId"]}/complete", new { actualSeconds = 12, outputSha256 = Sha(1) })).Status);
        Assert.Equal(201, (await studio.PostAsync("/v1/renders", World.RenderBody(W.LicenseId, 18))).Status);
        Assert.Equal(403, (await studio.PostAsync("/v1/renders", World.RenderBody(W.LicenseId, 0.001m))).Status);

        var cap = (await CapsAsync(W)).Single()!;
        Assert.Equal((12m, 18m, 0m), (cap["used"]!.GetValue<decimal>(), cap["reserved"]!.GetValue<decimal>(), cap["left"]!.GetValue<decimal>()));
    }

    [Fact]
    public async Task A_lapsed_reservation_is_released_from_the_cap()
    {
        await SetCapsAsync(W, SecondsCap("monthly", 30));
        var studio = W.As(W.Studio);
        Assert.Equal(201, (await studio.PostAsync("/v1/renders", World.RenderBody(W.LicenseId, 30))).Status);
        Server.Clock.Advance(TimeSpan.FromMinutes(16));
        Assert.Equal(201, (await studio.PostAsync("/v1/renders", World.RenderBody(W.LicenseId, 30))).Status);
        var cap = (await CapsAsync(W)).Single()!;
        Assert.Equal((0m, 30m), (cap["used"]!.GetValue<decimal>(), cap["reserved"]!.GetValue<decimal>()));
    }

    [Fact]
    public async Task A_render_waiting_for_approval_reserves_nothing_until_it_is_approved()
    {
        await SetCapsAsync(W, SecondsCap("monthly", 30));
        var studio = W.As(W.Studio);
        var (ps, pending) = await studio.PostAsync("/v1/renders", World.RenderBody(W.LicenseId, 20, categories: ["violence"]));
        Assert.True(ps == 202, pending?.ToJsonString());
        Assert.Equal(0m, (await CapsAsync(W)).Single()!["reserved"]!.GetValue<decimal>());

        var (_, other) = await studio.PostAsync("/v1/renders", World.RenderBody(W.LicenseId, 15));
        var (status, refused) = await W.As(W.Performer).PostAsync($"/v1/renders/{pending!["renderId"]}/approve");
        Assert.Equal(409, status);
        Assert.Contains("performer_cap_exhausted", Reason(refused), StringComparison.Ordinal);

        Assert.Equal(200, (await studio.PostAsync($"/v1/renders/{other!["renderId"]}/cancel")).Status);
        Assert.Equal(200, (await W.As(W.Performer).PostAsync($"/v1/renders/{pending["renderId"]}/approve")).Status);
        Assert.Equal(20m, (await CapsAsync(W)).Single()!["reserved"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task A_cap_set_below_what_is_already_used_stops_renders_and_claws_nothing_back()
    {
        // Renders are counted before any cap exists, so a cap set later sees the period's whole use.
        await W.RenderAsync(W.LicenseId, 20);
        await SetCapsAsync(W, SecondsCap("monthly", 10));
        var (status, problem) = await W.As(W.Studio).PostAsync("/v1/renders", World.RenderBody(W.LicenseId, 1));
        Assert.Equal(403, status);
        Assert.Equal("performer_cap_exhausted", World.Codes(problem));

        var cap = (await CapsAsync(W)).Single()!;
        Assert.Equal((20m, 0m), (cap["used"]!.GetValue<decimal>(), cap["left"]!.GetValue<decimal>()));
        var (_, license) = await W.As(W.Studio).GetJsonAsync($"/v1/licenses/{W.LicenseId}");
        Assert.Equal(20m, license!["budgets"]![0]!["secondsUsed"]!.GetValue<decimal>());

        await SetCapsAsync(W, SecondsCap("monthly", 25));
        Assert.Equal(201, (await W.As(W.Studio).PostAsync("/v1/renders", World.RenderBody(W.LicenseId, 5))).Status);
    }

    [Fact]
    public async Task A_retry_under_the_same_key_is_counted_once_against_a_cap()
    {
        await SetCapsAsync(W, SecondsCap("monthly", 30));
        var studio = W.As(W.Studio);
        var body = World.RenderBody(W.LicenseId, 20);
        var first = await studio.PostAsync("/v1/renders", body, "cap-retry");
        var again = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => studio.PostAsync("/v1/renders", body, "cap-retry")));
        Assert.Equal(201, first.Status);
        Assert.All(again, a => Assert.Equal((201, first.Body!["renderId"]!.GetValue<string>()), (a.Status, a.Body!["renderId"]!.GetValue<string>())));
        Assert.Equal(20m, (await CapsAsync(W)).Single()!["reserved"]!.GetValue<decimal>());
        Assert.Equal(201, (await studio.PostAsync("/v1/renders", World.RenderBody(W.LicenseId, 10))).Status);
        Assert.Equal(403, (await studio.PostAsync("/v1/renders", World.RenderBody(W.LicenseId, 1))).Status);
    }

    [Fact]
    public async Task A_monthly_cap_starts_afresh_in_the_next_month()
    {
        await SetCapsAsync(W, SecondsCap("monthly", 30));
        await W.RenderAsync(W.LicenseId, 30);
        Assert.Equal(403, (await W.As(W.Studio).PostAsync("/v1/renders", World.RenderBody(W.LicenseId, 1))).Status);
        Server.Clock.Advance(TimeSpan.FromDays(30));
        Assert.Equal(201, (await W.As(W.Studio).PostAsync("/v1/renders", World.RenderBody(W.LicenseId, 30))).Status);
        var cap = (await CapsAsync(W)).Single()!;
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero), cap["from"]!.GetValue<DateTimeOffset>());
        Assert.Equal((0m, 30m), (cap["used"]!.GetValue<decimal>(), cap["reserved"]!.GetValue<decimal>()));
    }

    public static TheoryData<string, string> BadCaps() => new()
    {
        { """{"prohibition":[{"action":"render","constraint":[{"leftOperand":"meteredTime","operator":"lteq","rightOperand":"PT10S","scope":"performer","period":"month"}]}]}""", "prohibition[0].constraint[0].scope" },
        { """{"permission":[{"action":"render","constraint":[{"leftOperand":"meteredTime","operator":"lteq","rightOperand":"PT10S","scope":"performer"}]}]}""", "permission[0].constraint[0].period" },
        { """{"permission":[{"action":"render","constraint":[{"leftOperand":"count","operator":"lteq","rightOperand":5,"scope":"studio","period":"year","yearStartMonth":13}]}]}""", "permission[0].constraint[0].yearStartMonth" },
        { """{"permission":[{"action":"render","constraint":[{"leftOperand":"count","operator":"lteq","rightOperand":5,"scope":"studio","period":"month","yearStartMonth":4}]}]}""", "permission[0].constraint[0].yearStartMonth" },
        { """{"permission":[{"action":"render","constraint":[{"leftOperand":"count","operator":"gteq","rightOperand":5,"scope":"studio","period":"month"}]}]}""", "permission[0].constraint[0].operator" },
        { """{"permission":[{"action":"render","constraint":[{"leftOperand":"count","operator":"lteq","rightOperand":5,"scope":"galaxy","period":"month"}]}]}""", "permission[0].constraint[0].scope" },
        { """{"permission":[{"action":"render","constraint":[{"leftOperand":"count","operator":"lteq","rightOperand":5,"scope":"studio","period":"week"}]}]}""", "permission[0].constraint[0].period" },
        { """{"permission":[{"action":"render","constraint":[{"leftOperand":"modality","operator":"eq","rightOperand":"voice","scope":"studio","period":"month"}]}]}""", "permission[0].constraint[0].scope" },
        { """{"permission":[{"action":"render","constraint":[{"leftOperand":"count","operator":"lteq","rightOperand":5,"period":"month"}]}]}""", "permission[0].constraint[0].scope" },
        { """{"permission":[{"action":"render","constraint":[{"leftOperand":"count","operator":"lteq","rightOperand":5,"scope":"studio","period":"month"},{"leftOperand":"purpose","operator":"eq","rightOperand":"dubbing"}]}]}""", "permission[0].constraint[1]" },
        { """{"permission":[{"action":"render","constraint":[{"leftOperand":"count","operator":"lteq","rightOperand":5,"scope":"studio","period":"month"}],"duty":[{"action":"inform"}]}]}""", "permission[0].duty" },
        { """{"permission":[{"action":"render","duty":[{"action":"inform","constraint":[{"leftOperand":"count","operator":"lteq","rightOperand":5,"scope":"studio","period":"month"}]}]}]}""", "permission[0].duty[0].constraint[0].scope" },
    };

    [Theory]
    [MemberData(nameof(BadCaps))]
    public async Task A_bad_cap_is_a_400_naming_the_field(string policy, string field)
    {
        var (status, problem) = await W.As(W.Performer).SendAsync(HttpMethod.Put, $"/v1/performers/{W.Performer.Id}/consent", policy);
        Assert.Equal(400, status);
        Assert.Equal(field, problem!["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task Sixty_four_clients_of_four_studios_on_four_licences_under_a_100_second_cap_get_exactly_100_seconds()
    {
        var third = await StudioAsync(W, "Third Studio");
        var fourth = await StudioAsync(W, "Fourth Studio");
        var studios = new List<(Actor, string)> { (W.Studio, W.LicenseId) };
        foreach (var s in new[] { W.OtherStudio, third, fourth })
        {
            studios.Add((s, await LicenceForAsync(W, s)));
        }

        await SetCapsAsync(W, SecondsCap("monthly", 100));
        var (permits, denials) = await RaceAsync(studios, (_, s) => W.As(s));
        Assert.Equal(100, permits);
        Assert.Equal(92, denials.Count);
        Assert.All(denials, d => Assert.Equal("performer_cap_exhausted", d));
        Assert.Equal(100m, (await CapsAsync(W)).Single()!["reserved"]!.GetValue<decimal>());

        // The auditor's replay of the ledger checks every reservation against the cap.
        var entries = await Store.ReadAsync(s => s.ReadLedgerEntries(0, (int)s.LedgerEntryCount()));
        Assert.Null(LedgerAudit.Check(entries));
    }
}

/// <summary>The cap tests on the embedded SQLite store.</summary>
public sealed class CapTestsOnSqlite() : CapTests(Provider.Sqlite);

/// <summary>The cap tests on PostgreSQL.</summary>
public sealed class CapTestsOnPostgres() : CapTests(Provider.Postgres);
