using System.Text.RegularExpressions;
using Likeness.Application.Common;
using Likeness.Application.Contracts;

namespace Likeness.Application.Parties;

/// <summary>
/// The instant of a death from its record: <c>diedAt</c> as given, or a date meaning the end of that day (the next
/// midnight) in <c>timeZone</c> (IANA), UTC when none is given; and the domicile's form (docs/DOMAIN.md).
/// </summary>
public static partial class DeathInstant
{
    /// <summary>The day (in the time zone) and the instant; a 400 naming the field when the record is not one of the two forms.</summary>
    public static (DateOnly Day, DateTimeOffset At) Of(DeathBody body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var zone = Zone(body.TimeZone);
        switch (body)
        {
            case { DiedAt: { } at, DiedOn: null }:
                return (DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime), at.ToUniversalTime());
            case { DiedOn: { } day, DiedAt: null }:
                var midnight = day.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
                return (day, new DateTimeOffset(midnight, zone.GetUtcOffset(midnight)).ToUniversalTime());
            default:
                throw AppProblem.BadRequest("invalid_death", "A death is recorded with one of diedAt (an instant) or diedOn (a date).", "diedAt");
        }
    }

    /// <summary>The domicile upper-cased (ISO 3166-1 alpha-2, or a 3166-2 subdivision such as US-CA), or null; a 400 when malformed.</summary>
    public static string? Domicile(string? domicile) =>
        domicile is null ? null
        : DomicileForm().IsMatch(domicile) ? domicile.ToUpperInvariant()
        : throw AppProblem.BadRequest("invalid_domicile", "domicile is an ISO 3166-1 country (US) or 3166-2 subdivision (US-CA).", "domicile");

    /// <summary>Whether <paramref name="jurisdiction"/> is written as a domicile is (US, US-CA), case aside.</summary>
    public static bool IsDomicileForm(string jurisdiction) => DomicileForm().IsMatch(jurisdiction);

    private static TimeZoneInfo Zone(string? id)
    {
        if (id is null)
        {
            return TimeZoneInfo.Utc;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw AppProblem.BadRequest("invalid_time_zone", "timeZone is an IANA time zone (America/Los_Angeles).", "timeZone");
        }
    }

    [GeneratedRegex("^[A-Za-z]{2}(-[A-Za-z0-9]{1,3})?$")]
    private static partial Regex DomicileForm();
}
