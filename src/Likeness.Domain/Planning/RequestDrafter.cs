using System.Text;
using Likeness.Domain.Common;

namespace Likeness.Domain.Planning;

/// <summary>
/// One use a drafted request asks for: a modality with the derivation its parts need, the synthetic milliseconds of the
/// whole plan (the budget) and of its longest single part (the longest deliverable).
/// </summary>
public sealed record DraftUse(Modality Modality, Derivation? Derivation, long Millis, long LongestMillis);

/// <summary>What a plan needs of one performer: the characters she plays, the scenes that need her likeness, the uses, and the description.</summary>
public sealed record PerformerDraft(string PerformerId, IReadOnlyList<string> Characters, IReadOnlyList<int> Scenes, IReadOnlyList<DraftUse> Uses, string Description);

/// <summary>
/// Drafts, from a breakdown, what a licence request to each cast performer must ask (docs/PLANNING.md, "From plan to
/// requests"): one use per modality and derivation her synthetic parts need, budgeted at the plan's estimate, and a
/// description generated from the scenes that names the project, the characters, the scenes and the uses, so that it
/// passes the "reasonably specific" rule (AB 2602) on its own facts rather than on padding.
/// </summary>
public static class RequestDrafter
{
    /// <summary>The most scene headings a description lists by name; the rest are counted.</summary>
    public const int ScenesNamed = 12;

    /// <summary>
    /// A draft per performer with at least one synthetic part, ordered by performer id. <paramref name="purposes"/> and
    /// <paramref name="territories"/> are the codes the requests will carry, as the description names them.
    /// </summary>
    public static IReadOnlyList<PerformerDraft> Draft(string project, Breakdown breakdown, IReadOnlyList<string> purposes, IReadOnlyList<string> territories)
    {
        var headings = breakdown.Scenes.ToDictionary(s => s.Index, s => s.Heading);
        return breakdown.Parts
            .Where(p => p.PerformerId is not null && p.Decision.Tier != PlanTier.Human && p.Modalities.Count > 0)
            .GroupBy(p => p.PerformerId!, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var parts = g.ToList();
                var uses = parts
                    .SelectMany(p => p.Modalities.Select(m => (Modality: m, p.Derivation, Millis: p.MillisFor(m))))
                    .Where(x => x.Millis > 0)
                    .GroupBy(x => (x.Modality, x.Derivation))
                    .OrderBy(u => u.Key.Modality).ThenBy(u => u.Key.Derivation)
                    .Select(u => new DraftUse(u.Key.Modality, u.Key.Derivation, u.Sum(x => x.Millis), u.Max(x => x.Millis)))
                    .ToList();
                var characters = parts.Select(p => p.Character).Distinct().Order(StringComparer.Ordinal).ToList();
                var scenes = parts.Select(p => p.Scene).Distinct().Order().ToList();
                return new PerformerDraft(g.Key, characters, scenes, uses, Describe(project, characters, scenes, headings, parts, uses, purposes, territories));
            })
            .Where(d => d.Uses.Count > 0)
            .ToList();
    }

    private static string Describe(
        string project, List<string> characters, List<int> scenes, Dictionary<int, string> headings, List<PartBreakdown> parts,
        List<DraftUse> uses, IReadOnlyList<string> purposes, IReadOnlyList<string> territories)
    {
        var text = new StringBuilder();
        text.Append("Synthetic ").Append(Join(uses.Select(u => Vocabulary<Modality>.Name(u.Modality)).Distinct().ToList()))
            .Append(" of the performer for the project \"").Append(project).Append("\", playing ").Append(Join(characters))
            .Append(" in ").Append(scenes.Count).Append(scenes.Count == 1 ? " scene" : " scenes").Append(" of the screenplay: ");
        text.AppendJoin("; ", scenes.Take(ScenesNamed).Select(i => $"scene {i} ({Short(headings[i])})"));
        if (scenes.Count > ScenesNamed)
        {
            text.Append("; and ").Append(scenes.Count - ScenesNamed).Append(" more");
        }

        text.Append(". Uses: ");
        text.AppendJoin("; ", uses.Select(u =>
            $"{Vocabulary<Modality>.Name(u.Modality)} ({(u.Derivation is { } d ? Vocabulary<Derivation>.Name(d) : "any derivation")}), up to {Seconds(u.Millis)} seconds in all"));
        var tiers = parts.GroupBy(p => p.Decision.Tier).OrderBy(t => t.Key)
            .Select(t => $"{Vocabulary<PlanTier>.Name(t.Key)} ({Join(t.Select(p => p.Decision.Rule).Distinct().Order(StringComparer.Ordinal).ToList())})");
        text.Append(". Tiers proposed by the breakdown: ").AppendJoin("; ", tiers);
        text.Append(". Purposes: ").Append(Join(purposes.ToList())).Append("; territories: ").Append(Join(territories.ToList())).Append('.');
        return text.ToString();
    }

    // A heading may be a whole line of the script; a description quotes at most its start.
    private static string Short(string heading) => heading.Length <= 80 ? heading : heading[..77] + "...";

    private static string Seconds(long millis) => (millis / 1000m).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Join(List<string> items) =>
        items.Count <= 1 ? string.Concat(items) : string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1];
}
