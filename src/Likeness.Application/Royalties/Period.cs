using System.Globalization;
using Likeness.Application.Common;

namespace Likeness.Application.Royalties;

/// <summary>A statement period: one calendar month in UTC, written <c>YYYY-MM</c>.</summary>
public readonly record struct Period(int Year, int Month) : IComparable<Period>
{
    public DateTimeOffset Start => new(Year, Month, 1, 0, 0, 0, TimeSpan.Zero);

    public DateTimeOffset End => Start.AddMonths(1);

    public Period Next => FromInstant(End);

    public static Period FromInstant(DateTimeOffset at) => new(at.UtcDateTime.Year, at.UtcDateTime.Month);

    public static Period Parse(string? text, string field = "period") =>
        text is { Length: 7 } && DateTime.TryParseExact(text, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var d) && d.Year is >= 2000 and <= 9998
            ? new Period(d.Year, d.Month)
            : throw AppProblem.BadRequest("invalid_period", "A period is a calendar month, YYYY-MM.", field);

    public int CompareTo(Period other) => (Year * 12 + Month).CompareTo(other.Year * 12 + other.Month);

    public static bool operator <(Period a, Period b) => a.CompareTo(b) < 0;

    public static bool operator >(Period a, Period b) => a.CompareTo(b) > 0;

    public static bool operator <=(Period a, Period b) => a.CompareTo(b) <= 0;

    public static bool operator >=(Period a, Period b) => a.CompareTo(b) >= 0;

    public override string ToString() => $"{Year:D4}-{Month:D2}";
}
