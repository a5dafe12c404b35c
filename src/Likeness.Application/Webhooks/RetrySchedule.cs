namespace Likeness.Application.Webhooks;

/// <summary>
/// When a failed delivery is tried again: after 5 seconds, 5 minutes, 30 minutes, 2, 5, 10 and 10 hours (eight attempts
/// over about 27.6 hours, so an endpoint down for a whole day still gets every event), then the delivery is failed.
/// </summary>
public static class RetrySchedule
{
    private static readonly TimeSpan[] Delays =
    [
        TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2),
        TimeSpan.FromHours(5), TimeSpan.FromHours(10), TimeSpan.FromHours(10),
    ];

    /// <summary>How many attempts a delivery gets before it is failed.</summary>
    public static int MaxAttempts => Delays.Length + 1;

    /// <summary>The wait after the failed attempt number <paramref name="attempts"/> (1-based); null when none is left.</summary>
    public static TimeSpan? After(int attempts) => attempts >= 1 && attempts <= Delays.Length ? Delays[attempts - 1] : null;
}
