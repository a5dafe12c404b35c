using Likeness.Domain.Royalties;

namespace Likeness.Domain.Decisions;

/// <summary>
/// How a render with several contributors divides its seconds by their shares (basis points summing to 10,000;
/// docs/DOMAIN.md, "Renders with several performers"). Each contributor reserves the ceiling of her exact share of the
/// requested seconds, and settles her largest-remainder share of the actual seconds: the settled parts sum exactly to the
/// render's seconds, and each is within its reservation (a largest-remainder part is at most the ceiling of its exact
/// share, and actual ≤ requested).
/// </summary>
public static class EnsembleShares
{
    /// <summary>The basis points the shares of one render sum to.</summary>
    public const int Whole = 10_000;

    /// <summary>Each contributor's reservation: the ceiling of <paramref name="requestedMillis"/> × share ÷ 10,000.</summary>
    public static long[] Reservations(long requestedMillis, IReadOnlyList<int> shares)
    {
        var parts = new long[shares.Count];
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = (long)Math.Ceiling((decimal)requestedMillis * shares[i] / Whole);
        }

        return parts;
    }

    /// <summary>Each contributor's settled milliseconds: <paramref name="actualMillis"/> split by largest remainder.</summary>
    public static long[] Settlements(long actualMillis, IReadOnlyList<int> shares) =>
        Exact.LargestRemainder(actualMillis, shares.Select(s => (long)s).ToArray());
}
