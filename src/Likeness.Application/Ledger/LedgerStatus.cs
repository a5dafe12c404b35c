namespace Likeness.Application.Ledger;

/// <summary>How far the ledger has come: the entries appended, and how many of them the latest checkpoint covers.</summary>
public sealed record LedgerStatus(long Entries, long Integrated)
{
    /// <summary>Entries appended but not yet integrated into the tree (and so not yet in a signed checkpoint).</summary>
    public long Lag => Math.Max(0, Entries - Integrated);
}
