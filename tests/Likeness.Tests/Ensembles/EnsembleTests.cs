using System.Collections.Concurrent;
using Likeness.Ledger;
using Likeness.Tests.Support;
using Xunit;
using static Likeness.Tests.Ensembles.EnsembleKit;

namespace Likeness.Tests.Ensembles;

/// <summary>Renders with several performers over HTTP (issue 16; docs/DOMAIN.md, "Renders with several performers"), on each store.</summary>
public abstract class EnsembleTests(Provider provider) : WorldTests(provider)
{
    private static readonly string Sha = new('e', 64);

    /// <summary>A licence use for puppetry (the World's use, derived by puppetry).</summary>
    private static object PuppetryUse() => new
    {
        modality = "voice",
        purposes = new[] { "videoGame", "dubbing" },
        territories = new[] { "JP", "EU" },
        languages = new[] { "ja", "en" },
        from = TestServer.Epoch.AddDays(-1),
        to = TestServer.Epoch.AddDays(365),
        maxSecondsPerDeliverable = 60,
        maxSyntheticSeconds = 3600,
        maxRenders = 1000,
        contentCategories = new[] { "violence" },
        derivation = "puppetry",
    };

    private static object NoPuppetry() => new
    {
        permission = new object[]
        {
            new
            {
                uid = "games", action = "render",
                constraint = new object[]
                {
                    new { leftOperand = "modality", @operator = "isAnyOf", rightOperand = new[] { "voice", "face" } },
                    new { leftOperand = "spatial", @operator = "isA", rightOperand = "WORLD" },
                },
            },
        },
        prohibition = new object[]
        {
            new { uid = "no-puppetry", action = "render", constraint = new object[] { new { leftOperand = "derivation", @operator = "isAnyOf", rightOperand = new[] { "puppetry" } } } },
        },
    };

    [Fact]
    public async Task A_duet_reserves_each_share_and_settles_the_seconds_split_to_the_millisecond()
    {
        var other = await PerformerAsync(W, "Ines Duarte");
        var hers = await LicenceAsync(W, other);
        var (status, render) = await W.As(W.Studio).PostAsync("/v1/renders", Body(10, (W.LicenseId, "likeness", 3333), (hers, "voice", 6667)));
        Assert.True(status == 201, render?.ToJsonString());
        var id = render!["renderId"]!.GetValue<string>();
        Assert.StartsWith("ens_", id, StringComparison.Ordinal);
        Assert.Equal(("permit", "authorized"), (render["decision"]!.GetValue<string>(), render["status"]!.GetValue<string>()));
        var contributors = render["contributors"]!.AsArray();
        Assert.Equal(2, contributors.Count);

        // Each reserves the ceiling of her exact share: 3.333 and 6.667 seconds.
        Assert.Equal((0m, 3.333m, 0L, 1L), await BudgetAsync(W, W.LicenseId));
        Assert.Equal((0m, 6.667m, 0L, 1L), await BudgetAsync(W, hers));

        // 7.001 s split 33.33% / 66.67%: 2333.4333 and 4667.5667 ms; the leftover millisecond goes to the larger remainder.
        var (cs, done) = await W.As(W.Studio).PostAsync($"/v1/renders/{id}/complete", new { actualSeconds = 7.001m, outputSha256 = Sha });
        Assert.True(cs == 200, done?.ToJsonString());
        Assert.Equal(7.001m, done!["actualSeconds"]!.GetValue<decimal>());
        Assert.Equal([2.333m, 4.668m], done["contributors"]!.AsArray().Select(c => c!["actualSeconds"]!.GetValue<decimal>()));
        Assert.Equal((2.333m, 0m, 1L, 0L), await BudgetAsync(W, W.LicenseId));
        Assert.Equal((4.668m, 0m, 1L, 0L), await BudgetAsync(W, hers));

        // Each performer's usage shows her part under her licence.
        var (_, usage) = await W.As(other).GetJsonAsync($"/v1/performers/{other.Id}/usage");
        Assert.Contains("4.668", usage!.ToJsonString(), StringComparison.Ordinal);

        var entries = await Store.ReadAsync(s => s.ReadLedgerEntries(0, (int)s.LedgerEntryCount()));
        Assert.Null(LedgerAudit.Check(entries));
    }

