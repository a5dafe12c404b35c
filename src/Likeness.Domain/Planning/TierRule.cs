using Likeness.Domain.Common;

namespace Likeness.Domain.Planning;

/// <summary>
/// What a planned part proposes: one of the three likeness tiers (<see cref="Tier"/>), or that the part stays a human
/// performance (high emotional resonance, long dialogue).
/// </summary>
public enum PlanTier { StaticReplica, BehavioralEmulator, GenerativePersona, Human }

/// <summary>Where a tier rule applies: to a whole scene, to one character's part in a scene, or to both.</summary>
public enum RuleScope { Scene, Part, Both }

/// <summary>
/// One tier rule, as data (docs/PLANNING.md lists the defaults). It matches when every condition it states holds;
/// an absent condition always holds. The first matching rule of the ordered set decides, and the decision names it.
/// </summary>
/// <param name="Id">Stable id, quoted by every decision it makes (<c>tier/stunt</c>).</param>
/// <param name="Scope">Scenes, parts or both. A scene is judged by its keywords only.</param>
/// <param name="Tier">The tier proposed.</param>
/// <param name="Modalities">The likeness modalities the part needs when the tier is synthetic.</param>
/// <param name="Derivation">How the synthetic part relates to the recorded performance.</param>
/// <param name="Description">Why the rule exists, in a sentence (shown beside the decision).</param>
public sealed record TierRule(string Id, RuleScope Scope, PlanTier Tier, IReadOnlyList<Modality> Modalities, Derivation? Derivation, string Description)
{
    /// <summary>Whole words (upper case) any of which, in the scene heading or action, makes the rule match.</summary>
    public IReadOnlyList<string>? AnyKeyword { get; init; }

    /// <summary>The part matches when every one of its cues carries one of these extensions (voice only: V.O., O.S.).</summary>
    public IReadOnlyList<string>? EveryCueExtension { get; init; }

    /// <summary>Whether the character speaks in the scene (false: named in the action only).</summary>
    public bool? Speaking { get; init; }

    /// <summary>Whether the character is cast to a performer.</summary>
    public bool? HasPerformer { get; init; }

    /// <summary>Fewest / most speeches (cues) the part has in the scene.</summary>
    public int? MinSpeeches { get; init; }

    public int? MaxSpeeches { get; init; }

    /// <summary>Fewest / most words of dialogue the part has in the scene.</summary>
    public int? MinWords { get; init; }

    public int? MaxWords { get; init; }

    /// <summary>Whether the rule has any condition only a part can meet (such a rule never decides a scene).</summary>
    public bool HasPartConditions =>
        EveryCueExtension is not null || Speaking is not null || HasPerformer is not null || MinSpeeches is not null ||
        MaxSpeeches is not null || MinWords is not null || MaxWords is not null;
}
