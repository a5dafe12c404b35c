using Likeness.Domain.Common;
using Likeness.Domain.Decisions;
using Likeness.Domain.Policy;
using Xunit;

namespace Likeness.Tests.Domain;

/// <summary>Caps in a consent policy (docs/DOMAIN.md, "Caps"): their two JSON forms, their compiled limits and their periods.</summary>
public sealed class CapPolicyTests
{
    private const string Policy = """
        {"permission":[{"uid":"all","action":"render"},
          {"uid":"caps","action":"render","constraint":[
            {"leftOperand":"meteredTime","operator":"lt","rightOperand":"PT10S","scope":"performer","period":"month"},
            {"leftOperand":"count","operator":"lt","rightOperand":51,"scope":"studio","period":"year","yearStartMonth":4},
            {"leftOperand":"modality","operator":"isAnyOf","rightOperand":["voice","face"]}]}]}
        """;

    [Fact]
    public void Caps_round_trip_through_odrl_json_ld_in_the_likeness_namespace()
    {
        var policy = PolicyParser.Parse(Policy);
        var odrl = OdrlWriter.ToOdrl(policy, "urn:test", "urn:likeness:party:prf").ToJsonString();
        Assert.Contains("\"lk:scope\":\"studio\"", odrl, StringComparison.Ordinal);
        Assert.Contains("\"lk:yearStartMonth\":4", odrl, StringComparison.Ordinal);
        Assert.Equal(OdrlWriter.ToJson(policy).ToJsonString(), OdrlWriter.ToJson(PolicyParser.Parse(odrl)).ToJsonString());
        Assert.Equal(OdrlWriter.ToJson(policy).ToJsonString(), OdrlWriter.ToJson(PolicyParser.Parse(OdrlWriter.ToJson(policy).ToJsonString())).ToJsonString());
    }

    [Fact]
    public void A_rule_holding_caps_compiles_to_caps_and_is_no_permission()
    {
        var consent = CompiledConsent.Compile(PolicyParser.Parse(Policy), 3);
        Assert.Equal(new[] { "consent/v3/all" }, consent.Permissions.Select(p => p.Reference));
        var seconds = consent.Caps[0];
        var renders = consent.Caps[1];
        Assert.Equal((CapMetric.Seconds, 9_999L, CapScope.Performer), (seconds.Metric, seconds.Limit, seconds.Scope));
        Assert.Equal((CapMetric.Renders, 50L, CapScope.Studio), (renders.Metric, renders.Limit, renders.Scope));
        Assert.True(seconds.Counts(Modality.Voice) && seconds.Counts(Modality.Face) && !seconds.Counts(Modality.Body));
        Assert.Equal("consent/v3/caps", renders.Reference);
    }

    [Theory]
    [InlineData(202703, 202604, 202704)]
    [InlineData(202604, 202604, 202704)]
    [InlineData(202603, 202504, 202604)]
    [InlineData(202612, 202604, 202704)]
    public void A_year_from_april_holds_april_to_the_next_march(int month, int from, int to)
    {
        var cap = CompiledConsent.Compile(PolicyParser.Parse(Policy), 1).Caps[1];
        Assert.Equal((from, to), cap.PeriodOf(month));
    }

    [Fact]
    public void A_month_is_its_own_period_and_months_count_across_years()
    {
        var cap = CompiledConsent.Compile(PolicyParser.Parse(Policy), 1).Caps[0];
        Assert.Equal((202612, 202701), cap.PeriodOf(202612));
        Assert.Equal(202511, CapMonths.Add(202701, -14));
        // Months are UTC: 19:00 in New York on 30 November is already December.
        Assert.Equal(202611, CapMonths.Of(new DateTimeOffset(2026, 11, 30, 18, 59, 59, TimeSpan.FromHours(-5))));
        Assert.Equal(202612, CapMonths.Of(new DateTimeOffset(2026, 11, 30, 19, 0, 0, TimeSpan.FromHours(-5))));
    }
}
