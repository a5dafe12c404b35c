using System.Collections.Frozen;

namespace Likeness.Domain.Common;

/// <summary>
/// The wire names of a closed vocabulary: each enum member is written in camelCase (<c>FeatureFilm</c> ⇄
/// <c>featureFilm</c>). Unknown names are never guessed at; parsing them fails.
/// </summary>
public static class Vocabulary<TEnum>
    where TEnum : struct, Enum
{
    private static readonly TEnum[] Values = Enum.GetValues<TEnum>();
    private static readonly string[] Names = Values.Select(v => ToCamel(v.ToString())).ToArray();
    private static readonly FrozenDictionary<string, TEnum> ByName =
        Values.Select((v, i) => (Names[i], v)).ToFrozenDictionary(p => p.Item1, p => p.v, StringComparer.Ordinal);

    /// <summary>Every wire name, in declaration order.</summary>
    public static IReadOnlyList<string> AllNames => Names;

    /// <summary>Every value, in declaration order.</summary>
    public static IReadOnlyList<TEnum> All => Values;

    public static bool TryParse(string? name, out TEnum value)
    {
        if (name is not null && ByName.TryGetValue(name, out value))
        {
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>The wire name of <paramref name="value"/>.</summary>
    public static string Name(TEnum value) => Names[Array.IndexOf(Values, value)];

    private static string ToCamel(string s) => char.ToLowerInvariant(s[0]) + s[1..];
}
