using Likeness.Domain.Common;
using Likeness.Domain.Decisions;

namespace Likeness.Storage.Relational;

/// <summary>
/// The cap counters the writer has read and changed, kept in memory like <see cref="WriterBudgets"/>: a performer's
/// counters are read from the database once (from the earliest month a cap asked for), every change is applied here at
/// once, and the database receives one net change per counter when a batch is flushed.
/// </summary>
/// <remarks>
/// INVARIANT: as for <see cref="WriterBudgets"/>: true inside a write transaction holding the write lock, kept from one
/// batch to the next only while no other writer committed in between (see <see cref="WriterCache"/>).
/// </remarks>
internal sealed class WriterCaps
{
    private readonly Dictionary<string, Known> _current = new(StringComparer.Ordinal);
    private readonly Dictionary<CounterKey, BudgetDelta> _unsent = [];
    private readonly List<(CounterKey Key, BudgetDelta Delta)> _ofCommand = [];

    /// <summary>How many performers' counters are remembered.</summary>
    public int Count => _current.Count;

    /// <summary>
    /// A performer's counters from <paramref name="fromMonth"/> on (and maybe earlier ones), if they were read already. Not a
    /// copy (a render is decided on them on every authorization): valid until the next change.
    /// </summary>
    public IReadOnlyList<CapCounter>? TryGet(string performerId, int fromMonth) =>
        _current.TryGetValue(performerId, out var known) && known.FromMonth <= fromMonth ? known.Rows : null;

    /// <summary>Keeps the counters just read from the database, with the changes not yet sent applied; as <see cref="TryGet"/>.</summary>
    public IReadOnlyList<CapCounter> Remember(string performerId, int fromMonth, IReadOnlyList<CapCounter> stored)
    {
        var known = new Known(fromMonth);
        foreach (var c in stored)
        {
            known.Set(c);
        }

        foreach (var (key, delta) in _unsent)
        {
            if (key.Performer == performerId && key.Month >= fromMonth)
            {
                known.Apply(key, delta);
            }
        }

        _current[performerId] = known;
        return known.Rows;
    }

    /// <summary>Applies a change; the running command's changes are kept apart until it ends.</summary>
    public void Adjust(string performerId, string studioId, Modality modality, int month, BudgetDelta delta)
    {
        var key = new CounterKey(performerId, studioId, modality, month);
        Add(key, delta);
        _ofCommand.Add((key, delta));
    }

    /// <summary>A command begins: its changes start from nothing.</summary>
    public void BeginCommand() => _ofCommand.Clear();

    /// <summary>The command that ran last failed: its changes are taken back.</summary>
    public void UndoCommand()
    {
        foreach (var (key, delta) in _ofCommand)
        {
            Add(key, delta.Negate());
        }

        _ofCommand.Clear();
    }

    /// <summary>The net changes not yet sent, each counter once; afterwards nothing is unsent.</summary>
    public List<(CounterKey Key, BudgetDelta Delta)> TakeUnsent()
    {
        var list = _unsent.Where(u => !u.Value.IsZero).Select(u => (u.Key, u.Value)).ToList();
        _unsent.Clear();
        _ofCommand.Clear();
        return list;
    }

    /// <summary>Forgets everything.</summary>
    public void Clear()
    {
        _current.Clear();
        _unsent.Clear();
        _ofCommand.Clear();
    }

    private void Add(CounterKey key, BudgetDelta delta)
    {
        _unsent[key] = _unsent.TryGetValue(key, out var d) ? d.Plus(delta) : delta;
        if (_current.TryGetValue(key.Performer, out var known) && key.Month >= known.FromMonth)
        {
            known.Apply(key, delta);
        }
    }

    /// <summary>One counter: a performer's renders of one studio and modality in one month.</summary>
    internal readonly record struct CounterKey(string Performer, string Studio, Modality Modality, int Month);

    /// <summary>A performer's counters from a month on, as this transaction sees them: a list (what a decision sums) and where each is in it.</summary>
    private sealed class Known(int fromMonth)
    {
        private readonly Dictionary<(int Month, string Studio, Modality Modality), int> _index = [];

        public int FromMonth { get; } = fromMonth;

        public List<CapCounter> Rows { get; } = [];

        public void Set(CapCounter c)
        {
            if (_index.TryGetValue((c.Month, c.StudioId, c.Modality), out var i))
            {
                Rows[i] = c;
            }
            else
            {
                _index[(c.Month, c.StudioId, c.Modality)] = Rows.Count;
                Rows.Add(c);
            }
        }

        public void Apply(CounterKey key, BudgetDelta d)
        {
            var row = _index.TryGetValue((key.Month, key.Studio, key.Modality), out var i) ? Rows[i] : new CapCounter(key.Studio, key.Modality, key.Month, 0, 0, 0, 0);
            Set(row with
            {
                SecondsUsedMillis = row.SecondsUsedMillis + d.SecondsUsed,
                SecondsReservedMillis = row.SecondsReservedMillis + d.SecondsReserved,
                RendersUsed = row.RendersUsed + d.RendersUsed,
                RendersReserved = row.RendersReserved + d.RendersReserved,
            });
        }
    }
}
