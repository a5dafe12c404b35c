using Likeness.Domain.Common;

namespace Likeness.Domain.Planning;

/// <summary>A scene added, removed or given another tier between two versions of a plan.</summary>
/// <param name="Key">The scene's heading, with <c>#N</c> when the same heading occurs more than once (its N-th occurrence).</param>
/// <param name="Change"><c>added</c>, <c>removed</c> or <c>retiered</c>.</param>
/// <param name="Before">Its tier decision before (null when added).</param>
/// <param name="After">Its tier decision after (null when removed).</param>
public sealed record SceneChange(string Key, string Change, TierDecision? Before, TierDecision? After);

/// <summary>A character's part in a scene added, removed, or given another tier.</summary>
public sealed record PartChange(string Scene, string Character, string Change, TierDecision? Before, TierDecision? After);

/// <summary>A performer's estimate for one modality that moved: the synthetic milliseconds before and after (0 when absent).</summary>
public sealed record EstimateChange(string PerformerId, Modality Modality, long BeforeMillis, long AfterMillis)
{
    public long DeltaMillis => AfterMillis - BeforeMillis;
}

/// <summary>What changed from one breakdown to the next: scenes, parts, and the estimates the requested budgets follow.</summary>
public sealed record BreakdownChanges(IReadOnlyList<SceneChange> Scenes, IReadOnlyList<PartChange> Parts, IReadOnlyList<EstimateChange> Estimates)
{
    public bool IsEmpty => Scenes.Count == 0 && Parts.Count == 0 && Estimates.Count == 0;
}

/// <summary>
/// Compares two breakdowns (docs/PLANNING.md, "Versions"). Scenes are matched by heading and occurrence (the second
/// <c>INT. KITCHEN - DAY</c> matches the second), since a new draft renumbers and moves scenes; a scene whose heading
/// changed is one removed and one added. Parts are matched by scene and character. Only tier changes count as a change
/// of a scene or part; their time shows in the estimates.
/// </summary>
public static class BreakdownDiff
{
    public static BreakdownChanges Compare(Breakdown before, Breakdown after)
    {
        var oldKeys = Keys(before);
        var newKeys = Keys(after);
        var oldScenes = before.Scenes.ToDictionary(s => oldKeys[s.Index], StringComparer.Ordinal);
        var newScenes = after.Scenes.ToDictionary(s => newKeys[s.Index], StringComparer.Ordinal);
        var scenes = new List<SceneChange>();
        foreach (var s in before.Scenes)
        {
            var key = oldKeys[s.Index];
            if (!newScenes.TryGetValue(key, out var now))
            {
                scenes.Add(new SceneChange(key, "removed", s.Decision, null));
            }
            else if (!Same(s.Decision, now.Decision))
            {
                scenes.Add(new SceneChange(key, "retiered", s.Decision, now.Decision));
            }
        }

        scenes.AddRange(after.Scenes.Where(s => !oldScenes.ContainsKey(newKeys[s.Index])).Select(s => new SceneChange(newKeys[s.Index], "added", null, s.Decision)));

        var oldParts = before.Parts.ToDictionary(p => (oldKeys[p.Scene], p.Character));
        var newParts = after.Parts.ToDictionary(p => (newKeys[p.Scene], p.Character));
        var parts = new List<PartChange>();
        foreach (var (key, p) in oldParts)
        {
            if (!newParts.TryGetValue(key, out var now))
            {
                parts.Add(new PartChange(key.Item1, key.Character, "removed", p.Decision, null));
            }
            else if (!Same(p.Decision, now.Decision))
            {
                parts.Add(new PartChange(key.Item1, key.Character, "retiered", p.Decision, now.Decision));
            }
        }

        parts.AddRange(newParts.Where(p => !oldParts.ContainsKey(p.Key)).Select(p => new PartChange(p.Key.Item1, p.Key.Character, "added", null, p.Value.Decision)));

        var was = before.Estimates.ToDictionary(e => (e.PerformerId, e.Modality), e => e.Millis);
        var will = after.Estimates.ToDictionary(e => (e.PerformerId, e.Modality), e => e.Millis);
        var estimates = was.Keys.Union(will.Keys)
            .Select(k => new EstimateChange(k.PerformerId, k.Modality, was.GetValueOrDefault(k), will.GetValueOrDefault(k)))
            .Where(e => e.DeltaMillis != 0)
            .OrderBy(e => e.PerformerId, StringComparer.Ordinal).ThenBy(e => e.Modality)
            .ToList();
        return new BreakdownChanges(scenes, parts, estimates);
    }

    private static bool Same(TierDecision a, TierDecision b) => a.Tier == b.Tier && a.Rule == b.Rule;

    // Heading plus occurrence: the first "INT. KITCHEN - DAY" keeps its bare heading, the second is "INT. KITCHEN - DAY #2".
    private static Dictionary<int, string> Keys(Breakdown b)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var keys = new Dictionary<int, string>();
        foreach (var s in b.Scenes)
        {
            var n = seen[s.Heading] = seen.GetValueOrDefault(s.Heading) + 1;
            keys[s.Index] = n == 1 ? s.Heading : $"{s.Heading} #{n}";
        }

        return keys;
    }
}
