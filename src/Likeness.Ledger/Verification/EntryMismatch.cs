namespace Likeness.Ledger.Verification;

/// <summary>
/// Names what happened at the first index where the server's entry does not hash to the log's leaf, from the
/// entry served there, the one served after it, and the log's leaves: a changed entry hashes to no leaf; a
/// removed one leaves the next leaf in its place; an inserted one pushes the expected leaf one further; a moved
/// one is some other leaf of the log.
/// </summary>
internal static class EntryMismatch
{
    public static LogFinding Classify(long index, byte[] servedLeaf, byte[]? nextServedLeaf, IReadOnlyList<byte[]> leaves)
    {
        var expected = leaves[(int)index];
        var nextIsExpected = nextServedLeaf is not null && nextServedLeaf.AsSpan().SequenceEqual(expected);
        var at = Find(servedLeaf, index, leaves);
        if (at < 0)
        {
            return nextIsExpected
                ? new LogFinding(LogFindingKind.EntryInserted, index, $"an entry the log does not have was inserted at {index}, pushing the log's entry {index} along")
                : new LogFinding(LogFindingKind.EntryChanged, index, $"entry {index} was changed: it does not hash to its leaf in the log");
        }

        if (at == index + 1 && !nextIsExpected)
        {
            return new LogFinding(LogFindingKind.EntryRemoved, index, $"entry {index} was removed: the server serves the log's entry {at} in its place");
        }

        return new LogFinding(LogFindingKind.EntryMoved, index, $"entry {index} was moved: the server serves the log's entry {at} in its place");
    }

    /// <summary>The log index of a leaf, looking first where a removal would put it; -1 when the log has no such leaf.</summary>
    private static long Find(byte[] leaf, long index, IReadOnlyList<byte[]> leaves)
    {
        if (index + 1 < leaves.Count && leaves[(int)index + 1].AsSpan().SequenceEqual(leaf))
        {
            return index + 1;
        }

        // One linear pass, once per verification: only the first mismatch is classified.
        for (var i = 0; i < leaves.Count; i++)
        {
            if (leaves[i].AsSpan().SequenceEqual(leaf))
            {
                return i;
            }
        }

        return -1;
    }
}
