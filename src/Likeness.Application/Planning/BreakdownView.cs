using Likeness.Domain.Common;
using Likeness.Domain.Planning;

namespace Likeness.Application.Planning;

/// <summary>A tier decision as the API shows it: the tier's code, the rule's id and why.</summary>
public sealed record TierDecisionView(string Tier, string Rule, string Why);

/// <summary>A scene of the breakdown.</summary>
public sealed record SceneView(int Index, string? Number, string Heading, int Line, int Eighths, TierDecisionView Decision, IReadOnlyList<string> Characters);

/// <summary>A character's part in a scene, with synthetic seconds per modality.</summary>
public sealed record PartView(
    int Scene, string Character, string? PerformerId, int Speeches, int Words, bool VoiceOnly, TierDecisionView Decision,
    IReadOnlyList<string> Modalities, string? Derivation, decimal DialogueSeconds, decimal ScreenSeconds);

/// <summary>A performer's estimated synthetic seconds for one modality.</summary>
public sealed record EstimateView(string PerformerId, string Modality, decimal Seconds, IReadOnlyList<int> Scenes);

/// <summary>The breakdown as the API and the CLI's --json show it, with the rates used.</summary>
public sealed record BreakdownView(
    string? Title, int Eighths, decimal Pages, IReadOnlyList<SceneView> Scenes, IReadOnlyList<PartView> Parts, IReadOnlyList<EstimateView> Estimates,
    IReadOnlyList<string> UnknownCharacters, IReadOnlyList<string> UnusedCast, RatesView Rates)
{
    /// <summary>The view of a breakdown made with <paramref name="rates"/>.</summary>
    public static BreakdownView Of(Breakdown b, EstimateRates rates) => new(
        b.Title, b.Eighths, b.Eighths / 8m,
        [.. b.Scenes.Select(s => new SceneView(s.Index, s.Number, s.Heading, s.Line, s.Eighths, Decision(s.Decision), s.Characters))],
        [.. b.Parts.Select(p => new PartView(p.Scene, p.Character, p.PerformerId, p.Speeches, p.Words, p.VoiceOnly, Decision(p.Decision),
            [.. p.Modalities.Select(Vocabulary<Modality>.Name)], p.Derivation is { } d ? Vocabulary<Derivation>.Name(d) : null,
            p.DialogueMillis / 1000m, p.ScreenMillis / 1000m))],
        [.. b.Estimates.Select(e => new EstimateView(e.PerformerId, Vocabulary<Modality>.Name(e.Modality), e.Millis / 1000m, e.Scenes))],
        b.UnknownCharacters, b.UnusedCast,
        new RatesView(rates.WordsPerMinute, rates.LinesPerPage, rates.MillisPerPage / 1000m, rates.MillisPerEighth / 1000m));

    private static TierDecisionView Decision(TierDecision d) => new(Vocabulary<PlanTier>.Name(d.Tier), d.Rule, d.Why);
}

/// <summary>The estimate rates, stated with every breakdown.</summary>
public sealed record RatesView(int WordsPerMinute, int LinesPerPage, decimal SecondsPerPage, decimal SecondsPerEighth);
