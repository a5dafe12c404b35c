using Likeness.Application.Access;
using Likeness.Application.Common;
using Likeness.Application.Model;
using Likeness.Application.Ports;
using Likeness.Application.Renders;
using Likeness.Domain.Common;
using Likeness.Domain.Decisions;
using Likeness.Domain.Policy;

namespace Likeness.Application.Caps;

/// <summary>
/// What a performer's caps have counted this period. Her side alone reads it: a studio learns that a cap denied it (the
/// denial names the cap's rule), never what the other studios used, so to anyone else the performer is not found.
/// </summary>
public sealed class CapService(IStore store, TimeProvider clock, SnapshotCache snapshots)
{
    public Task<CapsView> GetAsync(PartyRecord caller, string performerId, CancellationToken ct = default) =>
        store.ReadAsync(
            s =>
            {
                var performer = s.GetParty(performerId);
                if (performer is null || !AccessRules.IsPerformerSide(caller, performer))
                {
                    throw AppProblem.NotFound("performer");
                }

                var now = clock.GetUtcNow();
                var month = CapMonths.Of(now);
                var consent = snapshots.ConsentFor(s.GetCurrentConsent(performerId));
                var caps = consent.Caps;
                var from = caps.Length == 0 ? month : caps.Min(c => c.PeriodOf(month).From);
                IReadOnlyList<CapCounter> counters = caps.Length == 0 ? [] : s.GetCapCounters(performerId, from);
                return new CapsView(performerId, consent.Version, now, [.. caps.Select(c => View(c, counters, month))]);
            },
            ct);

    private static CapView View(CompiledCap cap, IReadOnlyList<CapCounter> counters, int month)
    {
        var (from, to) = cap.PeriodOf(month);
        IReadOnlyList<string>? modalities = cap.Modalities == CompiledCap.AllModalities ? null : [.. Vocabulary<Modality>.All.Where(cap.Counts).Select(Vocabulary<Modality>.Name)];
        var view = new CapView(
            cap.Reference, Vocabulary<CapScope>.Name(cap.Scope), Vocabulary<CapMetric>.Name(cap.Metric), Vocabulary<CapPeriod>.Name(cap.Period),
            cap.Period == CapPeriod.Year ? cap.YearStartMonth : null, modalities, CapMonths.Start(from), CapMonths.Start(to),
            Amount(cap, Math.Max(0, cap.Limit)), null, null, null, null);
        if (cap.Scope == CapScope.Performer)
        {
            var usage = cap.Sum(counters, month, "");
            return view with { Used = Used(cap, usage), Reserved = Reserved(cap, usage), Left = Amount(cap, cap.Left(usage)) };
        }

        var studios = counters.Where(c => c.Month >= from && c.Month < to && cap.Counts(c.Modality)).Select(c => c.StudioId).Distinct().Order(StringComparer.Ordinal)
            .Select(studio => (studio, usage: cap.Sum(counters, month, studio)))
            .Select(x => new StudioCapView(x.studio, Used(cap, x.usage), Reserved(cap, x.usage), Amount(cap, cap.Left(x.usage))));
        return view with { Studios = [.. studios] };
    }

    // Seconds are decimals of whole milliseconds; renders are counts.
    private static decimal Amount(CompiledCap cap, long value) => cap.Metric == CapMetric.Seconds ? Millis.ToSeconds(value) : value;

    private static decimal Used(CompiledCap cap, in CapUsage u) => cap.Metric == CapMetric.Seconds ? Millis.ToSeconds(u.SecondsUsedMillis) : u.RendersUsed;

    private static decimal Reserved(CompiledCap cap, in CapUsage u) => cap.Metric == CapMetric.Seconds ? Millis.ToSeconds(u.SecondsReservedMillis) : u.RendersReserved;
}
