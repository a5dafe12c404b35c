using Likeness.Domain.Common;

namespace Likeness.Domain.Planning;

/// <summary>
/// Breaks a parsed screenplay down by asset tier (docs/PLANNING.md). Each scene and each character's part in it gets
/// the tier of the first rule that matches (a <c>[[tier: …]]</c> note first), with that rule's id; parts needing a
/// synthetic likeness get an estimate of synthetic time per modality. Characters are matched to the cast by their cue
/// name in upper case; a speaking character missing from the cast is reported, never guessed.
/// </summary>
public static class Breakdowner
{
    /// <summary>Breaks <paramref name="script"/> down. <paramref name="cast"/> maps a character (any case) to a performer id, or to null for "no performer".</summary>
    public static Breakdown Break(FountainScript script, TierRuleSet rules, IReadOnlyDictionary<string, string?> cast)
    {
        var castByName = cast.ToDictionary(p => Normalize(p.Key), p => p.Value, StringComparer.Ordinal);
        var scenes = SplitScenes(script.Elements, rules.Rates);
        var sceneViews = new List<SceneBreakdown>(scenes.Count);
        var parts = new List<PartBreakdown>();
        var unknown = new SortedSet<string>(StringComparer.Ordinal);
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var scene in scenes)
        {
            var sceneNote = scene.Notes.FirstOrDefault(n => n.Character is null);
            var sceneDecision = sceneNote?.Decision ?? Decide(rules.Rules, scene, part: null);
            foreach (var name in castByName.Keys)
            {
                if (!scene.Speakers.ContainsKey(name) && MentionedIn(scene.Words, name))
                {
                    scene.Speakers[name] = new Speaker();
                }
            }

            foreach (var (name, speaker) in scene.Speakers)
            {
                var performer = castByName.TryGetValue(name, out var p) ? p : null;
                if (castByName.ContainsKey(name))
                {
                    used.Add(name);
                }
                else
                {
                    unknown.Add(name);
                }

                var facts = new PartFacts(speaker, performer is not null);
                var note = scene.Notes.FirstOrDefault(n => n.Character == name) ?? sceneNote;
                var decision = note?.Decision ?? Decide(rules.Rules, scene, facts);
                var rule = rules.Rules.FirstOrDefault(r => r.Id == decision.Rule);
                var modalities = rule?.Modalities ?? DefaultModalities(decision.Tier, speaker);
                var derivation = rule is not null ? rule.Derivation : decision.Tier == PlanTier.Human ? null : Derivation.NewPerformance;
                var dialogue = speaker.Words == 0 ? 0 : (speaker.Words * 60_000L * 2 + rules.Rates.WordsPerMinute) / (2L * rules.Rates.WordsPerMinute);
                parts.Add(new PartBreakdown(scene.Index, name, performer, speaker.Speeches, speaker.Words, speaker.VoiceOnly, decision,
                    decision.Tier == PlanTier.Human ? [] : modalities, derivation, dialogue, scene.Eighths * rules.Rates.MillisPerEighth));
            }

            sceneViews.Add(new SceneBreakdown(scene.Index, scene.Number, scene.Heading, scene.Line, scene.Eighths, sceneDecision, scene.Speakers.Keys.ToList()));
        }

