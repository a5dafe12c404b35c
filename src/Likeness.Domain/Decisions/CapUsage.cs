using Likeness.Domain.Common;

namespace Likeness.Domain.Decisions;

/// <summary>
/// One of a performer's cap counters: what her renders for one studio, of one modality, reserved in one month
/// (<c>yyyymm</c>) have used and hold reserved. Every cap is a sum of such counters.
/// </summary>
public readonly record struct CapCounter(
    string StudioId, Modality Modality, int Month, long SecondsUsedMillis, long SecondsReservedMillis, long RendersUsed, long RendersReserved);

/// <summary>What one cap has counted so far in its current period; the evaluator adds the render on top.</summary>
public readonly record struct CapUsage(long SecondsUsedMillis, long SecondsReservedMillis, long RendersUsed, long RendersReserved)
{
    public long SecondsCommittedMillis => SecondsUsedMillis + SecondsReservedMillis;
    public long RendersCommitted => RendersUsed + RendersReserved;
}

/// <summary>Months as caps count them: <c>yyyymm</c> integers in UTC (202611 is November 2026), which sort as months do.</summary>
public static class CapMonths
{
    /// <summary>The month of an instant given in Unix milliseconds.</summary>
    public static int Of(long unixMillis) => Of(DateTimeOffset.FromUnixTimeMilliseconds(unixMillis));

    /// <summary>The month of an instant.</summary>
    public static int Of(DateTimeOffset at)
    {
        var utc = at.UtcDateTime;
        return (utc.Year * 100) + utc.Month;
    }

    /// <summary><paramref name="month"/> moved by <paramref name="months"/> (negative to go back).</summary>
    public static int Add(int month, int months)
    {
        var ordinal = ((month / 100) * 12) + (month % 100) - 1 + months;
        return ((ordinal / 12) * 100) + (ordinal % 12) + 1;
    }

    /// <summary>The first instant of a month, UTC.</summary>
    public static DateTimeOffset Start(int month) => new(month / 100, month % 100, 1, 0, 0, 0, TimeSpan.Zero);
}
