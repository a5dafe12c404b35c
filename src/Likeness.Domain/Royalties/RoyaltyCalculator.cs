using System.Numerics;
using Likeness.Domain.Licensing;

namespace Likeness.Domain.Royalties;

/// <summary>What a statement line is.</summary>
public enum LineKind { Usage, MinimumGuaranteeShortfall, PensionAndHealth, Adjustment }

/// <summary>
/// Completed renders of one licence use in one period, grouped by everything that changes the money. A contributor's
/// part of a render with several performers is a group of its own, naming that render and her share of it.
/// </summary>
public sealed record UsageAggregate(
    string LicenseId, int Use, long FactorE12, int SplitVersion, bool Deceased, long Renders, long Millis, string? RenderId = null, int? RenderShareBps = null);

/// <summary>A licence whose term ends in the period: what it earned over its whole term, and how a shortfall is split.</summary>
public sealed record TermEnd(string LicenseId, long EarnedMinor, int SplitVersion, bool Deceased);

/// <summary>
/// One line of a period: to one party (a payee, or the studio as licensee), for one licence use, of one kind.
/// <see cref="AmountMinor"/> is what the party is paid (or, for the studio, billed). A line for a contributor's part of
/// a render with several performers names that render (<see cref="RenderId"/>) and her share of its seconds
/// (<see cref="RenderShareBps"/>); <see cref="ShareBps"/> stays the payee's share of the line's gross.
/// </summary>
public sealed record StatementLine(
    string Period, string PartyId, string Role, string LicenseId, int? Use, LineKind Kind, string Currency,
    long Renders, long Millis, long PerRenderMinor, long PerSecondMinor, long FactorE12, long GrossMinor, int ShareBps,
    long AmountMinor, string? CorrectsPeriod = null, LineKind? AdjustedKind = null, string? RenderId = null, int? RenderShareBps = null);

/// <summary>
/// Computes a period's statements from usage alone. Pure and deterministic: the same usage, licences and splits
/// always give the same lines, so a closed period can be recomputed and compared.
/// </summary>
/// <remarks>
/// Gross of a line = (per-render × renders + per-second × seconds) × factor, rounded half up once per line.
/// Payees' shares of the gross sum exactly to it (largest remainder). The union's pension-and-health
/// contribution = gross × rate, rounded half up, added on top and billed to the studio. A minimum guarantee
/// shortfall (guarantee − everything the licence earned over its term) is due in the period of the term end.
/// </remarks>
public static class RoyaltyCalculator
{
    public const string LicenseeRole = "licensee";
    public const string PensionRole = "pensionAndHealth";

    /// <summary>The exact gross of <paramref name="renders"/> renders and <paramref name="millis"/> ms at a combined factor.</summary>
    public static long Gross(Compensation c, long renders, long millis, long factorE12)
    {
        var perRender = new BigInteger(c.PerRender?.Minor ?? 0);
        var perSecond = new BigInteger(c.PerSecond?.Minor ?? 0);
        var numerator = ((perRender * renders * 1000) + (perSecond * millis)) * factorE12;
        return Exact.RoundHalfUp(numerator, new BigInteger(1000) * Exact.One);
    }