    [Fact]
    public async Task A_veto_by_one_contributor_denies_the_render_and_holds_no_one_elses_budget()
    {
        var other = await PerformerAsync(W, "Ines Duarte");
        var small = await LicenceAsync(W, other, World.Use(maxSyntheticSeconds: 2));
        var (status, problem) = await W.As(W.Studio).PostAsync("/v1/renders", Body(10, (W.LicenseId, "likeness", 5000), (small, "voice", 5000)));
        Assert.Equal(403, status);
        Assert.Equal(["1:seconds_budget_exhausted@license/use/0"], Reasons(problem));
        Assert.Equal("deny", problem!["contributors"]![1]!["decision"]!.GetValue<string>());
        Assert.Equal("permit", problem["contributors"]![0]!["decision"]!.GetValue<string>());
        Assert.Equal((0m, 0m, 0L, 0L), await BudgetAsync(W, W.LicenseId));

        // Her consent forbids what both are asked for: every contributor's reasons, each under its contributor.
        await ConsentAsync(W, other, NoPuppetry());
        await ConsentAsync(W, W.Performer, NoPuppetry());
        var first = await LicenceAsync(W, W.Performer, PuppetryUse());
        var second = await LicenceAsync(W, other, PuppetryUse());
        var (both, denied) = await W.As(W.Studio).PostAsync("/v1/renders", Body(4, [], "puppetry", (first, "likeness", 5000), (second, "driver", 5000)));
        Assert.Equal(403, both);
        var reasons = Reasons(denied);
        Assert.Contains(reasons, r => r.StartsWith("0:", StringComparison.Ordinal) && r.Contains("no-puppetry", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.StartsWith("1:", StringComparison.Ordinal) && r.Contains("no-puppetry", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_puppetry_render_needs_the_drivers_consent_to_puppetry()
    {
        var driver = await PerformerAsync(W, "Ines Duarte", NoPuppetry());
        var driven = await LicenceAsync(W, W.Performer, PuppetryUse());
        var drives = await LicenceAsync(W, driver, PuppetryUse());

        // A render with a driver is puppetry for every contributor, so the driver's consent is asked about puppetry.
        var (status, problem) = await W.As(W.Studio).PostAsync("/v1/renders", Body(4, (driven, "likeness", 7000), (drives, "driver", 3000)));
        Assert.Equal(403, status);
        var reasons = Reasons(problem);
        Assert.NotEmpty(reasons);
        Assert.All(reasons, r => Assert.StartsWith("1:", r, StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.Contains("no-puppetry", StringComparison.Ordinal));

        // Stating another derivation with a driver is a contradiction.
        Assert.Equal(400, (await W.As(W.Studio).PostAsync("/v1/renders", Body(4, [], "newPerformance", (driven, "likeness", 7000), (drives, "driver", 3000)))).Status);

        // Once she consents to puppetry, she drives.
        await ConsentAsync(W, driver, World.DefaultConsent);
        Assert.Equal(201, (await W.As(W.Studio).PostAsync("/v1/renders", Body(4, (driven, "likeness", 7000), (drives, "driver", 3000)))).Status);
    }

    /// <summary>Her consent as <see cref="NoPuppetry"/>'s permission, prohibiting only her driving others (docs/DOMAIN.md, <c>lk:role</c>).</summary>
    private static object NoDriving(string role = "driver") => new
    {
        permission = new object[]
        {
            new
            {
                uid = "games", action = "render",
                constraint = new object[]
                {
                    new { leftOperand = "modality", @operator = "isAnyOf", rightOperand = new[] { "voice", "face" } },
                    new { leftOperand = "spatial", @operator = "isA", rightOperand = "WORLD" },
                },
            },
        },
        prohibition = new object[]
        {
            new { uid = "no-driving", action = "render", constraint = new object[] { new { leftOperand = "lk:role", @operator = "eq", rightOperand = role } } },
        },
    };

    [Fact]
    public async Task A_performer_may_refuse_to_drive_others_and_still_be_driven()
    {
        var ines = await PerformerAsync(W, "Ines Duarte", NoDriving());
        var hers = await LicenceAsync(W, ines, PuppetryUse());
        var his = await LicenceAsync(W, W.Performer, PuppetryUse());

        // As the driver she is denied with the stable code at her rule; the driven contributor has no reason.
        var (status, problem) = await W.As(W.Studio).PostAsync("/v1/renders", Body(4, (his, "likeness", 7000), (hers, "driver", 3000)));
        Assert.Equal(403, status);
        var reason = Assert.Single(Reasons(problem));
        Assert.StartsWith("1:role_not_permitted@consent/", reason, StringComparison.Ordinal);
        Assert.EndsWith("/no-driving", reason, StringComparison.Ordinal);
        Assert.Equal((0m, 0m, 0L, 0L), await BudgetAsync(W, his));

        // Driven by another, her likeness is rendered: the same consent permits it.
        var (driven, render) = await W.As(W.Studio).PostAsync("/v1/renders", Body(4, (hers, "likeness", 7000), (his, "driver", 3000)));
        Assert.True(driven == 201, render?.ToJsonString());
        Assert.Equal("permit", render!["decision"]!.GetValue<string>());

        // A role outside the vocabulary is a 400 naming the field.
        var (bad, why) = await W.As(ines).SendAsync(HttpMethod.Put, $"/v1/performers/{ines.Id}/consent", NoDriving("pilot"));
        Assert.Equal(400, bad);
        Assert.Contains("rightOperand", why!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_performer_approves_her_own_part_and_the_render_waits_for_all()
    {
        var other = await PerformerAsync(W, "Ines Duarte");
        var hers = await LicenceAsync(W, other);
        var (status, pending) = await W.As(W.Studio).PostAsync("/v1/renders", Body(6, ["violence"], null, (W.LicenseId, "likeness", 5000), (hers, "voice", 5000)));
        Assert.True(status == 202, pending?.ToJsonString());
        var id = pending!["renderId"]!.GetValue<string>();
        Assert.Equal(["required", "required"], pending["contributors"]!.AsArray().Select(c => c!["approval"]!.GetValue<string>()));
        Assert.Equal((0m, 0m, 0L, 0L), await BudgetAsync(W, W.LicenseId));

        // The studio cannot approve; the first performer's approval leaves it pending, and she cannot approve twice.
        Assert.Equal(403, (await W.As(W.Studio).PostAsync($"/v1/renders/{id}/approve")).Status);
        var (a1, first) = await W.As(W.Representative).PostAsync($"/v1/renders/{id}/approve");
        Assert.True(a1 == 200, first?.ToJsonString());
        Assert.Equal(("pending", "pendingApproval"), (first!["decision"]!.GetValue<string>(), first["status"]!.GetValue<string>()));
        Assert.Equal(409, (await W.As(W.Performer).PostAsync($"/v1/renders/{id}/approve")).Status);
        Assert.Equal((0m, 0m, 0L, 0L), await BudgetAsync(W, W.LicenseId));

        // The last approval decides every contributor again and reserves all.
        var (a2, approved) = await W.As(other).PostAsync($"/v1/renders/{id}/approve");
        Assert.True(a2 == 200, approved?.ToJsonString());
        Assert.Equal("authorized", approved!["status"]!.GetValue<string>());
        Assert.Equal((0m, 3m, 0L, 1L), await BudgetAsync(W, W.LicenseId));
        Assert.Equal((0m, 3m, 0L, 1L), await BudgetAsync(W, hers));
        var (_, seen) = await W.As(W.Studio).GetJsonAsync($"/v1/renders/{id}");
        Assert.Equal(["approved", "approved"], seen!["contributors"]!.AsArray().Select(c => c!["approval"]!.GetValue<string>()));

        var entries = await Store.ReadAsync(s => s.ReadLedgerEntries(0, (int)s.LedgerEntryCount()));
        Assert.Null(LedgerAudit.Check(entries));
    }

    [Fact]
    public async Task A_rejection_by_one_performer_rejects_the_render()
    {
        var other = await PerformerAsync(W, "Ines Duarte");
        var hers = await LicenceAsync(W, other);
        var (_, pending) = await W.As(W.Studio).PostAsync("/v1/renders", Body(6, ["violence"], null, (W.LicenseId, "likeness", 5000), (hers, "voice", 5000)));
        var id = pending!["renderId"]!.GetValue<string>();
        Assert.Equal(200, (await W.As(W.Performer).PostAsync($"/v1/renders/{id}/approve")).Status);
        var (rs, rejected) = await W.As(other).PostAsync($"/v1/renders/{id}/reject");
        Assert.True(rs == 200, rejected?.ToJsonString());
        Assert.Equal(("deny", "rejected"), (rejected!["decision"]!.GetValue<string>(), rejected["status"]!.GetValue<string>()));
        Assert.Equal(409, (await W.As(W.Studio).PostAsync($"/v1/renders/{id}/complete", new { actualSeconds = 1, outputSha256 = Sha })).Status);
        var entries = await Store.ReadAsync(s => s.ReadLedgerEntries(0, (int)s.LedgerEntryCount()));
        Assert.Null(LedgerAudit.Check(entries));
    }

    [Fact]
    public async Task A_contributor_sees_only_her_part_and_an_outsider_nothing()
    {
        var other = await PerformerAsync(W, "Ines Duarte");
        var hers = await LicenceAsync(W, other, compensation: new { perRender = new { currency = "EUR", minor = 9100 } });
        var (_, render) = await W.As(W.Studio).PostAsync("/v1/renders", Body(10, (W.LicenseId, "likeness", 4000), (hers, "voice", 6000)));
        var id = render!["renderId"]!.GetValue<string>();

        var (ms, mine) = await W.As(other).GetJsonAsync($"/v1/renders/{id}");
        Assert.Equal(200, ms);
        var part = Assert.Single(mine!["contributors"]!.AsArray());
        Assert.Equal((hers, 6m), (part!["licenseId"]!.GetValue<string>(), part["reservedSeconds"]!.GetValue<decimal>()));
        var text = mine.ToJsonString();
        Assert.DoesNotContain(W.LicenseId, text, StringComparison.Ordinal);
        Assert.DoesNotContain(W.Performer.Id, text, StringComparison.Ordinal);

        // Her part's own id reads as the render, seen from her side: a part is never read or acted on apart.
        var (ps, byPart) = await W.As(other).GetJsonAsync($"/v1/renders/{id}.1");
        Assert.Equal((200, id), (ps, byPart!["renderId"]!.GetValue<string>()));
        Assert.DoesNotContain(W.LicenseId, byPart.ToJsonString(), StringComparison.Ordinal);

        // Her licence's terms stay hers: the other performer cannot read them.
        Assert.Equal(404, (await W.As(W.Performer).GetJsonAsync($"/v1/licenses/{hers}")).Status);
        var (_, first) = await W.As(W.Representative).GetJsonAsync($"/v1/renders/{id}");
        Assert.DoesNotContain(hers, first!.ToJsonString(), StringComparison.Ordinal);

        foreach (var outsider in new[] { W.OtherStudio, W.OtherPerformer })
        {
            Assert.Equal(404, (await W.As(outsider).GetJsonAsync($"/v1/renders/{id}")).Status);
            Assert.Equal(404, (await W.As(outsider).PostAsync($"/v1/renders/{id}/cancel")).Status);
        }

        // Only the studio settles it; each side may read the ledger entry that names every contributor.
        Assert.Equal(403, (await W.As(other).PostAsync($"/v1/renders/{id}/cancel")).Status);
        var index = render["ledgerIndex"]!.GetValue<long>();
        Assert.Equal(200, (await W.As(other).GetJsonAsync($"/v1/ledger/entries/{index}")).Status);
        Assert.Equal(200, (await W.As(W.Performer).GetJsonAsync($"/v1/ledger/entries/{index}")).Status);
        Assert.Equal(404, (await W.As(W.OtherPerformer).GetJsonAsync($"/v1/ledger/entries/{index}")).Status);
    }

    [Fact]
    public async Task A_bad_ensemble_request_is_a_400_naming_the_field()
    {
        var other = await PerformerAsync(W, "Ines Duarte");
        var hers = await LicenceAsync(W, other);
        var studio = W.As(W.Studio);
        Assert.Equal("contributors", (await studio.PostAsync("/v1/renders", Body(4, (W.LicenseId, "likeness", 5000), (hers, "voice", 4000)))).Body!["field"]!.GetValue<string>());
        Assert.Equal("contributors", (await studio.PostAsync("/v1/renders", Body(4, (W.LicenseId, "likeness", 10000)))).Body!["field"]!.GetValue<string>());
        Assert.Equal("contributors[1].role", (await studio.PostAsync("/v1/renders", Body(4, (W.LicenseId, "likeness", 5000), (hers, "stunt", 5000)))).Body!["field"]!.GetValue<string>());
        Assert.Equal("contributors", (await studio.PostAsync("/v1/renders", Body(4, (hers, "likeness", 5000), (hers, "voice", 5000)))).Body!["field"]!.GetValue<string>());

        Assert.Equal("licenseId", (await studio.PostAsync("/v1/renders", new { modality = "voice", purpose = "dubbing", territory = "JP", language = "ja", requestedSeconds = 1 })).Body!["field"]!.GetValue<string>());

        // A licence the studio does not hold is not found, under its contributor.
        var (status, problem) = await W.As(W.OtherStudio).PostAsync("/v1/renders", Body(4, (W.LicenseId, "likeness", 5000), (hers, "voice", 5000)));
        Assert.Equal(403, status);
        Assert.Equal(["0:license_not_found@license", "1:license_not_found@license"], Reasons(problem));
    }

    [Fact]
    public async Task Sixty_four_clients_racing_on_a_duet_reserve_all_or_none()
    {
        // Her licence allows 50 seconds; each duet asks 2 seconds, one of them hers: exactly 50 duets, and the first
        // performer's budget holds exactly what those 50 reserved.
        var other = await PerformerAsync(W, "Ines Duarte");
        var hers = await LicenceAsync(W, other, World.Use(maxSyntheticSeconds: 50));
        var permits = 0;
        var denials = new ConcurrentBag<string>();
        await Task.WhenAll(Enumerable.Range(0, 64).Select(async n =>
        {
            var client = W.As(W.Studio);
            for (var i = 0; i < 3; i++)
            {
                var (status, body) = await client.PostAsync("/v1/renders", Body(2, (W.LicenseId, "likeness", 5000), (hers, "voice", 5000)), $"duet-race-{n}-{i}");
                if (status == 201)
                {
                    Interlocked.Increment(ref permits);
                }
                else
                {
                    denials.Add(status == 403 ? string.Join(",", Reasons(body)) : $"{status}: {body?.ToJsonString()}");
                }
            }
        }));

        Assert.Equal(50, permits);
        Assert.Equal(142, denials.Count);
        Assert.All(denials, d => Assert.Equal("1:seconds_budget_exhausted@license/use/0", d));
        Assert.Equal((0m, 50m, 0L, 50L), await BudgetAsync(W, W.LicenseId));
        Assert.Equal((0m, 50m, 0L, 50L), await BudgetAsync(W, hers));
        var entries = await Store.ReadAsync(s => s.ReadLedgerEntries(0, (int)s.LedgerEntryCount()));
        Assert.Null(LedgerAudit.Check(entries));
    }

    [Fact]
    public async Task A_single_performer_render_answers_as_before()
    {
        var (status, render) = await W.As(W.Studio).PostAsync("/v1/renders", World.RenderBody(W.LicenseId, 3));
        Assert.Equal(201, status);
        Assert.StartsWith("rnd_", render!["renderId"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(render["contributors"]);
        Assert.Equal(W.LicenseId, render["licenseId"]!.GetValue<string>());
    }
}

/// <summary>The ensemble tests on the embedded SQLite store.</summary>
public sealed class EnsembleTestsOnSqlite() : EnsembleTests(Provider.Sqlite);

/// <summary>The ensemble tests on PostgreSQL.</summary>
public sealed class EnsembleTestsOnPostgres() : EnsembleTests(Provider.Postgres);
