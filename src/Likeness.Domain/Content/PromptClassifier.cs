using System.Buffers;
using Likeness.Domain.Common;

namespace Likeness.Domain.Content;

/// <summary>
/// Judges a render's prompt or script: finds sensitive content categories from a fixed, documented
/// lexicon of whole words (case-insensitive). Deterministic and conservative: it adds categories, never
/// removes the ones the studio declared.
/// </summary>
public static class PromptClassifier
{
    private static readonly (ContentCategory Category, string[] Words)[] Lexicon =
    [
        (ContentCategory.Political, ["election", "elections", "vote", "voting", "ballot", "candidate", "senator", "congressman", "campaign", "politician", "president", "parliament", "referendum", "democrat", "republican"]),
        (ContentCategory.Sexual, ["sex", "sexual", "erotic", "porn", "pornographic", "explicit", "seductive"]),
        (ContentCategory.Nudity, ["nude", "naked", "topless", "nudity"]),
        (ContentCategory.Religious, ["god", "church", "prayer", "pray", "mosque", "temple", "synagogue", "bible", "quran", "sermon", "worship"]),
        (ContentCategory.Medical, ["supplement", "medication", "cure", "pharmaceutical", "prescription", "drugstore", "treatment"]),
        (ContentCategory.Financial, ["crypto", "cryptocurrency", "invest", "investment", "loan", "stocks", "trading", "bitcoin", "forex"]),
        (ContentCategory.Violence, ["kill", "murder", "shoot", "stab", "blood", "torture", "assault"]),
        (ContentCategory.Hate, ["slur", "racist", "supremacist"]),
        (ContentCategory.Drugs, ["cocaine", "heroin", "meth", "narcotics"]),
    ];

    private static readonly SearchValues<char> Separators = SearchValues.Create(" \t\r\n.,;:!?\"'()[]{}-/");

    /// <summary>The categories whose words appear in <paramref name="text"/>, as a mask.</summary>
    public static uint Classify(ReadOnlySpan<char> text)
    {
        uint found = 0;
        while (!text.IsEmpty)
        {
            var end = text.IndexOfAny(Separators);
            var word = end < 0 ? text : text[..end];
            if (word.Length > 2)
            {
                foreach (var (category, words) in Lexicon)
                {
                    foreach (var w in words)
                    {
                        if (word.Equals(w, StringComparison.OrdinalIgnoreCase))
                        {
                            found |= ContentCategories.Bit(category);
                        }
                    }
                }
            }

            text = end < 0 ? default : text[(end + 1)..];
        }

        return found;
    }
}
