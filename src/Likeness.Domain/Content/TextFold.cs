namespace Likeness.Domain.Content;

/// <summary>
/// How prompts and lexicon phrases are compared: lower case, accents dropped (<c>é</c> is <c>e</c>, <c>ü</c> is <c>u</c>,
/// so a script typed without accents is read the same), and every character that is not a letter or a digit a space.
/// One table, built once, folds a character at a time, so folding a prompt allocates nothing but its buffer.
/// </summary>
public static class TextFold
{
    private const int TableSize = 0x2000;
    private static readonly char[] Table = Build();

    /// <summary>Folds <paramref name="c"/>: its base letter in lower case, or a space for a separator.</summary>
    public static char Fold(char c)
    {
        if (c < TableSize)
        {
            return Table[c];
        }

        // Beyond the table (CJK, kana, full-width forms): letters and digits as they are, lower-cased; the rest a space.
        return char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ';
    }

    /// <summary>Folds a whole text (for lexicon phrases, built once).</summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var chars = new char[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            chars[i] = Fold(text[i]);
        }

        return new string(chars);
    }

    // The base letters of U+00C0 to U+024F (Latin-1 Supplement, Latin Extended-A and -B), from Unicode's canonical
    // decompositions, written out: the domain does not depend on the platform's normalisation tables (ICU). A '.' keeps
    // the character as it is (ß, æ, œ, þ: letters of their own).
    private const int AccentedFrom = 0xC0;
    private const string Accented =
        "aaaaaa.ceeeeiiii.nooooo..uuuuy..aaaaaa.ceeeeiiii.nooooo..uuuuy.y" +
        "aaaaaaccccccccdd..eeeeeeeeeegggggggghh..iiiiiiiii...jjkk.llllll." +
        "...nnnnnn...oooooo..rrrrrrsssssssstttt..uuuuuuuuuuuuwwyyyzzzzzz." +
        "................................oo.............uu..............." +
        ".............aaiioouuuuuuuuuu.aaaa....ggkkoooo..j...gg..nnaa...." +
        "aaaaeeeeiiiioooorrrruuuusstt..hh......aaeeooooooooyy............" +
        "................";

    private static char[] Build()
    {
        var table = new char[TableSize];
        for (var i = 0; i < TableSize; i++)
        {
            var c = (char)i;
            table[i] = !char.IsLetterOrDigit(c) ? ' '
                : i >= AccentedFrom && i - AccentedFrom < Accented.Length && Accented[i - AccentedFrom] != '.' ? Accented[i - AccentedFrom]
                : char.ToLowerInvariant(c);
        }

        // Letters whose stroke is not a combining mark in Unicode: fold them by hand.
        table['ø'] = 'o';
        table['Ø'] = 'o';
        table['ł'] = 'l';
        table['Ł'] = 'l';
        table['đ'] = 'd';
        table['Đ'] = 'd';
        return table;
    }
}
