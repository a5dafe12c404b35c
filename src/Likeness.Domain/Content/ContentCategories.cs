using Likeness.Domain.Common;

namespace Likeness.Domain.Content;

/// <summary>Bit masks over <see cref="ContentCategory"/> and the default sensitive set.</summary>
public static class ContentCategories
{
    /// <summary>
    /// Categories that need the performer side's per-instance approval unless the consent pre-approves them:
    /// political, sexual, nudity, religious, medical and financial endorsement, violence, hate, drugs, minors.
    /// </summary>
    public const uint Sensitive =
        (1u << (int)ContentCategory.Political) | (1u << (int)ContentCategory.Sexual) |
        (1u << (int)ContentCategory.Nudity) | (1u << (int)ContentCategory.Religious) |
        (1u << (int)ContentCategory.Medical) | (1u << (int)ContentCategory.Financial) |
        (1u << (int)ContentCategory.Violence) | (1u << (int)ContentCategory.Hate) |
        (1u << (int)ContentCategory.Drugs) | (1u << (int)ContentCategory.Minors);

    public static uint Bit(ContentCategory c) => 1u << (int)c;

    public static uint Mask(IEnumerable<ContentCategory> cs) => cs.Aggregate(0u, (m, c) => m | Bit(c));

    public static IEnumerable<ContentCategory> Members(uint mask) =>
        Vocabulary<ContentCategory>.All.Where(c => (mask & Bit(c)) != 0);
}
