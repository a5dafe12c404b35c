using System.Buffers;
using Likeness.Domain.Common;

namespace Likeness.Domain.Content;

/// <summary>
/// A <see cref="Lexicon"/> made ready to match: phrases indexed by their first word (exact, or by its first three
/// letters for a prefix), looked up without allocating. Neutral phrases cover their characters first (<see cref="Cover"/>);
/// a category phrase counts only where none of its characters is covered (<see cref="Match"/>).
/// </summary>
public sealed class LexiconMatcher
{
    private const int PrefixKey = 3;
    private readonly Dictionary<string, List<Phrase>> _byWord = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Phrase>> _byPrefix = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Phrase>>.AlternateLookup<ReadOnlySpan<char>> _wordLookup;
    private readonly Dictionary<string, List<Phrase>>.AlternateLookup<ReadOnlySpan<char>> _prefixLookup;
    private readonly List<Phrase> _unspaced = [];

    public LexiconMatcher(Lexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        Lexicon = lexicon;
        foreach (var (category, phrase) in lexicon.Phrases)
        {
            Add(new Phrase(phrase, PhraseWords(phrase), category));
        }

        foreach (var phrase in lexicon.Neutral)
        {
            Add(new Phrase(phrase, PhraseWords(phrase), null));
        }

        _wordLookup = _byWord.GetAlternateLookup<ReadOnlySpan<char>>();
        _prefixLookup = _byPrefix.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public Lexicon Lexicon { get; }

    /// <summary>
    /// Marks in <paramref name="covered"/> (one flag per character of <paramref name="folded"/>) the characters this
    /// lexicon's neutral phrases cover. Every lexicon read on a prompt covers before any finds, so a word's other sense
    /// in one language (German <c>Stab</c>, a staff) is not read as a category in another (English <c>stab</c>).
    /// </summary>
    public void Cover(ReadOnlySpan<char> folded, Span<bool> covered)
    {
        if (Lexicon.Spaced)
        {
            Scan(folded, covered, neutral: true, null);
        }
        else
        {
            foreach (var p in _unspaced)
            {
                if (p.Category is null)
                {
                    for (var at = Next(folded, p.Joined, 0); at >= 0; at = Next(folded, p.Joined, at + 1))
                    {
                        covered.Slice(at, p.Joined.Length).Fill(true);
                    }
                }
            }
        }
    }

    /// <summary>
    /// The categories found in <paramref name="folded"/> (text already folded) outside <paramref name="covered"/>; each
    /// match is passed to <paramref name="found"/> when given.
    /// </summary>
    public uint Match(ReadOnlySpan<char> folded, Span<bool> covered, Action<string, ContentCategory, string, int, int>? found = null) =>
        Lexicon.Spaced ? Scan(folded, covered, neutral: false, found) : MatchAnywhere(folded, covered, found);

    // A phrase's words, folded as prompts are; a word's closing '*' (a prefix) is kept.
    private static string[] PhraseWords(string phrase)
    {
        var prefix = phrase.EndsWith('*');
        var words = TextFold.Fold(prefix ? phrase[..^1] : phrase).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (prefix && words.Length > 0)
        {
            words[^1] += "*";
        }

        return words;
    }

    private void Add(Phrase p)
    {
        if (p.Words.Length == 0)
        {
            throw new ArgumentException($"An empty phrase in the {Lexicon.Language} lexicon.");
        }

        if (!Lexicon.Spaced)
        {
            _unspaced.Add(p);
            return;
        }

        var first = p.Words[0];
        var (index, key) = first.EndsWith('*')
            ? (_byPrefix, first.Length > PrefixKey ? first[..PrefixKey] : throw new ArgumentException($"The prefix '{first}' is shorter than {PrefixKey + 1} letters."))
            : (_byWord, first);
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }

        list.Add(p);
    }

