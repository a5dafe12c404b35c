using Likeness.Domain.Common;
using Likeness.Domain.Planning;
using Xunit;

namespace Likeness.Tests.Planning;

/// <summary>Breakdown cases with the tier and the rule each must get (docs/PLANNING.md, "Tier rules").</summary>
public sealed class BreakdownTests
{
    private const string Script = """
        Title: The Long Fall

        INT. WAREHOUSE - NIGHT

        KATE leaps from the catwalk.

        KATE
        Now!

        EXT. STADIUM - DAY

        A CROWD roars. Dan waves.

        DAN
        Thank you all.

        INT. KITCHEN - DAY (FLASHBACK)

        KATE
        I was nine.

        INT. CAR - NIGHT

        KATE (V.O.)
        One, two, three, four, five, six, seven, eight, nine, ten.

        KATE (V.O.) (CONT'D)
        Eleven twelve thirteen fourteen fifteen.

        INT. HOSPITAL - NIGHT

        Kate weeps at the bed.

        INT. OFFICE - DAY

        DAN
        {{LONG}}

        WAITER
        Coffee?

        GUARD
        Badge.

        KATE
        Fine.

        INT. HALL - DAY
        [[tier: static]]

        Dan walks past.

        INT. BEDROOM - NIGHT

        Kate sleeps.

        EXT. ROOF - NIGHT

        The roof EXPLODES.
        [[tier: human for DAN]]

        DAN
        Run.

        """;

    private static readonly Dictionary<string, string?> Cast = new() { ["Kate"] = "prf_kate", ["DAN"] = "prf_dan", ["waiter"] = null, ["NOBODY"] = "prf_x" };

    private static Breakdown Run()
    {
        var text = Script.Replace("{{LONG}}", string.Join(' ', Enumerable.Repeat("word", 130)), StringComparison.Ordinal);
        var (script, refusal) = FountainParser.Parse(text);
        Assert.Null(refusal);
        return Breakdowner.Break(script!, TierRuleSet.Default, Cast);
    }

    [Theory]
    [InlineData(1, PlanTier.StaticReplica, "tier/stunt")]
    [InlineData(2, PlanTier.StaticReplica, "tier/crowd")]
    [InlineData(3, PlanTier.StaticReplica, "tier/age-change")]
    [InlineData(4, PlanTier.Human, "tier/default")]
    [InlineData(5, PlanTier.Human, "tier/emotional")]
    [InlineData(6, PlanTier.Human, "tier/default")]
    [InlineData(7, PlanTier.StaticReplica, "note/line-49")]
    [InlineData(9, PlanTier.StaticReplica, "tier/stunt")]
    public void Scenes_get_the_tier_of_the_first_matching_rule(int scene, PlanTier tier, string rule)
    {
        var s = Run().Scenes.Single(x => x.Index == scene);
        Assert.Equal((tier, rule), (s.Decision.Tier, s.Decision.Rule));
    }

    [Theory]
    [InlineData(1, "KATE", PlanTier.StaticReplica, "tier/stunt")]
    [InlineData(2, "DAN", PlanTier.StaticReplica, "tier/crowd")]
    [InlineData(3, "KATE", PlanTier.StaticReplica, "tier/age-change")]
    [InlineData(4, "KATE", PlanTier.BehavioralEmulator, "tier/voice-only")]
    [InlineData(5, "KATE", PlanTier.Human, "tier/emotional")]
    [InlineData(6, "DAN", PlanTier.Human, "tier/long-dialogue")]
    [InlineData(6, "WAITER", PlanTier.GenerativePersona, "tier/background-talent")]
    [InlineData(6, "GUARD", PlanTier.GenerativePersona, "tier/background-talent")]
    [InlineData(6, "KATE", PlanTier.BehavioralEmulator, "tier/short-lines")]
    [InlineData(7, "DAN", PlanTier.StaticReplica, "note/line-49")]
    [InlineData(8, "KATE", PlanTier.StaticReplica, "tier/non-speaking")]
    [InlineData(9, "DAN", PlanTier.Human, "note/line-60")]
    public void Parts_get_the_tier_of_the_first_matching_rule(int scene, string character, PlanTier tier, string rule)
    {
        var p = Run().Parts.Single(x => x.Scene == scene && x.Character == character);
        Assert.Equal((tier, rule), (p.Decision.Tier, p.Decision.Rule));
    }

    [Fact]
    public void Unknown_characters_are_reported_and_unused_cast_listed()
    {
        var b = Run();
        Assert.Equal(["GUARD"], b.UnknownCharacters);
        Assert.Equal(["NOBODY"], b.UnusedCast);
        Assert.Null(b.Parts.Single(p => p.Character == "GUARD").PerformerId);
    }

    [Fact]
    public void Voice_is_estimated_from_words_and_the_rest_from_page_eighths()
    {
        var b = Run();
        var car = b.Parts.Single(p => p.Scene == 4 && p.Character == "KATE");
        // 15 words at 150 words a minute: 6 s. Voice only: no face or body.
        Assert.Equal((2, 15, 6_000L), (car.Speeches, car.Words, car.DialogueMillis));
        Assert.Equal([Modality.Voice], car.Modalities);
        Assert.Equal(0, car.MillisFor(Modality.Face));

        // The bedroom: heading (2 printed lines) and one line of action (2): 4 lines of 56 → 1 eighth → 7.5 s on screen.
        var bedroom = b.Scenes.Single(s => s.Index == 8);
        Assert.Equal(1, bedroom.Eighths);
        Assert.Equal(7_500L, b.Parts.Single(p => p.Scene == 8).MillisFor(Modality.Face));

        // Kate's voice: the car (6 s) and "Fine." in the office (1 word: 400 ms); the stunt and age scenes need no voice.
        var voice = b.Estimates.Single(e => e.PerformerId == "prf_kate" && e.Modality == Modality.Voice);
        Assert.Equal(6_400L, voice.Millis);
        Assert.Equal([4, 6], voice.Scenes);
        Assert.DoesNotContain(b.Estimates, e => e.PerformerId is null);
    }

    [Fact]
    public void A_production_changes_the_rules_as_data()
    {
        var (script, _) = FountainParser.Parse(Script.Replace("{{LONG}}", "Hi.", StringComparison.Ordinal));
        var noStunts = TierRuleSet.Default.With(
        [
            TierRuleSet.Default.Rules.Single(r => r.Id == "tier/stunt") with { Tier = PlanTier.Human, Modalities = [] },
            new TierRule("studio/hospital", RuleScope.Both, PlanTier.GenerativePersona, [Modality.Face], Derivation.NewPerformance, "Hospital scenes are synthetic here.") { AnyKeyword = ["HOSPITAL"] },
        ]);
        var b = Breakdowner.Break(script!, noStunts, Cast);
        Assert.Equal("studio/hospital", noStunts.Rules[0].Id);
        Assert.Equal((PlanTier.Human, "tier/stunt"), (b.Scenes[0].Decision.Tier, b.Scenes[0].Decision.Rule));
        Assert.Equal((PlanTier.GenerativePersona, "studio/hospital"), (b.Scenes[4].Decision.Tier, b.Scenes[4].Decision.Rule));
    }
}
