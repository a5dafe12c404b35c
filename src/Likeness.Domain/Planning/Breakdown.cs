using Likeness.Domain.Common;

namespace Likeness.Domain.Planning;

/// <summary>The rule that decided a tier: a tier rule's id, or <c>note/line-N</c> for a production note in the script.</summary>
public sealed record TierDecision(PlanTier Tier, string Rule, string Why);

/// <summary>One scene: its heading, where it starts, its length in page-eighths and the tier proposed for it.</summary>
public sealed record SceneBreakdown(int Index, string? Number, string Heading, int Line, int Eighths, TierDecision Decision, IReadOnlyList<string> Characters);

/// <summary>
/// One character's part in one scene: speeches and words, whether every cue was voice only, the tier proposed, and the
/// synthetic milliseconds it needs per modality (none when the part stays human).
/// </summary>
public sealed record PartBreakdown(
    int Scene, string Character, string? PerformerId, int Speeches, int Words, bool VoiceOnly, TierDecision Decision,
    IReadOnlyList<Modality> Modalities, Derivation? Derivation, long DialogueMillis, long ScreenMillis)
{
    /// <summary>Synthetic milliseconds for <paramref name="modality"/>: dialogue time for voice, screen time for the rest.</summary>
    public long MillisFor(Modality modality) =>
        Decision.Tier == PlanTier.Human || !Modalities.Contains(modality) ? 0 : modality == Modality.Voice ? DialogueMillis : ScreenMillis;
}

/// <summary>A performer's estimated synthetic milliseconds for one modality, over the scenes that need it.</summary>
public sealed record PerformerEstimate(string PerformerId, Modality Modality, long Millis, IReadOnlyList<int> Scenes);

/// <summary>A screenplay broken down: scenes, parts, estimates per performer and modality, and what the cast list missed.</summary>
public sealed record Breakdown(
    string? Title, int Eighths, IReadOnlyList<SceneBreakdown> Scenes, IReadOnlyList<PartBreakdown> Parts,
    IReadOnlyList<PerformerEstimate> Estimates, IReadOnlyList<string> UnknownCharacters, IReadOnlyList<string> UnusedCast);
