using Likeness.Domain.Common;

namespace Likeness.Domain.Planning;

/// <summary>
/// An ordered set of tier rules and the rates the estimates use. <see cref="Default"/> is the documented default
/// (docs/PLANNING.md); a production changes it with <see cref="With"/>: a rule with an id already in the set replaces
/// it in place, a new one goes first. Notes in the screenplay (<c>[[tier: static]]</c>) override every rule.
/// </summary>
public sealed record TierRuleSet(IReadOnlyList<TierRule> Rules, EstimateRates Rates)
{
    private static readonly Modality[] Visual = [Modality.Face, Modality.Body];

    /// <summary>The default rules, in the order they are tried.</summary>
    public static TierRuleSet Default { get; } = new(
    [
        new("tier/stunt", RuleScope.Both, PlanTier.StaticReplica, [Modality.Face, Modality.Body, Modality.Motion], Derivation.NewPerformance,
            "Stunts are carried by a static replica (scans driven by a stunt performer's motion).")
        { AnyKeyword = ["STUNT", "STUNTS", "FIGHT", "CRASH", "CRASHES", "EXPLOSION", "EXPLODES", "LEAPS", "FALLS"] },
        new("tier/crowd", RuleScope.Both, PlanTier.StaticReplica, Visual, Derivation.NewPerformance,
            "Crowds and background are filled from static replicas.")
        { AnyKeyword = ["CROWD", "CROWDS", "EXTRAS", "BACKGROUND", "STADIUM", "ARMY", "MOB"] },
        new("tier/age-change", RuleScope.Both, PlanTier.StaticReplica, Visual, Derivation.Alteration,
            "Age regression or progression within a fixed script alters the recorded take.")
        { AnyKeyword = ["FLASHBACK", "YOUNG", "YOUNGER", "OLD", "OLDER", "AGED", "DE-AGED", "ELDERLY"] },
        new("tier/voice-only", RuleScope.Part, PlanTier.BehavioralEmulator, [Modality.Voice], Derivation.NewPerformance,
            "A part heard but not seen (every cue V.O. or O.S.) can be voiced by a behavioral emulator.")
        { EveryCueExtension = ["V.O.", "O.S.", "O.C.", "V.O", "O.S", "ON PHONE", "ON RADIO"] },
        new("tier/emotional", RuleScope.Both, PlanTier.Human, [], null,
            "Scenes of high emotional resonance stay human.")
        { AnyKeyword = ["TEARS", "WEEPS", "SOBS", "CRIES", "GRIEF", "FUNERAL", "DIES", "DYING", "CONFESSES"] },
        new("tier/long-dialogue", RuleScope.Part, PlanTier.Human, [], null,
            "A part with long dialogue in a scene carries the scene and stays human.")
        { MinWords = 120 },
        new("tier/background-talent", RuleScope.Part, PlanTier.GenerativePersona, [Modality.Face, Modality.Voice, Modality.Body], Derivation.NewPerformance,
            "A small part cast to no performer can be filled by a generative persona.")
        { HasPerformer = false, MaxSpeeches = 2 },
        new("tier/short-lines", RuleScope.Part, PlanTier.BehavioralEmulator, [Modality.Face, Modality.Voice], Derivation.NewPerformance,
            "A few short lines (pick-ups, completing a scene) can come from a behavioral emulator.")
        { Speaking = true, MaxSpeeches = 2, MaxWords = 25 },
        new("tier/non-speaking", RuleScope.Part, PlanTier.StaticReplica, Visual, Derivation.NewPerformance,
            "A character only seen in the action can be a static replica.")
        { Speaking = false },
        new("tier/default", RuleScope.Both, PlanTier.Human, [], null,
            "Anything no other rule claims stays a human performance."),
    ], EstimateRates.Default);

    /// <summary>This set with <paramref name="overrides"/> applied (same id replaces in place, a new id goes first).</summary>
    public TierRuleSet With(IEnumerable<TierRule> overrides, EstimateRates? rates = null)
    {
        var rules = Rules.ToList();
        var added = new List<TierRule>();
        foreach (var rule in overrides)
        {
            var at = rules.FindIndex(r => r.Id == rule.Id);
            if (at >= 0)
            {
                rules[at] = rule;
            }
            else
            {
                added.Add(rule);
            }
        }

        return new TierRuleSet(added.Concat(rules).ToList(), rates ?? Rates);
    }
}

/// <summary>
/// The rates estimates use: dialogue at <see cref="WordsPerMinute"/>; screen time by page-eighths, a page being
/// <see cref="LinesPerPage"/> printed lines and <see cref="MillisPerPage"/> of screen time (the one-page-a-minute rule).
/// Printed lines are counted as a screenplay is set: action wraps at <see cref="ActionWidth"/> characters, dialogue at
/// <see cref="DialogueWidth"/>, with a blank line between elements.
/// </summary>
public sealed record EstimateRates(int WordsPerMinute, int LinesPerPage, long MillisPerPage, int ActionWidth, int DialogueWidth)
{
    public static EstimateRates Default { get; } = new(150, 56, 60_000, 61, 35);

    /// <summary>Screen time of one page-eighth.</summary>
    public long MillisPerEighth => MillisPerPage / 8;
}
