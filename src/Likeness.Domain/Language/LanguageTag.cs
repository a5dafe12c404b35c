using System.Text.RegularExpressions;

namespace Likeness.Domain.Language;

/// <summary>
/// BCP 47 language tags: well-formedness, a known ISO 639-1 primary subtag (or a three-letter one), and
/// the prefix rule used for matching: a licensed tag covers itself and every more specific tag
/// (<c>en</c> covers <c>en-GB</c>; <c>en-GB</c> does not cover <c>en</c>).
/// </summary>
public static partial class LanguageTag
{
    private const string Iso6391 =
        "aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz " +
        "ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik " +
        "io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml " +
        "mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd " +
        "se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi " +
        "vo wa wo xh yi yo za zh zu";

    private static readonly HashSet<string> Primary = new(Iso6391.Split(' '), StringComparer.OrdinalIgnoreCase);

    // \z, not $: $ also matches before a final newline, which would make "en\n" a tag.
    [GeneratedRegex("^[a-zA-Z]{2,3}(-[a-zA-Z]{4})?(-([a-zA-Z]{2}|[0-9]{3}))?(-([a-zA-Z0-9]{5,8}|[0-9][a-zA-Z0-9]{3}))*\\z", RegexOptions.CultureInvariant)]
    private static partial Regex WellFormed();

    /// <summary>True when <paramref name="tag"/> is a well-formed tag with a known primary language.</summary>
    public static bool IsValid(string tag)
    {
        if (tag.Length is < 2 or > 35 || !WellFormed().IsMatch(tag))
        {
            return false;
        }

        var dash = tag.IndexOf('-', StringComparison.Ordinal);
        var primary = dash < 0 ? tag : tag[..dash];
        return primary.Length == 3 || Primary.Contains(primary);
    }

    /// <summary>True when <paramref name="range"/> covers <paramref name="tag"/> (case-insensitive prefix on subtag boundaries).</summary>
    public static bool Covers(string range, string tag) =>
        tag.Length == range.Length
            ? string.Equals(tag, range, StringComparison.OrdinalIgnoreCase)
            : tag.Length > range.Length && tag[range.Length] == '-' &&
              tag.StartsWith(range, StringComparison.OrdinalIgnoreCase);
}
