using Likeness.Domain.Common;
using Likeness.Domain.Geography;
using Likeness.Domain.Licensing;

namespace Likeness.Domain.Royalties;

/// <summary>A multiplier on compensation for renders in a territory (first matching entry applies).</summary>
public sealed record TerritoryFactor(string Territory, int FactorBps);

/// <summary>A multiplier on compensation for renders of a purpose.</summary>
public sealed record PurposeFactor(Purpose Purpose, int FactorBps);

/// <summary>
/// The multipliers a licence's compensation may carry, in basis points (10,000 = ×1): real-time generation
/// (priced above scale), by purpose, by territory. They multiply; the product is kept exact (10^12 units).
/// </summary>
public sealed record Multipliers(int? RealtimeFactorBps, IReadOnlyList<PurposeFactor> Purposes, IReadOnlyList<TerritoryFactor> Territories)
{
    public static Multipliers None { get; } = new(null, [], []);

    /// <summary>The combined factor for one render, in units of 10^-12 (exact: three basis-point factors).</summary>
    public long FactorE12(Purpose purpose, string country, bool realtime)
    {
        long realtimeBps = realtime && RealtimeFactorBps is { } r ? r : 10_000;
        long purposeBps = 10_000;
        foreach (var p in Purposes)
        {
            if (p.Purpose == purpose)
            {
                purposeBps = p.FactorBps;
                break;
            }
        }

        long territoryBps = 10_000;
        if (Countries.TryGetIndex(country, out var c))
        {
            foreach (var t in Territories)
            {
                if (Regions.TryResolve(t.Territory, out var set) && set.Contains(c))
                {
                    territoryBps = t.FactorBps;
                    break;
                }
            }
        }

        return realtimeBps * purposeBps * territoryBps;
    }
}

/// <summary>Who is paid what share of a performer's earnings; a new version applies to renders completed after it.</summary>
public sealed record SplitShare(string PartyId, string Role, int ShareBps);

/// <summary>
/// A performer's payees: agent commission and manager (shares of the gross), the heirs who take the
/// performer's own remainder after death (shares of that remainder, summing to 10,000), and the union's
/// pension-and-health contribution, added on top of the gross and owed by the studio.
/// </summary>
public sealed record SplitPlan(int Version, IReadOnlyList<SplitShare> Payees, IReadOnlyList<SplitShare> Heirs, string? PensionUnionId, int PensionBps)
{
    /// <summary>Before any split is written: everything to the performer, no contribution.</summary>
    public static SplitPlan Default { get; } = new(0, [], [], null, 0);

    /// <summary>
    /// Allocates <paramref name="gross"/> exactly: payees by their shares and the performer (or, after death, the
    /// heirs) the remainder, each level by largest remainder.
    /// </summary>
    public IReadOnlyList<(string PartyId, string Role, int ShareBps, long Amount)> Allocate(long gross, string performerId, bool deceased)
    {
        var weights = Payees.Select(p => (long)p.ShareBps).Append(10_000L - Payees.Sum(p => p.ShareBps)).ToArray();
        var parts = Exact.LargestRemainder(gross, weights);
        var result = Payees.Select((p, i) => (p.PartyId, p.Role, p.ShareBps, parts[i])).ToList();
        var remainder = parts[^1];
        var remainderBps = (int)weights[^1];
        if (deceased && Heirs.Count > 0)
        {
            var heirParts = Exact.LargestRemainder(remainder, Heirs.Select(h => (long)h.ShareBps).ToArray());
            result.AddRange(Heirs.Select((h, i) => (h.PartyId, "heir", h.ShareBps * remainderBps / 10_000, heirParts[i])));
        }
        else
        {
            result.Add((performerId, deceased ? "performerEstate" : "performer", remainderBps, remainder));
        }

        return result;
    }
}

/// <summary>The compensation terms a statement needs from a licence.</summary>
public sealed record LicensePay(string LicenseId, string PerformerId, string StudioId, Compensation Compensation, DateTimeOffset TermEnd);