        var estimates = parts
            .Where(p => p.PerformerId is not null && p.Decision.Tier != PlanTier.Human)
            .SelectMany(p => p.Modalities.Select(m => (p.PerformerId!, m, p.MillisFor(m), p.Scene)))
            .GroupBy(x => (x.Item1, x.m))
            .OrderBy(g => g.Key.Item1, StringComparer.Ordinal).ThenBy(g => g.Key.m)
            .Select(g => new PerformerEstimate(g.Key.Item1, g.Key.m, g.Sum(x => x.Item3), g.Select(x => x.Scene).Distinct().ToList()))
            .ToList();
        var unused = castByName.Keys.Where(k => !used.Contains(k)).OrderBy(k => k, StringComparer.Ordinal).ToList();
        return new Breakdown(script.Title(), scenes.Sum(s => s.Eighths), sceneViews, parts, estimates, unknown.ToList(), unused);
    }

    /// <summary>A character's name as the cast list and the cues are compared: trimmed, upper case, inner spaces single.</summary>
    public static string Normalize(string name) =>
        string.Join(' ', name.Trim().ToUpperInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static IReadOnlyList<Modality> DefaultModalities(PlanTier tier, Speaker speaker) =>
        tier == PlanTier.Human ? [] : speaker.VoiceOnly ? [Modality.Voice] : speaker.Speeches > 0 ? [Modality.Face, Modality.Voice, Modality.Body] : [Modality.Face, Modality.Body];

    private static TierDecision Decide(IReadOnlyList<TierRule> rules, Scene scene, PartFacts? part)
    {
        foreach (var rule in rules)
        {
            if (Matches(rule, scene, part))
            {
                return new TierDecision(rule.Tier, rule.Id, rule.Description);
            }
        }

        return new TierDecision(PlanTier.Human, "tier/none", "No rule matched; a part stays human.");
    }

    private static bool Matches(TierRule rule, Scene scene, PartFacts? part)
    {
        if (part is null && (rule.Scope == RuleScope.Part || rule.HasPartConditions))
        {
            return false;
        }

        if (part is not null && rule.Scope == RuleScope.Scene)
        {
            return false;
        }

        if (rule.AnyKeyword is { } keywords && !keywords.Any(k => scene.Words.Contains(k)))
        {
            return false;
        }

        if (part is null)
        {
            return true;
        }

        var s = part.Speaker;
        return (rule.EveryCueExtension is not { } ext || (s.Speeches > 0 && s.CueExtensions.All(e => e.Any(x => ext.Contains(x, StringComparer.OrdinalIgnoreCase))))) &&
               (rule.Speaking is not { } speaking || speaking == (s.Speeches > 0)) &&
               (rule.HasPerformer is not { } cast || cast == part.HasPerformer) &&
               (rule.MinSpeeches is not { } minS || s.Speeches >= minS) &&
               (rule.MaxSpeeches is not { } maxS || s.Speeches <= maxS) &&
               (rule.MinWords is not { } minW || s.Words >= minW) &&
               (rule.MaxWords is not { } maxW || s.Words <= maxW);
    }

    // A cast character is in a scene without speaking when every word of her name appears in its action or heading.
    private static bool MentionedIn(HashSet<string> words, string name) =>
        name.Split(' ').All(w => words.Contains(w.TrimEnd('.')) || words.Contains(w));

    private static List<Scene> SplitScenes(IReadOnlyList<FountainElement> elements, EstimateRates rates)
    {
        var scenes = new List<Scene>();
        Scene? current = null;
        Speaker? speaker = null;
        var lines = 0;
        void Close()
        {
            if (current is not null)
            {
                current.Eighths = Math.Max(1, (int)(((lines * 8L) + rates.LinesPerPage - 1) / rates.LinesPerPage));
                scenes.Add(current);
            }
        }

        foreach (var e in elements)
        {
            if (e.Kind == FountainKind.SceneHeading || current is null)
            {
                if (e.Kind is FountainKind.Boneyard or FountainKind.Section or FountainKind.Synopsis or FountainKind.PageBreak && current is null)
                {
                    continue;
                }

                Close();
                current = e.Kind == FountainKind.SceneHeading
                    ? new Scene(scenes.Count + 1, e.SceneNumber, e.Text, e.Line)
                    : new Scene(scenes.Count + 1, null, "(before the first scene heading)", e.Line);
                lines = 0;
                speaker = null;
                if (e.Kind == FountainKind.SceneHeading)
                {
                    current.AddWords(e.Text);
                    lines += 2;
                    continue;
                }
            }

            switch (e.Kind)
            {
                case FountainKind.Action:
                    current.AddWords(e.Text);
                    lines += 1 + e.Text.Split('\n').Sum(l => Wrapped(l.Length, rates.ActionWidth));
                    speaker = null;
                    break;
                case FountainKind.Character:
                    var name = Normalize(e.Text);
                    if (!current.Speakers.TryGetValue(name, out speaker))
                    {
                        speaker = new Speaker();
                        current.Speakers[name] = speaker;
                    }

                    speaker.Speeches++;
                    speaker.CueExtensions.Add(e.Extensions);
                    lines += 2;
                    break;
                case FountainKind.Dialogue or FountainKind.Lyrics when speaker is not null:
                    speaker.Words += CountWords(e.Text);
                    lines += Wrapped(e.Text.Length, rates.DialogueWidth);
                    break;
                case FountainKind.Parenthetical:
                    lines += 1;
                    break;
                case FountainKind.Note:
                    if (TierNote.TryRead(e, out var note))
                    {
                        current.Notes.Add(note);
                    }

                    break;
                case FountainKind.Transition or FountainKind.Centered or FountainKind.Lyrics:
                    lines += 2;
                    speaker = null;
                    break;
            }
        }

        Close();
        return scenes;
    }

    private static int Wrapped(int length, int width) => Math.Max(1, (length + width - 1) / width);

    private static int CountWords(string text)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var letter = char.IsLetterOrDigit(c);
            if (letter && !inWord)
            {
                count++;
            }

            inWord = letter || (inWord && c == '\'');
        }

        return count;
    }

    private sealed record PartFacts(Speaker Speaker, bool HasPerformer);

    private sealed class Speaker
    {
        public int Speeches { get; set; }

        public int Words { get; set; }

        public List<IReadOnlyList<string>> CueExtensions { get; } = [];

        public bool VoiceOnly => Speeches > 0 && CueExtensions.All(e => e.Any(x => x.StartsWith("V.O", StringComparison.OrdinalIgnoreCase) || x.StartsWith("O.S", StringComparison.OrdinalIgnoreCase) || x.StartsWith("O.C", StringComparison.OrdinalIgnoreCase)));
    }

    private sealed class Scene(int index, string? number, string heading, int line)
    {
        public int Index { get; } = index;

        public string? Number { get; } = number;

        public string Heading { get; } = heading;

        public int Line { get; } = line;

        public int Eighths { get; set; }

        public HashSet<string> Words { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, Speaker> Speakers { get; } = new(StringComparer.Ordinal);

        public List<TierNote> Notes { get; } = [];

        public void AddWords(string text)
        {
            var start = -1;
            for (var i = 0; i <= text.Length; i++)
            {
                var inWord = i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '-' or '\'');
                if (inWord && start < 0)
                {
                    start = i;
                }
                else if (!inWord && start >= 0)
                {
                    Words.Add(text[start..i].ToUpperInvariant());
                    start = -1;
                }
            }
        }
    }
}
