namespace Likeness.Domain.Licensing;

/// <summary>
/// Whether a description of intended use is "reasonably specific" (California AB 2602 model). Likeness's
/// rule, stated in docs/DOMAIN.md: at least 12 words and 60 characters, and none of the blanket phrases
/// that grant everything.
/// </summary>
public static class DescriptionCheck
{
    private static readonly string[] Blanket =
    [
        "any purpose", "any and all", "all purposes", "all media", "in perpetuity", "throughout the universe",
        "any use", "unlimited use", "hereafter devised", "any project", "any future",
    ];

    public static bool IsReasonablySpecific(string description)
    {
        var words = description.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
        return words >= 12 && description.Trim().Length >= 60 &&
               !Blanket.Any(b => description.Contains(b, StringComparison.OrdinalIgnoreCase));
    }
}
