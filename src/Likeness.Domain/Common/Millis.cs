using System.Globalization;

namespace Likeness.Domain.Common;

/// <summary>Synthetic seconds are kept as whole milliseconds; the API speaks seconds with up to three decimals.</summary>
public static class Millis
{
    /// <summary>The largest number of seconds one request may name (ten years of output).</summary>
    public const decimal MaxSeconds = 315_360_000m;

    /// <summary>Converts seconds to milliseconds; fails when negative, too large or finer than a millisecond.</summary>
    public static bool TryFromSeconds(decimal seconds, out long millis)
    {
        millis = 0;
        if (seconds < 0 || seconds > MaxSeconds)
        {
            return false;
        }

        var ms = seconds * 1000m;
        if (ms != decimal.Truncate(ms))
        {
            return false;
        }

        millis = (long)ms;
        return true;
    }

    public static decimal ToSeconds(long millis) => millis / 1000m;

    public static string Format(long millis) => ToSeconds(millis).ToString("0.###", CultureInfo.InvariantCulture);
}