    // One pass over the words: neutral phrases mark what they cover (neutral), or category phrases are found where no
    // character of theirs is covered.
    private uint Scan(ReadOnlySpan<char> text, Span<bool> covered, bool neutral, Action<string, ContentCategory, string, int, int>? found)
    {
        var starts = ArrayPool<int>.Shared.Rent(text.Length / 2 + 1);
        var lengths = ArrayPool<int>.Shared.Rent(text.Length / 2 + 1);
        try
        {
            var count = 0;
            for (var i = 0; i < text.Length;)
            {
                while (i < text.Length && text[i] == ' ')
                {
                    i++;
                }

                var start = i;
                while (i < text.Length && text[i] != ' ')
                {
                    i++;
                }

                if (i > start)
                {
                    starts[count] = start;
                    lengths[count] = i - start;
                    count++;
                }
            }

            var words = new Words(text, starts, lengths, count);
            uint mask = 0;
            for (var w = 0; w < count; w++)
            {
                var word = words.At(w);
                if (_wordLookup.TryGetValue(word, out var exact))
                {
                    mask |= Try(exact, words, w, covered, neutral, found);
                }

                if (word.Length >= PrefixKey && _prefixLookup.TryGetValue(word[..PrefixKey], out var prefixed))
                {
                    mask |= Try(prefixed, words, w, covered, neutral, found);
                }
            }

            return mask;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(starts);
            ArrayPool<int>.Shared.Return(lengths);
        }
    }

    // The phrases of one index entry at word w: cover (neutral) or find (categories).
    private uint Try(List<Phrase> phrases, in Words words, int w, Span<bool> covered, bool neutral, Action<string, ContentCategory, string, int, int>? found)
    {
        uint mask = 0;
        foreach (var p in phrases)
        {
            if ((p.Category is null) != neutral || !words.Matches(w, p.Words))
            {
                continue;
            }

            var (from, length) = words.Span(w, p.Words.Length);
            if (neutral)
            {
                covered.Slice(from, length).Fill(true);
            }
            else if (!covered.Slice(from, length).Contains(true))
            {
                mask |= ContentCategories.Bit(p.Category!.Value);
                found?.Invoke(Lexicon.Language, p.Category.Value, p.Written, from, length);
            }
        }

        return mask;
    }

    private uint MatchAnywhere(ReadOnlySpan<char> text, ReadOnlySpan<bool> covered, Action<string, ContentCategory, string, int, int>? found)
    {
        uint mask = 0;
        foreach (var p in _unspaced)
        {
            if (p.Category is { } category)
            {
                for (var at = Next(text, p.Joined, 0); at >= 0; at = Next(text, p.Joined, at + 1))
                {
                    if (!covered.Slice(at, p.Joined.Length).Contains(true))
                    {
                        mask |= ContentCategories.Bit(category);
                        found?.Invoke(Lexicon.Language, category, p.Written, at, p.Joined.Length);
                    }
                }
            }
        }

        return mask;
    }

    // The next occurrence of phrase in text at or after from, or -1.
    private static int Next(ReadOnlySpan<char> text, string phrase, int from)
    {
        if (from > text.Length - phrase.Length)
        {
            return -1;
        }

        var i = text[from..].IndexOf(phrase, StringComparison.Ordinal);
        return i < 0 ? -1 : from + i;
    }

    private sealed record Phrase(string Written, string[] Words, ContentCategory? Category)
    {
        public string Joined { get; } = string.Join(' ', Words);
    }

    /// <summary>The words of a folded text, by their spans.</summary>
    private readonly ref struct Words(ReadOnlySpan<char> text, int[] starts, int[] lengths, int count)
    {
        private readonly ReadOnlySpan<char> _text = text;

        public ReadOnlySpan<char> At(int w) => _text.Slice(starts[w], lengths[w]);

        /// <summary>Where <paramref name="n"/> words from word <paramref name="w"/> start in the text, and how long they run.</summary>
        public (int From, int Length) Span(int w, int n) => (starts[w], starts[w + n - 1] + lengths[w + n - 1] - starts[w]);

        public bool Matches(int w, string[] phrase)
        {
            if (w + phrase.Length > count)
            {
                return false;
            }

            for (var k = 0; k < phrase.Length; k++)
            {
                var word = At(w + k);
                var want = phrase[k];
                var ok = want.EndsWith('*') ? word.StartsWith(want.AsSpan(0, want.Length - 1), StringComparison.Ordinal) : word.SequenceEqual(want);
                if (!ok)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
