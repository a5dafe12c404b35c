namespace Likeness.Domain.Planning;

/// <summary>
/// A production note that sets a tier: <c>[[tier: static]]</c> for the whole scene, or <c>[[tier: human for KATE]]</c>
/// for one character's part in it. Tier words: static, emulator, persona, human (or the tier's code, such as
/// staticReplica). A note that does not start with <c>tier:</c> is an ordinary note.
/// </summary>
public sealed record TierNote(string? Character, TierDecision Decision)
{
    private static readonly Dictionary<string, PlanTier> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["static"] = PlanTier.StaticReplica,
        ["staticReplica"] = PlanTier.StaticReplica,
        ["emulator"] = PlanTier.BehavioralEmulator,
        ["behavioralEmulator"] = PlanTier.BehavioralEmulator,
        ["persona"] = PlanTier.GenerativePersona,
        ["generativePersona"] = PlanTier.GenerativePersona,
        ["human"] = PlanTier.Human,
    };

    /// <summary>Reads a tier note; false for any other note, or a tier note naming no known tier.</summary>
    public static bool TryRead(FountainElement note, out TierNote tierNote)
    {
        tierNote = null!;
        var text = note.Text.Trim();
        if (!text.StartsWith("tier:", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var rest = text[5..].Trim();
        string? character = null;
        var forAt = rest.IndexOf(" for ", StringComparison.OrdinalIgnoreCase);
        if (forAt >= 0)
        {
            character = Breakdowner.Normalize(rest[(forAt + 5)..]);
            rest = rest[..forAt].Trim();
        }

        if (!Words.TryGetValue(rest, out var tier))
        {
            return false;
        }

        tierNote = new TierNote(character, new TierDecision(tier, $"note/line-{note.Line}", $"A production note on line {note.Line} sets this tier."));
        return true;
    }
}
