using Likeness.Domain.Common;
using Likeness.Domain.Decisions;

namespace Likeness.Domain.Policy;

/// <summary>
/// One cap of a performer's consent, compiled: which renders it counts (its scope and modalities), over which period,
/// and its limit, inclusive, in milliseconds or renders. Immutable and shared across threads like the rest of the
/// snapshot; checking it against a render allocates nothing.
/// </summary>
public sealed class CompiledCap
{
    /// <summary>Every modality: a cap without a modality constraint counts them all.</summary>
    public const ulong AllModalities = ulong.MaxValue;

    internal CompiledCap(string reference, CapTerms terms, CapMetric metric, long limit, ulong modalities)
    {
        Reference = reference;
        Scope = terms.Scope;
        Period = terms.Period;
        YearStartMonth = terms.YearStartMonth;
        Metric = metric;
        Limit = limit;
        Modalities = modalities;
    }

    /// <summary>The rule it came from, e.g. <c>consent/v3/monthly-voice</c>: what a denial names.</summary>
    public string Reference { get; }

    public CapScope Scope { get; }

    public CapPeriod Period { get; }

    /// <summary>Where a yearly period begins (1 to 12); 1 for a monthly one.</summary>
    public int YearStartMonth { get; }

    public CapMetric Metric { get; }

    /// <summary>The most the period may hold, inclusive: milliseconds for seconds, a number of renders for renders (-1 when <c>lt 0</c>).</summary>
    public long Limit { get; }

    /// <summary>The modalities it counts, one bit per <see cref="Modality"/>.</summary>
    public ulong Modalities { get; }

    /// <summary>Whether renders of <paramref name="modality"/> count against this cap.</summary>
    public bool Counts(Modality modality) => (Modalities & (1UL << (int)modality)) != 0;

    /// <summary>The period holding <paramref name="month"/>: its first month and the first month after it.</summary>
    public (int From, int To) PeriodOf(int month)
    {
        if (Period == CapPeriod.Month)
        {
            return (month, CapMonths.Add(month, 1));
        }

        var year = month / 100;
        var from = ((month % 100 >= YearStartMonth ? year : year - 1) * 100) + YearStartMonth;
        return (from, CapMonths.Add(from, 12));
    }

    /// <summary>
    /// What this cap has counted in the period holding <paramref name="month"/>, for a render of <paramref name="studioId"/>:
    /// the counters of its modalities in the period, of that studio alone when the cap is per studio.
    /// </summary>
    public CapUsage Sum(IReadOnlyList<CapCounter> counters, int month, string studioId)
    {
        var (from, to) = PeriodOf(month);
        long secondsUsed = 0, secondsReserved = 0, rendersUsed = 0, rendersReserved = 0;
        for (var i = 0; i < counters.Count; i++)
        {
            var c = counters[i];
            if (c.Month >= from && c.Month < to && Counts(c.Modality) && (Scope == CapScope.Performer || string.Equals(c.StudioId, studioId, StringComparison.Ordinal)))
            {
                secondsUsed += c.SecondsUsedMillis;
                secondsReserved += c.SecondsReservedMillis;
                rendersUsed += c.RendersUsed;
                rendersReserved += c.RendersReserved;
            }
        }

        return new CapUsage(secondsUsed, secondsReserved, rendersUsed, rendersReserved);
    }

    /// <summary>Whether a render of <paramref name="requestedMillis"/> on top of <paramref name="used"/> would pass the limit.</summary>
    public bool WouldPass(in CapUsage used, long requestedMillis) =>
        Metric == CapMetric.Seconds ? used.SecondsCommittedMillis + requestedMillis > Limit : used.RendersCommitted + 1 > Limit;

    /// <summary>What is left under the limit (never below zero).</summary>
    public long Left(in CapUsage used) => Math.Max(0, Limit - (Metric == CapMetric.Seconds ? used.SecondsCommittedMillis : used.RendersCommitted));
}
