using Likeness.Domain.Decisions;
using Xunit;

namespace Likeness.Tests.Ensembles;

/// <summary>How a render's seconds divide by its contributors' shares: exact to the millisecond, each within her reservation.</summary>
public sealed class EnsembleSharesTests
{
    [Fact]
    public void Settled_parts_sum_to_the_seconds_and_stay_within_each_reservation()
    {
        const int seed = 1616;
        var random = new Random(seed);
        for (var run = 0; run < 20_000; run++)
        {
            var n = random.Next(2, 17);
            var cuts = Enumerable.Range(0, n - 1).Select(_ => random.Next(1, EnsembleShares.Whole)).Distinct().Order().ToList();
            var shares = cuts.Prepend(0).Zip(cuts.Append(EnsembleShares.Whole), (a, b) => b - a).Where(s => s > 0).ToArray();
            if (shares.Length < 2)
            {
                continue;
            }

            var requested = (long)random.Next(1, 3_600_000);
            var actual = (long)random.Next(0, (int)requested + 1);
            var reserved = EnsembleShares.Reservations(requested, shares);
            var settled = EnsembleShares.Settlements(actual, shares);
            var context = $"seed {seed}, run {run}: shares [{string.Join(",", shares)}], requested {requested}, actual {actual}";
            Assert.True(settled.Sum() == actual, context);
            Assert.True(reserved.Sum() - requested is >= 0 && reserved.Sum() - requested < shares.Length, context);
            for (var i = 0; i < shares.Length; i++)
            {
                Assert.True(settled[i] <= reserved[i], $"{context}: part {i} settles {settled[i]} above {reserved[i]}");
            }
        }
    }

    [Fact]
    public void The_leftover_millisecond_goes_to_the_largest_remainder_then_the_earlier_contributor()
    {
        Assert.Equal([2333L, 4668L], EnsembleShares.Settlements(7001, [3333, 6667]));
        Assert.Equal([3334L, 3333L, 3333L], EnsembleShares.Settlements(10_000, [3334, 3333, 3333]));
        Assert.Equal([1L, 0L], EnsembleShares.Settlements(1, [5000, 5000]));
        Assert.Equal([1L, 1L], EnsembleShares.Reservations(1, [5000, 5000]));
    }
}
