using System.Text.Json.Nodes;
using Likeness.Tests.Support;
using Xunit;

namespace Likeness.Tests.Royalties;

/// <summary>Statements end to end, with figures worked out by hand.</summary>
public abstract class StatementTests(Provider provider) : WorldTests(provider)
{
    private Actor _manager = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var (_, m) = await W.As(W.Operator).PostAsync("/v1/parties", new { kind = "representative", name = "Ilse Marr (manager)" });
        _manager = new Actor(m!["id"]!.GetValue<string>(), m["apiKey"]!.GetValue<string>());
        var (ss, splits) = await W.As(W.Performer).SendAsync(HttpMethod.Put, $"/v1/performers/{W.Performer.Id}/splits", new
        {
            payees = new object[] { new { party = W.Representative.Id, role = "agent", shareBps = 1000 }, new { party = _manager.Id, role = "manager", shareBps = 500 } },
            heirs = new object[] { new { party = W.Estate.Id, shareBps = 10000 } },
            pensionAndHealth = new { union = W.Union.Id, rateBps = 1900 },
        });
        Assert.True(ss == 200, splits?.ToJsonString());
    }

    private async Task<JsonNode> Statement(Actor reader, string party, string period)
    {
        var (status, body) = await W.As(reader).GetJsonAsync($"/v1/statements?party={party}&period={period}");
        Assert.True(status == 200, body?.ToJsonString());
        return body!;
    }

    private static long Total(JsonNode statement, string currency = "USD") =>
        statement["totals"]!.AsArray().Single(t => t!["currency"]!.GetValue<string>() == currency)!["minor"]!.GetValue<long>();

    [Fact]
    public async Task A_month_pays_each_payee_exactly_and_bills_the_studio_gross_plus_pension_and_health()
    {
        // The World's licence: 2,500 per render, 150 per second, USD. 3 renders, 37.75 s: 7,500 + 5,662.5 = 13,162.5 → 13,163.
        await W.RenderAsync(W.LicenseId, 10);
        await W.RenderAsync(W.LicenseId, 20.5m);
        await W.RenderAsync(W.LicenseId, 7.25m);

        var invoice = await Statement(W.Studio, W.Studio.Id, "2026-11");
        Assert.Equal("open", invoice["status"]!.GetValue<string>());
        Assert.Equal(13_163 + 2_501, Total(invoice)); // pension and health: 13,163 × 19% = 2,500.97 → 2,501
        var usage = invoice["lines"]!.AsArray().Single(l => l!["kind"]!.GetValue<string>() == "usage")!;
        Assert.Equal(3, usage["renders"]!.GetValue<long>());
        Assert.Equal(37.75m, usage["seconds"]!.GetValue<decimal>());

        Assert.Equal(1_316, Total(await Statement(W.Representative, W.Representative.Id, "2026-11")));
        Assert.Equal(658, Total(await Statement(_manager, _manager.Id, "2026-11")));
        Assert.Equal(11_189, Total(await Statement(W.Performer, W.Performer.Id, "2026-11")));
        Assert.Equal(2_501, Total(await Statement(W.Union, W.Union.Id, "2026-11")));
        Assert.Equal(404, (await W.As(W.OtherStudio).GetJsonAsync($"/v1/statements?party={W.Studio.Id}&period=2026-11")).Status);
        Assert.Equal(404, (await W.As(W.Representative).GetJsonAsync($"/v1/statements?party={_manager.Id}&period=2026-11")).Status);

        var csv = await W.As(W.Performer).GetStringAsync($"/v1/statements?party={W.Performer.Id}&period=2026-11&format=csv");
        var rows = csv.TrimEnd('\n').Split('\n');
        Assert.Equal("period,party,status,kind,license,use,role,currency,renders,seconds,per_render_minor,per_second_minor,factor,gross_minor,share_bps,amount_minor,corrects_period,corrects", rows[0]);
        Assert.EndsWith(",usage," + W.LicenseId + ",0,performer,USD,3,37.75,2500,150,1,13163,8500,11189,,", rows[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Closing_a_period_freezes_it_records_it_in_the_ledger_and_verify_reproduces_it()
    {
        await W.RenderAsync(W.LicenseId, 4);
        Assert.Equal(409, (await W.As(W.Operator).PostAsync("/v1/statements/close", new { period = "2026-11" })).Status);
        Server.Clock.Advance(TimeSpan.FromDays(31));
        Assert.Equal(409, (await W.As(W.Operator).PostAsync("/v1/statements/close", new { period = "2026-12" })).Status);
        Assert.Equal(403, (await W.As(W.Performer).PostAsync("/v1/statements/close", new { period = "2026-11" })).Status);
        var (cs, closed) = await W.As(W.Operator).PostAsync("/v1/statements/close", new { period = "2026-11" });
        Assert.True(cs == 200, closed?.ToJsonString());
        var (_, entry) = await W.As(W.Auditor).GetJsonAsync($"/v1/ledger/entries/{closed!["ledgerIndex"]}");
        Assert.Equal("statement.closed", entry!["decoded"]!["kind"]!.GetValue<string>());
        Assert.Equal(closed["sha256"]!.GetValue<string>(), entry["decoded"]!["linesSha256"]!.GetValue<string>());
        Assert.Equal("closed", (await Statement(W.Performer, W.Performer.Id, "2026-11"))["status"]!.GetValue<string>());
        Assert.Equal(409, (await W.As(W.Operator).PostAsync("/v1/statements/close", new { period = "2026-11" })).Status);

        var (vs, check) = await W.As(W.Auditor).GetJsonAsync("/v1/statements/verify?period=2026-11");
        Assert.Equal(200, vs);
        Assert.True(check!["matches"]!.GetValue<bool>(), check.ToJsonString());
        var (ve, _, verr) = await CliProcess.RunAsync("statements", "verify", "--period", "2026-11", "--server", Server.Url, "--key", W.Auditor.Key);
        Assert.True(ve == 0, verr);
        var (ce, csv, cerr) = await CliProcess.RunAsync("statements", "get", "--party", W.Performer.Id, "--period", "2026-11", "--csv", "--server", Server.Url, "--key", W.Performer.Key);
        Assert.True(ce == 0, cerr);
        Assert.StartsWith("period,party,status,kind", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_death_recorded_late_becomes_adjustments_in_the_next_period_never_an_edit()
    {
        await W.RenderAsync(W.LicenseId, 2); // 2,500 + 300 = 2,800; performer 85% = 2,380 (before the death)
        Server.Clock.Advance(TimeSpan.FromDays(14)); // 15 November
        await W.RenderAsync(W.LicenseId, 2); // after the death that will be recorded for 10 November
        Server.Clock.Advance(TimeSpan.FromDays(17)); // 2 December
        Assert.Equal(200, (await W.As(W.Operator).PostAsync("/v1/statements/close", new { period = "2026-11" })).Status);
        var novemberBefore = Total(await Statement(W.Auditor, W.Performer.Id, "2026-11"));
        Assert.Equal(2 * 2_380, novemberBefore);

        Assert.Equal(200, (await W.As(W.Operator).PostAsync($"/v1/performers/{W.Performer.Id}/death", new { diedOn = "2026-11-10" })).Status);
        Assert.Equal(novemberBefore, Total(await Statement(W.Auditor, W.Performer.Id, "2026-11")));
        var december = await Statement(W.Estate, W.Estate.Id, "2026-12");
        var adjustment = december["lines"]!.AsArray().Single()!;
        Assert.Equal("adjustment", adjustment["kind"]!.GetValue<string>());
        Assert.Equal("2026-11", adjustment["correctsPeriod"]!.GetValue<string>());
        Assert.Equal(2_380, adjustment["amountMinor"]!.GetValue<long>());
        Assert.Equal(-2_380, Total(await Statement(W.Auditor, W.Performer.Id, "2026-12")));

        var (_, pending) = await W.As(W.Auditor).GetJsonAsync("/v1/statements/verify?period=2026-11");
        Assert.False(pending!["matches"]!.GetValue<bool>());
        Server.Clock.Advance(TimeSpan.FromDays(31));
        Assert.Equal(200, (await W.As(W.Operator).PostAsync("/v1/statements/close", new { period = "2026-12" })).Status);
        var (_, carried) = await W.As(W.Auditor).GetJsonAsync("/v1/statements/verify?period=2026-11");
        Assert.True(carried!["matches"]!.GetValue<bool>(), carried.ToJsonString());
        Assert.Empty((await Statement(W.Estate, W.Estate.Id, "2027-01"))["lines"]!.AsArray());
    }

    [Fact]
    public async Task A_minimum_guarantee_is_recouped_across_periods_and_the_shortfall_is_due_at_the_term_end()
    {
        var license = await W.LicenseAsync(
            World.Use(to: new DateTimeOffset(2027, 1, 15, 0, 0, 0, TimeSpan.Zero)),
            new { perRender = new { currency = "USD", minor = 1000 }, perSecond = new { currency = "USD", minor = 100 }, minimumGuarantee = new { currency = "USD", minor = 100_000 } });
        await W.RenderAsync(license, 10); // 2,000 in November
        Server.Clock.Advance(TimeSpan.FromDays(31));
        await W.RenderAsync(license, 20); // 3,000 in December
        Server.Clock.Advance(TimeSpan.FromDays(31));
        await W.RenderAsync(license, 5);  // 1,500 in January; the term ends 15 January

        string Kind(JsonNode l) => l["kind"]!.GetValue<string>();
        var november = await Statement(W.Studio, W.Studio.Id, "2026-11");
        Assert.DoesNotContain(november["lines"]!.AsArray(), l => Kind(l!) == "minimumGuaranteeShortfall");
        var january = await Statement(W.Studio, W.Studio.Id, "2027-01");
        var shortfall = january["lines"]!.AsArray().Single(l => Kind(l!) == "minimumGuaranteeShortfall" && l!["licenseId"]!.GetValue<string>() == license)!;
        Assert.Equal(100_000 - 2_000 - 3_000 - 1_500, shortfall["amountMinor"]!.GetValue<long>());
        var performerShare = (await Statement(W.Performer, W.Performer.Id, "2027-01"))["lines"]!.AsArray()
            .Single(l => Kind(l!) == "minimumGuaranteeShortfall")!["amountMinor"]!.GetValue<long>();
        Assert.Equal(79_475, performerShare); // 85% of 93,500
    }

    [Fact]
    public async Task Currencies_are_never_summed_together()
    {
        var euros = await W.LicenseAsync(World.Use(), new { perRender = new { currency = "EUR", minor = 700 } });
        await W.RenderAsync(W.LicenseId, 1); // USD 2,650: manager 132.5 and performer 2,252.5 tie; the earlier (manager) gets the unit
        await W.RenderAsync(euros, 1);        // EUR 700 → performer 595
        var statement = await Statement(W.Performer, W.Performer.Id, "2026-11");
        Assert.Equal(2, statement["totals"]!.AsArray().Count);
        Assert.Equal(595, Total(statement, "EUR"));
        Assert.Equal(2_252, Total(statement, "USD"));
    }

    [Fact]
    public async Task Multipliers_for_real_time_and_territory_price_above_scale()
    {
        var license = await W.LicenseAsync(World.Use(), new
        {
            perRender = new { currency = "USD", minor = 1000 },
            territoryFactors = new object[] { new { territory = "JP", factorBps = 15000 } },
        });
        await W.RenderAsync(license, 1); // in JP: 1,000 × 1.5
        var line = (await Statement(W.Studio, W.Studio.Id, "2026-11"))["lines"]!.AsArray()
            .Single(l => l!["licenseId"]!.GetValue<string>() == license && l["kind"]!.GetValue<string>() == "usage")!;
        Assert.Equal("1.5", line["factor"]!.GetValue<string>());
        Assert.Equal(1_500, line["grossMinor"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_request_below_the_union_floor_is_flagged_and_needs_an_explicit_override()
    {
        var (rs, rates) = await W.As(W.Operator).SendAsync(HttpMethod.Put, $"/v1/unions/{W.Union.Id}/rates", new
        {
            version = "SAG-AFTRA IMA 2025 schedule B",
            rates = new object[] { new { purpose = "dubbing", modality = "voice", perRender = new { currency = "USD", minor = 5000 } } },
        });
        Assert.True(rs == 200, rates?.ToJsonString());
        Assert.Equal(403, (await W.As(W.Performer).SendAsync(HttpMethod.Put, $"/v1/unions/{W.Union.Id}/rates", new { version = "x", rates = new object[] { new { purpose = "dubbing", modality = "voice", perRender = new { currency = "USD", minor = 1 } } } })).Status);

        var (_, request) = await W.As(W.Studio).PostAsync("/v1/license-requests", new
        {
            performerId = W.Performer.Id,
            project = "Skyward Tides",
            description = World.Description,
            uses = new[] { World.Use() },
            compensation = new { perRender = new { currency = "USD", minor = 2500 } },
        });
        var conflict = request!["conflicts"]!.AsArray().Single(c => c!["code"]!.GetValue<string>() == "below_union_floor")!;
        Assert.Equal($"union/{W.Union.Id}/rates/v1", conflict["rule"]!.GetValue<string>());
        var id = request["id"]!.GetValue<string>();
        var (s1, p1) = await W.As(W.Performer).PostAsync($"/v1/license-requests/{id}/approve");
        Assert.Equal(409, s1);
        Assert.Equal("below_union_floor", p1!["code"]!.GetValue<string>());
        var (s2, license) = await W.As(W.Performer).PostAsync($"/v1/license-requests/{id}/approve", new { rateOverride = true });
        Assert.Equal(201, s2);
        Assert.True(license!["rateOverride"]!.GetValue<bool>());
        var (_, entry) = await W.As(W.Auditor).GetJsonAsync($"/v1/ledger/entries/{license["ledgerIndex"]}");
        Assert.Equal(1, entry!["decoded"]!["rateOverride"]!.GetValue<long>());
    }

    [Fact]
    public async Task Bad_splits_and_periods_are_refused()
    {
        async Task<string?> Put(object body)
        {
            var (status, problem) = await W.As(W.Performer).SendAsync(HttpMethod.Put, $"/v1/performers/{W.Performer.Id}/splits", body);
            Assert.Equal(400, status);
            return problem!["field"]?.GetValue<string>();
        }

        Assert.Equal("payees", await Put(new { payees = new object[] { new { party = W.Representative.Id, role = "agent", shareBps = 6000 }, new { party = _manager.Id, role = "manager", shareBps = 5000 } } }));
        Assert.Equal("payees[0].role", await Put(new { payees = new object[] { new { party = W.Representative.Id, role = "cousin", shareBps = 10 } } }));
        Assert.Equal("heirs", await Put(new { heirs = new object[] { new { party = W.Estate.Id, shareBps = 9000 } } }));
        Assert.Equal("payees[0].party", await Put(new { payees = new object[] { new { party = W.Studio.Id, role = "agent", shareBps = 10 } } }));
        Assert.Equal(400, (await W.As(W.Performer).GetJsonAsync($"/v1/statements?party={W.Performer.Id}&period=2026-13")).Status);
        Assert.Equal(400, (await W.As(W.Performer).GetJsonAsync($"/v1/statements?party={W.Performer.Id}&period=2026-11&format=pdf")).Status);
    }
}

/// <summary>The same tests on the embedded SQLite store.</summary>
public sealed class StatementTestsOnSqlite() : StatementTests(Provider.Sqlite);

/// <summary>The same tests on PostgreSQL.</summary>
public sealed class StatementTestsOnPostgres() : StatementTests(Provider.Postgres);