    public static List<StatementLine> Compute(
        string period,
        IReadOnlyList<UsageAggregate> usage,
        Func<string, LicensePay> license,
        Func<string, int, SplitPlan> splits,
        IReadOnlyList<TermEnd> termEnds)
    {
        var lines = new List<StatementLine>();
        foreach (var u in usage.OrderBy(u => u.LicenseId, StringComparer.Ordinal).ThenBy(u => u.Use).ThenBy(u => u.FactorE12).ThenBy(u => u.SplitVersion).ThenBy(u => u.Deceased)
                     .ThenBy(u => u.RenderId, StringComparer.Ordinal))
        {
            var pay = license(u.LicenseId);
            if (pay.Compensation.Currency is not { } currency)
            {
                continue;
            }

            var gross = Gross(pay.Compensation, u.Renders, u.Millis, u.FactorE12);
            var line = new StatementLine(period, pay.StudioId, LicenseeRole, u.LicenseId, u.Use, LineKind.Usage, currency, u.Renders, u.Millis,
                pay.Compensation.PerRender?.Minor ?? 0, pay.Compensation.PerSecond?.Minor ?? 0, u.FactorE12, gross, 10_000, gross,
                RenderId: u.RenderId, RenderShareBps: u.RenderShareBps);
            Distribute(lines, line, pay, splits(pay.PerformerId, u.SplitVersion), u.Deceased);
        }

        foreach (var t in termEnds.OrderBy(t => t.LicenseId, StringComparer.Ordinal))
        {
            var pay = license(t.LicenseId);
            if (pay.Compensation.MinimumGuarantee is not { } mg || mg.Minor <= t.EarnedMinor)
            {
                continue;
            }

            var shortfall = mg.Minor - t.EarnedMinor;
            var line = new StatementLine(period, pay.StudioId, LicenseeRole, t.LicenseId, null, LineKind.MinimumGuaranteeShortfall, mg.Currency, 0, 0, 0, 0, Exact.One, shortfall, 10_000, shortfall);
            Distribute(lines, line, pay, splits(pay.PerformerId, t.SplitVersion), t.Deceased);
        }

        return lines;
    }

    /// <summary>Adds the studio's line, each payee's share, and the pension-and-health contribution on top.</summary>
    private static void Distribute(List<StatementLine> lines, StatementLine studioLine, LicensePay pay, SplitPlan plan, bool deceased)
    {
        lines.Add(studioLine);
        foreach (var (party, role, bps, amount) in plan.Allocate(studioLine.GrossMinor, pay.PerformerId, deceased))
        {
            lines.Add(studioLine with { PartyId = party, Role = role, ShareBps = bps, AmountMinor = amount });
        }

        if (plan.PensionUnionId is { } union && plan.PensionBps > 0)
        {
            var contribution = Exact.RoundHalfUp(new BigInteger(studioLine.GrossMinor) * plan.PensionBps, 10_000);
            var basis = studioLine with { Kind = LineKind.PensionAndHealth, ShareBps = plan.PensionBps, AmountMinor = contribution };
            lines.Add(basis);
            lines.Add(basis with { PartyId = union, Role = PensionRole });
        }
    }

    /// <summary>
    /// Adjustment lines for closed period <paramref name="corrected"/>: what it should have paid now (recomputed)
    /// minus what it paid when frozen, minus adjustments for it already carried by later closed periods.
    /// </summary>
    public static List<StatementLine> Adjustments(string period, string corrected, IEnumerable<StatementLine> recomputed, IEnumerable<StatementLine> frozen, IEnumerable<StatementLine> alreadyAdjusted)
    {
        static (string, string, string, int?, LineKind, string) Key(StatementLine l) => (l.PartyId, l.Role, l.LicenseId, l.Use, l.Kind, l.Currency);
        var delta = new Dictionary<(string, string, string, int?, LineKind, string), long>();
        foreach (var l in recomputed)
        {
            delta[Key(l)] = delta.GetValueOrDefault(Key(l)) + l.AmountMinor;
        }

        foreach (var l in frozen)
        {
            delta[Key(l)] = delta.GetValueOrDefault(Key(l)) - l.AmountMinor;
        }

        foreach (var l in alreadyAdjusted)
        {
            var key = (l.PartyId, l.Role, l.LicenseId, l.Use, l.AdjustedKind ?? LineKind.Usage, l.Currency);
            delta[key] = delta.GetValueOrDefault(key) - l.AmountMinor;
        }

        return delta.Where(d => d.Value != 0)
            .OrderBy(d => d.Key.Item1, StringComparer.Ordinal).ThenBy(d => d.Key.Item3, StringComparer.Ordinal).ThenBy(d => d.Key.Item2, StringComparer.Ordinal)
            .ThenBy(d => d.Key.Item4).ThenBy(d => d.Key.Item5)
            .Select(d => new StatementLine(period, d.Key.Item1, d.Key.Item2, d.Key.Item3, d.Key.Item4, LineKind.Adjustment, d.Key.Item6, 0, 0, 0, 0, Exact.One, 0, 0, d.Value, corrected, d.Key.Item5))
            .ToList();
    }
}
