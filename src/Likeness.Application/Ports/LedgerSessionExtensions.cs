using Likeness.Ledger;

namespace Likeness.Application.Ports;

/// <summary>Appending a ledger entry with the leaf hash the store keeps beside it.</summary>
public static class LedgerSessionExtensions
{
    /// <summary>Appends <paramref name="entry"/> (its leaf hash computed here) and returns its index.</summary>
    public static long AppendLedgerEntry(this IStoreSession session, byte[] entry)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.AppendLedgerEntry(entry, Hashes.Leaf(entry));
    }
}
