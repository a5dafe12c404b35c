using Likeness.Application.Common;
using Likeness.Application.Contracts;
using Likeness.Application.Ports;
using Likeness.Domain.Common;
using Likeness.Domain.Decisions;
using Likeness.Domain.Licensing;

namespace Likeness.Application.Royalties;

/// <summary>
/// Compares proposed compensation with the minimum rates of every union that represents the performer: a rate
/// below the floor, missing, or in another currency than the floor is flagged (<c>below_union_floor</c>).
/// </summary>
public static class UnionFloors
{
    public static IReadOnlyList<Conflict> Check(IStoreSession s, string performerId, LicenseTerms terms)
    {
        var conflicts = new List<Conflict>();
        foreach (var union in s.ListUnionsOf(performerId))
        {
            if (s.GetCurrentRateTable(union.Id) is not { } table)
            {
                continue;
            }

            conflicts.AddRange(Check($"union/{union.Id}/rates/v{table.Version}", Json.DeserializeStored<UnionRateBody[]>(table.BodyJson), terms));
        }

        return conflicts;
    }

    /// <summary>The uses of <paramref name="terms"/> that pay below one union's <paramref name="rates"/>, each a conflict of <paramref name="rule"/>.</summary>
    public static IEnumerable<Conflict> Check(string rule, IReadOnlyList<UnionRateBody> rates, LicenseTerms terms)
    {
        for (var i = 0; i < terms.Uses.Count; i++)
        {
            var use = terms.Uses[i];
            var below = use.Purposes.Any(p => rates.FirstOrDefault(r => r.Purpose == Vocabulary<Purpose>.Name(p) && r.Modality == Vocabulary<Modality>.Name(use.Modality)) is { } floor &&
                (Below(terms.Compensation.PerRender, floor.PerRender) || Below(terms.Compensation.PerSecond, floor.PerSecond)));
            if (below)
            {
                yield return new Conflict(ReasonCode.BelowUnionFloor, rule, i);
            }
        }
    }

    private static bool Below(Money? offered, MoneyBody? floor) =>
        floor is not null && (offered is null || offered.Currency != floor.Currency || offered.Minor < floor.Minor);
}
