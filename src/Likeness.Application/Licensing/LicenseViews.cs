using Likeness.Application.Contracts;
using Likeness.Application.Model;
using Likeness.Domain.Common;
using Likeness.Domain.Licensing;

namespace Likeness.Application.Licensing;

/// <summary>Maps stored licences and requests to their API views.</summary>
public static class LicenseViews
{
    public static LicenseView ToView(LicenseRecord l, IReadOnlyList<UseBudgetRecord> budgets, DateTimeOffset now)
    {
        var budgetViews = l.Terms.Uses.Select((u, i) =>
        {
            var b = budgets.FirstOrDefault(x => x.UseIndex == i) ?? new UseBudgetRecord(i, 0, 0, 0, 0);
            return new BudgetView(
                i,
                u.MaxSyntheticMillis is { } ms ? Millis.ToSeconds(ms) : null,
                Millis.ToSeconds(b.SecondsUsedMillis),
                Millis.ToSeconds(b.SecondsReservedMillis),
                u.MaxSyntheticMillis is { } m2 ? Millis.ToSeconds(Math.Max(0, m2 - b.SecondsUsedMillis - b.SecondsReservedMillis)) : null,
                u.MaxRenders,
                b.RendersUsed,
                b.RendersReserved,
                u.MaxRenders is { } r ? Math.Max(0, r - b.RendersUsed - b.RendersReserved) : null);
        }).ToArray();
        var exhausted = l.Terms.Uses.Select((u, i) => (u, b: budgetViews[i]))
            .All(x => x.b.SecondsRemaining == 0 || x.b.RendersRemaining == 0);
        var status = LicenseLifecycle.StatusAt(now, l.StoredStatus, l.RevocationEffectiveAt, l.Terms.TermEnd, exhausted, l.SuspendedAt(now));
        return new LicenseView(
            l.Id, StatusName(status), l.RequestId, l.PerformerId, l.StudioId, TermsMapper.ToView(l.Terms), l.Token, l.ApprovedAt,
            l.Terms.TermEnd, l.RevocationEffectiveAt, l.EstateConfirmed, l.ConsentVersion, l.Attestation, budgetViews, l.LedgerIndex, l.RateOverride)
        {
            Suspensions = [.. l.Suspensions.Select(x => new SuspensionView(
                x.Owner == Suspension.PerformerSide ? "performer" : "union", x.Owner == Suspension.PerformerSide ? null : x.Owner["union:".Length..], x.Strike,
                DateTimeOffset.FromUnixTimeMilliseconds(x.FromMillis), x.ToMillis == long.MaxValue ? null : DateTimeOffset.FromUnixTimeMilliseconds(x.ToMillis),
                x.HoldsAt(now.ToUnixTimeMilliseconds()), x.Reference))],
        };
    }

    /// <summary>
    /// The licence as <paramref name="caller"/> may see it: whole for the performer side, the licensee and an auditor;
    /// for a union, its existence, state, scope and budgets without the compensation or the token (a union checks
    /// scope during a strike, and a floor through <c>rateOverride</c>; members' pay is theirs).
    /// </summary>
    public static LicenseView For(PartyRecord caller, PartyRecord? performer, LicenseRecord l, IReadOnlyList<UseBudgetRecord> budgets, DateTimeOffset now)
    {
        var view = ToView(l, budgets, now);
        return Access.AccessRules.SeesLicenceWhole(caller, l, performer) ? view : view with { Token = null, Terms = view.Terms with { Compensation = null } };
    }

    public static string StatusName(LicenseStatus s) => s switch
    {
        LicenseStatus.RevocationPending => "revocationPending",
        _ => Vocabulary<LicenseStatus>.Name(s),
    };
}
