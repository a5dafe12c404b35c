using System.Numerics;

namespace Likeness.Domain.Royalties;

/// <summary>
/// Exact money arithmetic: integers of minor units, rationals as BigInteger numerator and denominator, and one
/// rounding rule. Rounding is half up (away from zero for the non-negative amounts royalties are), applied once
/// per statement line, never per render.
/// </summary>
public static class Exact
{
    /// <summary>A factor of 1 in the units combined multipliers are kept in (10^-12).</summary>
    public const long One = 1_000_000_000_000;

    /// <summary>numerator / denominator rounded half up (both non-negative, denominator positive).</summary>
    public static long RoundHalfUp(BigInteger numerator, BigInteger denominator)
    {
        var q = BigInteger.DivRem(numerator, denominator, out var r);
        if (r * 2 >= denominator)
        {
            q += 1;
        }

        return checked((long)q);
    }

    /// <summary>
    /// Splits <paramref name="total"/> in proportion to <paramref name="weights"/> so that the parts sum exactly to
    /// the total (largest remainder): each part is the floor of its exact share; the units left over go one each
    /// to the largest fractional remainders, ties to the earlier weight.
    /// </summary>
    public static long[] LargestRemainder(long total, IReadOnlyList<long> weights)
    {
        var sum = weights.Aggregate(BigInteger.Zero, (a, w) => a + w);
        var parts = new long[weights.Count];
        if (sum.IsZero || total == 0)
        {
            return parts;
        }

        var remainders = new BigInteger[weights.Count];
        long given = 0;
        for (var i = 0; i < weights.Count; i++)
        {
            var share = BigInteger.DivRem(new BigInteger(total) * weights[i], sum, out remainders[i]);
            parts[i] = (long)share;
            given += parts[i];
        }

        var order = Enumerable.Range(0, weights.Count).OrderByDescending(i => remainders[i]).ThenBy(i => i).ToArray();
        for (var k = 0; given < total; k++, given++)
        {
            parts[order[k % order.Length]]++;
        }

        return parts;
    }
}
