using Likeness.Domain.Common;
using Likeness.Domain.Licensing;
using Likeness.Domain.Royalties;
using Xunit;

namespace Likeness.Tests.Royalties;

public sealed class RoyaltyMathTests
{
    private static Compensation Pay(long perRender, long perSecond, string currency = "USD") =>
        new(perRender == 0 ? null : new Money(currency, perRender), perSecond == 0 ? null : new Money(currency, perSecond), null);

    [Theory]
    [InlineData(0, 1, 0, 1500, 2)]          // 1.5 minor units round half up
    [InlineData(0, 1, 0, 1499, 1)]
    [InlineData(0, 1, 0, 500, 1)]           // exactly half
    [InlineData(0, 1, 0, 499, 0)]
    [InlineData(0, 3, 0, 333, 1)]           // 0.999
    [InlineData(2500, 150, 3, 37_750, 13_163)]   // 7,500 + 5,662.5
    [InlineData(0, 7, 0, 1, 0)]             // a millisecond of 7 per second is 0.007
    public void Gross_is_exact_and_rounds_half_up_once(long perRender, long perSecond, long renders, long millis, long expected) =>
        Assert.Equal(expected, RoyaltyCalculator.Gross(Pay(perRender, perSecond), renders, millis, Exact.One));

    [Fact]
    public void Multipliers_multiply_exactly()
    {
        var m = new Multipliers(15_000, [new PurposeFactor(Purpose.Interactive, 12_000)], [new TerritoryFactor("JP", 11_000), new TerritoryFactor("APAC", 5_000)]);
        Assert.Equal(Exact.One, m.FactorE12(Purpose.Dubbing, "FR", realtime: false));
        Assert.Equal(15_000L * 12_000 * 11_000, m.FactorE12(Purpose.Interactive, "JP", realtime: true));
        Assert.Equal(10_000L * 10_000 * 5_000, m.FactorE12(Purpose.Dubbing, "AU", realtime: false));
        // 1,000 × 1.5 × 1.2 × 1.1 = 1,980 exactly.
        Assert.Equal(1_980, RoyaltyCalculator.Gross(Pay(1_000, 0), 1, 0, m.FactorE12(Purpose.Interactive, "JP", realtime: true)));
    }

    [Theory]
    [InlineData(100, new long[] { 1, 1, 1 }, new long[] { 34, 33, 33 })]      // ties go to the earlier
    [InlineData(13_163, new long[] { 1_000, 500, 8_500 }, new long[] { 1_316, 658, 11_189 })]
    [InlineData(1, new long[] { 5_000, 5_000 }, new long[] { 1, 0 })]
    [InlineData(0, new long[] { 1, 2 }, new long[] { 0, 0 })]
    [InlineData(7, new long[] { 0, 3 }, new long[] { 0, 7 })]
    public void Largest_remainder_sums_exactly(long total, long[] weights, long[] expected)
    {
        var parts = Exact.LargestRemainder(total, weights);
        Assert.Equal(expected, parts);
        Assert.Equal(total, parts.Sum());
    }

    [Fact]
    public void After_death_the_heirs_take_the_performers_remainder_and_the_agent_keeps_its_commission()
    {
        var plan = new SplitPlan(1, [new SplitShare("agent", "agent", 1_000)], [new SplitShare("heir-a", "heir", 6_000), new SplitShare("heir-b", "heir", 4_000)], null, 0);
        var alive = plan.Allocate(1_001, "prf", deceased: false);
        Assert.Equal([("agent", 100L), ("prf", 901L)], alive.Select(a => (a.PartyId, a.Amount)));
        var dead = plan.Allocate(1_001, "prf", deceased: true);
        Assert.Equal([("agent", 100L), ("heir-a", 541L), ("heir-b", 360L)], dead.Select(a => (a.PartyId, a.Amount)));
        Assert.Equal(1_001, dead.Sum(a => a.Amount));
    }

    [Fact]
    public void Everything_billed_to_studios_equals_everything_paid_to_payees_and_contributions()
    {
        var seed = Environment.GetEnvironmentVariable("LIKENESS_SEED") is { } s ? int.Parse(s, System.Globalization.CultureInfo.InvariantCulture) : 424_242;
        var rng = new Random(seed);
        string[] currencies = ["USD", "EUR", "JPY"];
        for (var round = 0; round < 200; round++)
        {
            var licenses = Enumerable.Range(0, rng.Next(1, 8)).Select(i =>
            {
                var currency = currencies[rng.Next(currencies.Length)];
                var comp = new Compensation(
                    rng.Next(2) == 0 ? null : new Money(currency, rng.Next(0, 100_000)),
                    new Money(currency, rng.Next(0, 5_000)),
                    rng.Next(3) == 0 ? new Money(currency, rng.Next(0, 10_000_000)) : null);
                return new LicensePay($"lic{i}", $"prf{i % 3}", $"std{i % 2}", comp, DateTimeOffset.UnixEpoch);
            }).ToDictionary(l => l.LicenseId);
            var plans = new Dictionary<(string, int), SplitPlan>();
            SplitPlan Plan(string performer, int version)
            {
                if (!plans.TryGetValue((performer, version), out var plan))
                {
                    var agent = rng.Next(0, 2_000);
                    var heirA = rng.Next(1, 10_000);
                    plan = new SplitPlan(version, [new SplitShare("agent-" + performer, "agent", agent), new SplitShare("mgr-" + performer, "manager", rng.Next(0, 1_500))],
                        [new SplitShare("heirA-" + performer, "heir", heirA), new SplitShare("heirB-" + performer, "heir", 10_000 - heirA)], "union", rng.Next(0, 3_000));
                    plans[(performer, version)] = plan;
                }

                return plan;
            }

            var usage = Enumerable.Range(0, rng.Next(1, 30)).Select(_ => new UsageAggregate(
                $"lic{rng.Next(licenses.Count)}", rng.Next(3), Exact.One / 10_000 * rng.Next(1, 30_000), rng.Next(3), rng.Next(2) == 0, rng.Next(0, 1_000), rng.NextInt64(0, 10_000_000_000))).ToList();
            var termEnds = licenses.Values.Where(_ => rng.Next(2) == 0).Select(l => new TermEnd(l.LicenseId, rng.Next(0, 5_000_000), rng.Next(3), rng.Next(2) == 0)).ToList();
            var lines = RoyaltyCalculator.Compute("2026-11", usage, id => licenses[id], Plan, termEnds);

            foreach (var currency in lines.Select(l => l.Currency).Distinct())
            {
                var billed = lines.Where(l => l.Currency == currency && l.Role == RoyaltyCalculator.LicenseeRole).Sum(l => l.AmountMinor);
                var paid = lines.Where(l => l.Currency == currency && l.Role != RoyaltyCalculator.LicenseeRole).Sum(l => l.AmountMinor);
                Assert.True(billed == paid, $"seed {seed}, round {round}, {currency}: billed {billed}, paid {paid}");
            }

            Assert.All(lines, l => Assert.Equal(licenses[l.LicenseId].Compensation.Currency, l.Currency));
        }
    }
}
