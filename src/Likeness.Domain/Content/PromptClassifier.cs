using System.Buffers;
using System.Collections.Frozen;
using Likeness.Domain.Common;
using Likeness.Domain.Content.Lexicons;

namespace Likeness.Domain.Content;

/// <summary>One phrase the classifier found: its category, the lexicon's phrase, the words of the prompt, and the lexicon's language.</summary>
public sealed record PromptMatch(ContentCategory Category, string Phrase, string Found, string Language);

/// <summary>
/// Judges a render's prompt or script in its language: finds sensitive content categories from documented lexicons
/// (English, French, Spanish, German, Japanese; <see cref="LexiconVersion"/>) of phrases and word senses, read with
/// accents and case folded. The render's language's lexicon is read together with the English one (scripts mix in
/// English directions); a language without a lexicon is read with the English one alone. Deterministic and
/// conservative: it adds categories, never removes the ones the studio declared.
/// </summary>
public static class PromptClassifier
{
    /// <summary>The version of the lexicons, recorded so a verdict can be traced to the lists that made it.</summary>
    public const string LexiconVersion = "2026-12-01";

    private static readonly LexiconMatcher EnglishMatcher = new(English.Value);

    private static readonly FrozenDictionary<string, LexiconMatcher> ByLanguage = new[]
    {
        EnglishMatcher, new LexiconMatcher(French.Value), new LexiconMatcher(Spanish.Value), new LexiconMatcher(German.Value), new LexiconMatcher(Japanese.Value),
    }.ToFrozenDictionary(m => m.Lexicon.Language, StringComparer.OrdinalIgnoreCase);

    /// <summary>The languages with a lexicon of their own (primary subtags).</summary>
    public static IReadOnlyCollection<string> Languages => ByLanguage.Keys;

    /// <summary>The sensitive categories in <paramref name="text"/>, read in <paramref name="language"/> (a BCP 47 tag) and English, as a mask.</summary>
    public static uint Classify(ReadOnlySpan<char> text, string? language) => Run(text, language, null);

    /// <summary>What <see cref="Classify"/> found, phrase by phrase: what a decision names when it asks for approval.</summary>
    public static IReadOnlyList<PromptMatch> Explain(string text, string? language)
    {
        ArgumentNullException.ThrowIfNull(text);
        var matches = new List<PromptMatch>();
        Run(text, language, (lexicon, category, phrase, start, length) => matches.Add(new PromptMatch(category, phrase, text.Substring(start, length), lexicon)));
        return matches;
    }

    private static uint Run(ReadOnlySpan<char> text, string? language, Action<string, ContentCategory, string, int, int>? found)
    {
        if (text.IsEmpty)
        {
            return 0;
        }

        var buffer = ArrayPool<char>.Shared.Rent(text.Length);
        var coverage = ArrayPool<bool>.Shared.Rent(text.Length);
        try
        {
            var folded = buffer.AsSpan(0, text.Length);
            var covered = coverage.AsSpan(0, text.Length);
            covered.Clear();
            for (var i = 0; i < text.Length; i++)
            {
                folded[i] = TextFold.Fold(text[i]);
            }

            var own = ForLanguage(language);
            var second = own is not null && own != EnglishMatcher ? own : null;
            EnglishMatcher.Cover(folded, covered);
            second?.Cover(folded, covered);
            var mask = EnglishMatcher.Match(folded, covered, found);
            if (second is not null)
            {
                mask |= second.Match(folded, covered, found);
            }

            return mask & ContentCategories.Sensitive;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
            ArrayPool<bool>.Shared.Return(coverage);
        }
    }

    private static LexiconMatcher? ForLanguage(string? language)
    {
        if (string.IsNullOrEmpty(language))
        {
            return null;
        }

        var dash = language.IndexOf('-', StringComparison.Ordinal);
        var primary = dash < 0 ? language : language[..dash];
        return ByLanguage.TryGetValue(primary, out var m) ? m : null;
    }
}
