using Likeness.Application.Planning;
using Likeness.Domain.Common;
using Likeness.Domain.Planning;
using Likeness.Storage.Relational.Codecs;
using Xunit;

namespace Likeness.Tests.Planning;

/// <summary>A plan version's stored encoding (<c>PlanCodec</c>): its own versioned JSON, every input back as it went in.</summary>
public sealed class PlanCodecTests
{
    [Fact]
    public void Inputs_round_trip_through_the_stored_encoding_and_an_unknown_encoding_is_refused()
    {
        var rule = new TierRule("studio/hangar", RuleScope.Part, PlanTier.StaticReplica, [Modality.Face, Modality.Body], Derivation.Alteration, "Built set.")
        {
            AnyKeyword = ["HANGAR"],
            EveryCueExtension = ["V.O."],
            Speaking = false,
            HasPerformer = true,
            MinSpeeches = 0,
            MaxSpeeches = 3,
            MinWords = 1,
            MaxWords = 40,
        };
        var inputs = new PlanInputs(
            PlanScripts.First, new Dictionary<string, string?> { ["KATE"] = "prf_kate", ["JON"] = null }, [rule], 160,
            new PlanRelease(["featureFilm"], ["US", "EU"], ["en"], new DateTimeOffset(2026, 10, 31, 12, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 11, 1, 0, 0, 0, TimeSpan.Zero)),
            new PlanCompensation("USD", null, 200, 50_000));

        var json = PlanCodec.Encode(inputs);
        Assert.StartsWith("{\"v\":1,", json, StringComparison.Ordinal);
        var back = PlanCodec.Decode(json);

        Assert.Equal(inputs.Screenplay, back.Screenplay);
        Assert.Equal(inputs.Cast.OrderBy(p => p.Key), back.Cast.OrderBy(p => p.Key));
        Assert.Equal(160, back.WordsPerMinute);
        Assert.Equal(inputs.Compensation, back.Compensation);
        Assert.Equal((inputs.Release.From, inputs.Release.To), (back.Release.From, back.Release.To));
        Assert.Equal(["US", "EU"], back.Release.Territories);
        var r = Assert.Single(back.Rules);
        Assert.Equal(PlanService.RuleBody(rule), PlanService.RuleBody(r), new RuleBodyComparer());
        Assert.Throws<InvalidDataException>(() => PlanCodec.Decode(json.Replace("{\"v\":1,", "{\"v\":2,", StringComparison.Ordinal)));
    }

    // The rule's view holds arrays, which a record compares by reference: compare their JSON.
    private sealed class RuleBodyComparer : IEqualityComparer<TierRuleBody>
    {
        public bool Equals(TierRuleBody? x, TierRuleBody? y) => Likeness.Application.Common.Json.Serialize(x) == Likeness.Application.Common.Json.Serialize(y);

        public int GetHashCode(TierRuleBody obj) => 0;
    }
}
