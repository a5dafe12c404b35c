namespace Likeness.Domain.Licensing;

/// <summary>
/// A studio's duty to delete an asset released to it (docs/CUSTODY.md, "Retention"): by the release plus the licence's
/// retention, reminded once before.
/// </summary>
public static class AssetRetention
{
    /// <summary>How long before the deadline the reminder goes out, when the retention is long enough.</summary>
    public static readonly TimeSpan ReminderLead = TimeSpan.FromDays(7);

    /// <summary>When a copy released at <paramref name="releasedAt"/> must be deleted; null when the terms set no retention.</summary>
    public static DateTimeOffset? DeleteBy(LicenseTerms terms, DateTimeOffset releasedAt)
    {
        ArgumentNullException.ThrowIfNull(terms);
        return terms.Retention is { } r ? releasedAt + r : null;
    }

    /// <summary>
    /// When the studio is reminded: <see cref="ReminderLead"/> before the deadline, or halfway through a retention shorter
    /// than twice the lead, so a reminder never comes before (or with) the release itself.
    /// </summary>
    public static DateTimeOffset RemindAt(DateTimeOffset releasedAt, DateTimeOffset deleteBy)
    {
        var span = deleteBy - releasedAt;
        return span >= ReminderLead * 2 ? deleteBy - ReminderLead : releasedAt + span / 2;
    }
}
