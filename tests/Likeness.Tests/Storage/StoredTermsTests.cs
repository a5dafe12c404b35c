using System.Text.Json.Nodes;
using Likeness.Application.Ports;
using Likeness.Domain.Common;
using Likeness.Domain.Licensing;
using Likeness.Domain.Royalties;
using Likeness.Storage.Relational;
using Likeness.Storage.Relational.Codecs;
using Likeness.Tests.Support;
using Xunit;

namespace Likeness.Tests.Storage;

/// <summary>Licence terms are stored in their own codec and read without the request rules.</summary>
public sealed class TermsCodecTests
{
    private static readonly LicenseTerms Terms = new(
        "Skyward Tides", "Dubbing.",
        [
            new LicenseUse(Modality.Voice, [Purpose.Dubbing, Purpose.VideoGame], ["JP", "EU"], ["ja"], TestServer.Epoch, TestServer.Epoch.AddDays(30),
                60_000, 3_600_500, 500, [ContentCategory.Violence], Derivation.NewPerformance, Realtime: true),
            new LicenseUse(Modality.Face, [Purpose.Advertising], ["WORLD"], ["en-GB"], TestServer.Epoch, TestServer.Epoch.AddDays(60), null, null, null, [], null, false),
        ],
        new Compensation(new Money("USD", 2500), new Money("USD", 150), null)
        {
            Multipliers = new Multipliers(15_000, [new PurposeFactor(Purpose.Advertising, 20_000)], [new TerritoryFactor("JP", 12_000)]),
        });

    [Fact]
    public void Encoding_is_versioned_and_round_trips_exactly()
    {
        var stored = TermsCodec.Encode(Terms);
        Assert.Equal(TermsCodec.Version, JsonNode.Parse(stored)!["v"]!.GetValue<int>());
        var back = TermsCodec.Decode(stored);
        Assert.Equal(stored, TermsCodec.Encode(back));
        Assert.Equal(3_600_500, back.Uses[0].MaxSyntheticMillis);
        Assert.Equal(Terms.TermEnd, back.TermEnd);
        Assert.Equal(15_000, back.Compensation.Multipliers.RealtimeFactorBps);
    }

    [Fact]
    public void A_newer_version_than_this_program_is_refused_as_corrupt_data_not_a_client_error()
    {
        var e = Assert.Throws<InvalidDataException>(() => TermsCodec.Decode("{\"v\":99}"));
        Assert.Contains("newer", e.Message, StringComparison.Ordinal);
    }
}

/// <summary>A licence stored under an older, looser rule is still read, shown and enforced.</summary>
public abstract class StoredTermsTests(Provider provider) : WorldTests(provider)
{
    [Fact]
    public async Task A_licence_stored_under_a_looser_rule_is_still_read_and_enforced()
    {
        // Version 0 (the view's JSON, before the codec) with what today's request rules refuse: a 500-character
        // project, a blank description, 70 languages (at most 64) and a territory code the rules no longer know.
        var languages = new JsonArray(Enumerable.Range(0, 69).Select(i => (JsonNode)$"x-l{i:D3}").Prepend("ja").ToArray());
        var legacy = new JsonObject
        {
            ["project"] = new string('P', 500),
            ["description"] = " ",
            ["uses"] = new JsonArray(new JsonObject
            {
                ["modality"] = "voice",
                ["purposes"] = new JsonArray("dubbing"),
                ["territories"] = new JsonArray("JP", "ZZ"),
                ["languages"] = languages,
                ["from"] = TestServer.Epoch.AddDays(-1),
                ["to"] = TestServer.Epoch.AddDays(30),
                ["maxSecondsPerDeliverable"] = 60.5m,
                ["maxSyntheticSeconds"] = 100,
                ["maxRenders"] = 10,
                ["contentCategories"] = new JsonArray(),
                ["realtime"] = false,
            }),
            ["compensation"] = new JsonObject { ["perRender"] = new JsonObject { ["currency"] = "USD", ["minor"] = 100 } },
            ["termEnd"] = TestServer.Epoch.AddDays(30),
        };
        await Store.WriteAsync(s =>
        {
            ((IRelationalSession)s).Exec("UPDATE licenses SET terms = @p0 WHERE id = @p1", legacy.ToJsonString(), W.LicenseId);
            return 0;
        });
        var restarted = await Server.StartAnotherAsync();
        await Server.DisposeAsync();
        Server = restarted;
        var studio = Server.Client(W.Studio.Key);

        var (status, license) = await studio.GetJsonAsync($"/v1/licenses/{W.LicenseId}");
        Assert.Equal(200, status);
        Assert.Equal(500, license!["terms"]!["project"]!.GetValue<string>().Length);
        Assert.Equal(70, license["terms"]!["uses"]![0]!["languages"]!.AsArray().Count);
        Assert.Equal(60.5m, license["terms"]!["uses"]![0]!["maxSecondsPerDeliverable"]!.GetValue<decimal>());

        var (permit, _) = await studio.PostAsync("/v1/renders", World.RenderBody(W.LicenseId, 60));
        Assert.Equal(201, permit);
        var (tooLong, longProblem) = await studio.PostAsync("/v1/renders", World.RenderBody(W.LicenseId, 61));
        Assert.Equal(403, tooLong);
        Assert.Contains("deliverable_too_long", World.Codes(longProblem), StringComparison.Ordinal);
        var (elsewhere, problem) = await studio.PostAsync("/v1/renders", World.RenderBody(W.LicenseId, 5, territory: "US"));
        Assert.Equal(403, elsewhere);
        Assert.Contains("territory_not_licensed", World.Codes(problem), StringComparison.Ordinal);
    }
}

public sealed class StoredTermsTestsOnSqlite() : StoredTermsTests(Provider.Sqlite);


public sealed class StoredTermsTestsOnPostgres() : StoredTermsTests(Provider.Postgres);
