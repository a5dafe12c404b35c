using Likeness.Application.Model;

namespace Likeness.Storage.Relational;

/// <summary>
/// The budgets the writer has read and changed, kept in memory while its writes are deferred: a budget is read from the
/// database once, every change is applied here at once, and the database receives one net update per budget when a
/// batch is flushed. The render path then neither reads nor updates the same budget row once per command.
/// </summary>
/// <remarks>
/// INVARIANT: true inside a write transaction that holds the write lock (on PostgreSQL the cluster-wide advisory lock),
/// because then every change to a budget passes through this session; kept from one batch to the next only while no
/// other writer committed in between (see <see cref="WriterCache"/>).
/// </remarks>
internal sealed class WriterBudgets
{
    private readonly Dictionary<string, UseBudgetRecord[]> _current = new(StringComparer.Ordinal);
    private readonly Dictionary<(string License, int Use), BudgetDelta> _unsent = [];
    private readonly List<(string License, int Use, BudgetDelta Delta)> _ofCommand = [];

    /// <summary>The budgets of a licence as this transaction sees them, if they were read already.</summary>
    public UseBudgetRecord[]? TryGet(string licenseId) => _current.TryGetValue(licenseId, out var b) ? [.. b] : null;

    /// <summary>Keeps the budgets just read from the database, with the changes not yet sent applied.</summary>
    public UseBudgetRecord[] Remember(string licenseId, IReadOnlyList<UseBudgetRecord> stored)
    {
        var current = stored.ToArray();
        for (var i = 0; i < current.Length; i++)
        {
            if (_unsent.TryGetValue((licenseId, current[i].UseIndex), out var d))
            {
                current[i] = d.ApplyTo(current[i]);
            }
        }

        _current[licenseId] = current;
        return [.. current];
    }

    /// <summary>Applies a change; the running command's changes are kept apart until it ends.</summary>
    public void Adjust(string licenseId, int useIndex, BudgetDelta delta)
    {
        Add(licenseId, useIndex, delta);
        _ofCommand.Add((licenseId, useIndex, delta));
    }

    /// <summary>A command begins: its changes start from nothing.</summary>
    public void BeginCommand() => _ofCommand.Clear();

    /// <summary>The command that ran last failed: its changes are taken back.</summary>
    public void UndoCommand()
    {
        foreach (var (license, use, delta) in _ofCommand)
        {
            Add(license, use, delta.Negate());
        }

        _ofCommand.Clear();
    }

    /// <summary>The net changes not yet sent, each budget once; afterwards nothing is unsent.</summary>
    public List<(string License, int Use, BudgetDelta Delta)> TakeUnsent()
    {
        var list = _unsent.Where(u => !u.Value.IsZero).Select(u => (u.Key.License, u.Key.Use, u.Value)).ToList();
        _unsent.Clear();
        _ofCommand.Clear();
        return list;
    }

    /// <summary>Forgets one licence's budgets (its rows were just created).</summary>
    public void Forget(string licenseId) => _current.Remove(licenseId);

    /// <summary>Forgets everything.</summary>
    public void Clear()
    {
        _current.Clear();
        _unsent.Clear();
        _ofCommand.Clear();
    }

    private void Add(string licenseId, int useIndex, BudgetDelta delta)
    {
        _unsent[(licenseId, useIndex)] = _unsent.TryGetValue((licenseId, useIndex), out var d) ? d.Plus(delta) : delta;
        if (_current.TryGetValue(licenseId, out var budgets))
        {
            for (var i = 0; i < budgets.Length; i++)
            {
                if (budgets[i].UseIndex == useIndex)
                {
                    budgets[i] = delta.ApplyTo(budgets[i]);
                }
            }
        }
    }
}

/// <summary>A change to one use's budget: seconds in milliseconds, renders as counts.</summary>
internal readonly record struct BudgetDelta(long SecondsUsed, long SecondsReserved, long RendersUsed, long RendersReserved)
{
    public bool IsZero => SecondsUsed == 0 && SecondsReserved == 0 && RendersUsed == 0 && RendersReserved == 0;

    public BudgetDelta Plus(BudgetDelta o) =>
        new(SecondsUsed + o.SecondsUsed, SecondsReserved + o.SecondsReserved, RendersUsed + o.RendersUsed, RendersReserved + o.RendersReserved);

    public BudgetDelta Negate() => new(-SecondsUsed, -SecondsReserved, -RendersUsed, -RendersReserved);

    public UseBudgetRecord ApplyTo(UseBudgetRecord b) => b with
    {
        SecondsUsedMillis = b.SecondsUsedMillis + SecondsUsed,
        SecondsReservedMillis = b.SecondsReservedMillis + SecondsReserved,
        RendersUsed = b.RendersUsed + RendersUsed,
        RendersReserved = b.RendersReserved + RendersReserved,
    };
}
