using System.Globalization;
using System.Text.RegularExpressions;

namespace Likeness.Domain.Common;

/// <summary>
/// ISO 8601 durations of the form <c>PnDTnHnMnS</c> (seconds may carry up to three decimals), as used by
/// ODRL's <c>elapsedTime</c> and <c>meteredTime</c>. Years, months and weeks are rejected: they have no
/// fixed length in seconds.
/// </summary>
public static partial class IsoDuration
{
    // ASCII digits only ([0-9], not \d, which matches every Unicode digit that long.Parse then refuses), and \z, not $,
    // which would let a trailing newline through.
    [GeneratedRegex(@"^P(?:([0-9]{1,6})D)?(?:T(?:([0-9]{1,6})H)?(?:([0-9]{1,9})M)?(?:([0-9]{1,12})(?:\.([0-9]{1,3}))?S)?)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    /// <summary>Parses <paramref name="text"/> to milliseconds.</summary>
    public static bool TryParseMillis(string text, out long millis)
    {
        millis = 0;
        var m = Pattern().Match(text);
        if (!m.Success || text == "P" || text.EndsWith('T'))
        {
            return false;
        }

        long Part(int g) => m.Groups[g].Success ? long.Parse(m.Groups[g].ValueSpan, CultureInfo.InvariantCulture) : 0;
        var fraction = m.Groups[5].Success ? long.Parse(m.Groups[5].Value.PadRight(3, '0'), CultureInfo.InvariantCulture) : 0;
        millis = checked((((((Part(1) * 24) + Part(2)) * 60) + Part(3)) * 60 + Part(4)) * 1000 + fraction);
        return true;
    }
}
