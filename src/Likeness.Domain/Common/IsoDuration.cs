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
    [GeneratedRegex(@"^P(?:(\d{1,6})D)?(?:T(?:(\d{1,6})H)?(?:(\d{1,9})M)?(?:(\d{1,12})(?:\.(\d{1,3}))?S)?)?$", RegexOptions.CultureInvariant)]
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
