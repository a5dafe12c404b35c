using System.Globalization;
using System.Text.Json;

namespace Likeness.Ledger;

/// <summary>
/// The auditor's replay of a performer's caps (docs/DOMAIN.md, "Caps"; docs/LEDGER.md): the caps of her consent in force,
/// from each <c>consent.version</c> entry's <c>caps</c>, and her renders' counters per studio, modality and month, from
/// the render entries. A reservation whose period would then hold more than a cap allows is a finding. Pure.
/// </summary>
internal sealed class CapReplay
{
    /// <summary>The counter a render reserved in: its performer, studio, modality and month (<c>yyyymm</c>).</summary>
    public readonly record struct Counter(string Performer, string Studio, string Modality, int Month);

    private sealed record Cap(string Rule, bool PerStudio, bool Yearly, int YearStartMonth, HashSet<string>? Modalities, bool Seconds, long Limit);

    private readonly Dictionary<string, Cap[]> _caps = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<Counter, (long Ms, long Renders)>> _counters = new(StringComparer.Ordinal);

    /// <summary>A new consent version: its caps (the member's JSON, or null for none) replace the performer's.</summary>
    public void Consent(string performer, string? caps)
    {
        if (caps is null)
        {
            _caps.Remove(performer);
            return;
        }

        using var doc = JsonDocument.Parse(caps);
        _caps[performer] = [.. doc.RootElement.EnumerateArray().Select(c => new Cap(
            c.GetProperty("rule").GetString()!,
            c.GetProperty("scope").GetString() == "studio",
            c.GetProperty("period").GetString() == "year",
            c.GetProperty("yearStartMonth").GetInt32(),
            c.TryGetProperty("modalities", out var m) ? [.. m.EnumerateArray().Select(x => x.GetString()!)] : null,
            c.GetProperty("metric").GetString() == "seconds",
            c.GetProperty("limit").GetInt64()))];
    }

    /// <summary>A render reserves: a finding when a cap of the performer's consent in force is passed.</summary>
    public string? Reserve(Counter counter, long reservedMs)
    {
        Add(counter, reservedMs, 1);
        if (!_caps.TryGetValue(counter.Performer, out var caps))
        {
            return null;
        }

        foreach (var cap in caps)
        {
            if (cap.Modalities is { } only && !only.Contains(counter.Modality))
            {
                continue;
            }

            var (from, to) = Period(cap, counter.Month);
            long ms = 0, renders = 0;
            foreach (var (c, n) in _counters[counter.Performer])
            {
                if (c.Month >= from && c.Month < to && (cap.Modalities?.Contains(c.Modality) ?? true) && (!cap.PerStudio || c.Studio == counter.Studio))
                {
                    ms += n.Ms;
                    renders += n.Renders;
                }
            }

            var held = cap.Seconds ? ms : renders;
            if (held > cap.Limit)
            {
                return string.Create(CultureInfo.InvariantCulture, $"a render reserved past the cap {cap.Rule}: its period holds {held} {(cap.Seconds ? "ms" : "renders")}, the cap allows {cap.Limit}");
            }
        }

        return null;
    }

    /// <summary>A render settles: its reservation is released and, when completed, its actual seconds and the render stay.</summary>
    public string? Settle(Counter counter, long reservedMs, long? actualMs)
    {
        var (ms, renders) = Add(counter, (actualMs ?? 0) - reservedMs, actualMs is null ? -1 : 0);
        return ms < 0 || renders < 0 ? "a cap counter went below zero" : null;
    }

    private (long Ms, long Renders) Add(Counter counter, long ms, long renders)
    {
        if (!_counters.TryGetValue(counter.Performer, out var counters))
        {
            counters = _counters[counter.Performer] = [];
        }

        var (m, r) = counters.GetValueOrDefault(counter);
        return counters[counter] = (m + ms, r + renders);
    }

    // The period holding a month, as CompiledCap.PeriodOf: the month itself, or the year from the cap's start month.
    private static (int From, int To) Period(Cap cap, int month)
    {
        if (!cap.Yearly)
        {
            return (month, Next(month, 1));
        }

        var year = month / 100;
        var from = ((month % 100 >= cap.YearStartMonth ? year : year - 1) * 100) + cap.YearStartMonth;
        return (from, Next(from, 12));
    }

    private static int Next(int month, int months)
    {
        var ordinal = ((month / 100) * 12) + (month % 100) - 1 + months;
        return ((ordinal / 12) * 100) + (ordinal % 12) + 1;
    }
}
