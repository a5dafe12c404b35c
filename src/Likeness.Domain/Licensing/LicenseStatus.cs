namespace Likeness.Domain.Licensing;

/// <summary>The states of a licence. Expired and revoked (after notice) follow from time; the others are set.</summary>
public enum LicenseStatus { Active, Suspended, RevocationPending, Revoked, Expired, Exhausted }

/// <summary>Computes a licence's effective status at an instant.</summary>
public static class LicenseLifecycle
{
    /// <summary>The longest revocation notice a performer may give (two years, in days).</summary>
    public const int MaxNoticeDays = 730;

    /// <summary>
    /// The status at <paramref name="now"/>: revocation takes effect at its effective instant (inclusive); the
    /// term end is exclusive (a licence whose term ends at T is expired at T); while neither applies, a licence any
    /// suspension holds is suspended, whether or not revocation notice runs (the two are independent, and renders
    /// need the licence to be neither revoked nor suspended); exhausted when every use's budget is spent.
    /// </summary>
    public static LicenseStatus StatusAt(DateTimeOffset now, LicenseStatus stored, DateTimeOffset? revocationEffectiveAt, DateTimeOffset termEnd, bool exhausted, bool suspended) =>
        StatusAt(now.ToUnixTimeMilliseconds(), stored, revocationEffectiveAt?.ToUnixTimeMilliseconds() ?? long.MaxValue, termEnd.ToUnixTimeMilliseconds(), exhausted, suspended);

    /// <summary>The same rule on Unix milliseconds (no revocation: <see cref="long.MaxValue"/>), as the hot path holds them.</summary>
    public static LicenseStatus StatusAt(long nowMillis, LicenseStatus stored, long revocationEffectiveMillis, long termEndMillis, bool exhausted, bool suspended)
    {
        if (stored == LicenseStatus.Revoked || (stored == LicenseStatus.RevocationPending && revocationEffectiveMillis <= nowMillis))
        {
            return LicenseStatus.Revoked;
        }

        if (nowMillis >= termEndMillis)
        {
            return LicenseStatus.Expired;
        }

        if (suspended)
        {
            return LicenseStatus.Suspended;
        }

        if (stored == LicenseStatus.RevocationPending)
        {
            return stored;
        }

        return exhausted ? LicenseStatus.Exhausted : LicenseStatus.Active;
    }
}
