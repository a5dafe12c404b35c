using Likeness.Application.Model;
using Likeness.Application.Ports;
using Likeness.Domain.Common;
using Likeness.Domain.Decisions;
using Likeness.Domain.Licensing;

namespace Likeness.Application.Renders;

/// <summary>
/// How the gateway counts a performer's renders against her caps (docs/DOMAIN.md, "Caps"): a render reserves in the
/// counter of its performer, studio, modality and month (the month it reserved in) exactly as it reserves in its licence
/// use's budget, and settles or releases there. Every render is counted, capped or not, so that a cap set later sees the
/// period's whole use.
/// </summary>
internal static class CapCounting
{
    /// <summary>
    /// What each cap of the snapshot's consent counted in its period holding <paramref name="month"/>, for a render of the
    /// snapshot's studio, as the session sees the counters; reads nothing when the consent has no caps.
    /// </summary>
    public static void Fill(IStoreSession s, CompiledLicense snapshot, int month, Span<CapUsage> usage)
    {
        var caps = snapshot.Consent.Caps;
        if (caps.Length == 0)
        {
            return;
        }

        var from = month;
        foreach (var cap in caps)
        {
            from = Math.Min(from, cap.PeriodOf(month).From);
        }

        var counters = s.GetCapCounters(snapshot.PerformerId, from);
        for (var i = 0; i < caps.Length; i++)
        {
            usage[i] = caps[i].Sum(counters, month, snapshot.StudioId);
        }
    }

    /// <summary>Reserves an authorized render's seconds and one render in the counter of <see cref="RenderRecord.CapMonth"/>.</summary>
    public static void Reserve(IStoreSession s, RenderRecord r, Modality modality) =>
        s.AdjustCapCounter(r.PerformerId, r.StudioId, modality, r.CapMonth!.Value, 0, r.ReservedMillis, 0, 1);

    /// <summary>Releases a render's reservation from its counter and, when it completed, uses its actual seconds and one render.</summary>
    public static void Settle(IStoreSession s, RenderRecord settled, Modality modality)
    {
        if (settled.CapMonth is not { } month)
        {
            // Reserved before caps were counted: it holds nothing in any counter.
            return;
        }

        var completed = settled.Status == RenderStatus.Completed;
        s.AdjustCapCounter(settled.PerformerId, settled.StudioId, modality, month, completed ? settled.ActualMillis!.Value : 0, -settled.ReservedMillis, completed ? 1 : 0, -1);
    }
}
