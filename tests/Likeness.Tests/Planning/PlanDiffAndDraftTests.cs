using Likeness.Domain.Common;
using Likeness.Domain.Licensing;
using Likeness.Domain.Planning;
using Xunit;

namespace Likeness.Tests.Planning;

/// <summary>
/// The pure parts of plans (docs/PLANNING.md, "Versions" and "From plan to requests"): what changed between two
/// breakdowns, matched by heading and occurrence; and the request drafted per performer, with its description checked
/// against the AB 2602 rule.
/// </summary>
public sealed class PlanDiffAndDraftTests
{
    private static Breakdown Break(string script, IReadOnlyDictionary<string, string?>? cast = null, TierRuleSet? rules = null)
    {
        var (parsed, refusal) = FountainParser.Parse(script);
        Assert.Null(refusal);
        return Breakdowner.Break(parsed!, rules ?? TierRuleSet.Default, cast ?? PlanScripts.Cast("prf_kate"));
    }

    [Fact]
    public void The_same_breakdown_has_no_changes()
    {
        var b = Break(PlanScripts.First);
        Assert.True(BreakdownDiff.Compare(b, b).IsEmpty);
    }

    [Fact]
    public void A_new_draft_shows_the_scene_and_part_added_and_the_estimates_moved()
    {
        var changes = BreakdownDiff.Compare(Break(PlanScripts.First), Break(PlanScripts.Second));
        var scene = Assert.Single(changes.Scenes);
        Assert.Equal(("EXT. CLIFF - DAY", "added", "tier/stunt"), (scene.Key, scene.Change, scene.After!.Rule));
        var part = Assert.Single(changes.Parts);
        Assert.Equal(("EXT. CLIFF - DAY", "KATE", "added"), (part.Scene, part.Character, part.Change));

        // Voice: 10 words instead of 5 at 150 wpm, 2,000 ms more; body and motion appear with the stunt.
        var voice = changes.Estimates.Single(e => e.Modality == Modality.Voice);
        Assert.Equal((3_600L, 5_600L, 2_000L), (voice.BeforeMillis, voice.AfterMillis, voice.DeltaMillis));
        Assert.Contains(changes.Estimates, e => e.Modality == Modality.Body && e.BeforeMillis == 0 && e.AfterMillis > 0);
        Assert.Contains(changes.Estimates, e => e.Modality == Modality.Motion && e.BeforeMillis == 0 && e.AfterMillis > 0);

        var back = BreakdownDiff.Compare(Break(PlanScripts.Second), Break(PlanScripts.First));
        Assert.Equal("removed", Assert.Single(back.Scenes).Change);
        Assert.Equal(-2_000L, back.Estimates.Single(e => e.Modality == Modality.Voice).DeltaMillis);
    }

    [Fact]
    public void Repeated_headings_are_matched_by_occurrence_and_a_retiered_part_is_named()
    {
        const string before = "INT. KITCHEN - DAY\n\nKATE\nHello.\n\nINT. KITCHEN - DAY\n\nKATE\nAgain.\n";
        const string after = "INT. KITCHEN - DAY\n\nKATE\nHello.\n\nINT. KITCHEN - DAY\n\nKATE sobs.\n\nKATE\nAgain.\n";
        var changes = BreakdownDiff.Compare(Break(before), Break(after));
        var scene = Assert.Single(changes.Scenes);
        Assert.Equal(("INT. KITCHEN - DAY #2", "retiered", "tier/emotional"), (scene.Key, scene.Change, scene.After!.Rule));
        var part = Assert.Single(changes.Parts);
        Assert.Equal(("INT. KITCHEN - DAY #2", "KATE", "tier/short-lines", "tier/emotional"), (part.Scene, part.Character, part.Before!.Rule, part.After!.Rule));
    }

    [Fact]
    public void A_draft_asks_per_modality_and_derivation_with_the_plans_budgets_and_a_specific_description()
    {
        var draft = Assert.Single(RequestDrafter.Draft("Harbour Lights", Break(PlanScripts.Second), ["featureFilm"], ["US"]));
        Assert.Equal("prf_kate", draft.PerformerId);
        Assert.Equal(["KATE"], draft.Characters);
        Assert.Equal([1, 2, 3], draft.Scenes);
        var voice = draft.Uses.Single(u => u.Modality == Modality.Voice);
        Assert.Equal((Derivation.NewPerformance, 5_600L, 4_000L), (voice.Derivation, voice.Millis, voice.LongestMillis));
        Assert.Equal(
            [Modality.Face, Modality.Voice, Modality.Body, Modality.Motion],
            draft.Uses.Select(u => u.Modality));
        Assert.True(DescriptionCheck.IsReasonablySpecific(draft.Description), draft.Description);
        Assert.StartsWith("Synthetic face, voice, body and motion of the performer for the project \"Harbour Lights\", playing KATE in 3 scenes", draft.Description);
        Assert.Contains("scene 3 (EXT. CLIFF - DAY)", draft.Description);
        Assert.Contains("Purposes: featureFilm; territories: US.", draft.Description);
    }

    [Fact]
    public void The_description_of_the_first_draft_is_the_one_docs_PLANNING_quotes()
    {
        var draft = Assert.Single(RequestDrafter.Draft("Harbour Lights", Break(PlanScripts.First), ["featureFilm"], ["US"]));
        Assert.Equal(
            "Synthetic face and voice of the performer for the project \"Harbour Lights\", playing KATE in 2 scenes of the screenplay: " +
            "scene 1 (INT. HANGAR - NIGHT); scene 2 (EXT. RUNWAY - DAY). Uses: face (newPerformance), up to 7.5 seconds in all; " +
            "voice (newPerformance), up to 3.6 seconds in all. Tiers proposed by the breakdown: behavioralEmulator (tier/short-lines and tier/voice-only). " +
            "Purposes: featureFilm; territories: US.",
            draft.Description);
    }

    [Fact]
    public void No_draft_for_a_performer_whose_parts_all_stay_human_nor_for_characters_cast_to_nobody()
    {
        var rules = TierRuleSet.Default.With([new TierRule("studio/all-live", RuleScope.Both, PlanTier.Human, [], null, "Everything live.")]);
        Assert.Empty(RequestDrafter.Draft("Harbour Lights", Break(PlanScripts.First, rules: rules), ["featureFilm"], ["US"]));
        Assert.Empty(RequestDrafter.Draft("Harbour Lights", Break(PlanScripts.First, new Dictionary<string, string?> { ["KATE"] = null, ["JON"] = null }), ["featureFilm"], ["US"]));
    }

    [Fact]
    public void A_long_plan_names_twelve_scenes_and_counts_the_rest_and_stays_specific()
    {
        var script = string.Concat(Enumerable.Range(1, 30).Select(i => $"INT. ROOM {i} - DAY\n\nKATE\nLine {i}.\n\n"));
        var draft = Assert.Single(RequestDrafter.Draft("Harbour Lights", Break(script), ["featureFilm"], ["US"]));
        Assert.Contains("scene 12 (INT. ROOM 12 - DAY); and 18 more", draft.Description);
        Assert.DoesNotContain("ROOM 13", draft.Description);
        Assert.True(DescriptionCheck.IsReasonablySpecific(draft.Description));
        Assert.True(draft.Description.Length <= 4000);
    }
}
