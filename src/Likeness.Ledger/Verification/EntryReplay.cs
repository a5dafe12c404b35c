namespace Likeness.Ledger.Verification;

/// <summary>
/// With entry bundles (an auditor's view): every entry must hash to its leaf from the tiles, and the entries,
/// replayed in order by <see cref="LedgerAudit"/>, must tell a story that holds. The first entry that fails is
/// the finding.
/// </summary>
internal static class EntryReplay
{
    /// <summary>The finished audit, or null when the reader may not see entries; or the first finding.</summary>
    public static async Task<(LedgerAudit? Audit, LogFinding? Finding)> RunAsync(
        EntryBundleFetcher fetchBundle, int concurrency, IReadOnlyList<byte[]> leaves, IProgress<LogProgress>? progress, CancellationToken cancellationToken)
    {
        long size = leaves.Count;
        if (size == 0)
        {
            return (null, null);
        }

        var audit = new LedgerAudit();
        var count = (size + Tiles.Width - 1) / Tiles.Width;
        long t = 0;
        await foreach (var bundle in FetchWindow.InOrderAsync(count, concurrency, (i, ct) => fetchBundle(i, Width(i, size), ct), cancellationToken))
        {
            var width = Width(t, size);
            if (bundle is null)
            {
                // Entries are for auditors: a first refusal means this reader is not one, and is not a finding.
                return t == 0
                    ? (null, null)
                    : (null, new LogFinding(LogFindingKind.BadEntryBundle, t * Tiles.Width, $"entry bundle {t} was withheld after earlier ones were served"));
            }

            if (!TryRead(bundle, out var entries))
            {
                return (null, new LogFinding(LogFindingKind.BadEntryBundle, t * Tiles.Width, $"entry bundle {t} is not a well-formed bundle"));
            }

            for (var i = 0; i < width; i++)
            {
                var index = (t * Tiles.Width) + i;
                if (i >= entries.Count)
                {
                    return (null, new LogFinding(LogFindingKind.EntryRemoved, index, $"entry {index} is missing from the server's entries"));
                }

                var leaf = Hashes.Leaf(entries[i]);
                if (!leaf.AsSpan().SequenceEqual(leaves[(int)index]))
                {
                    var next = i + 1 < entries.Count ? Hashes.Leaf(entries[i + 1]) : await FirstOfNextAsync(fetchBundle, t, size, cancellationToken);
                    return (null, EntryMismatch.Classify(index, leaf, next, leaves));
                }

                if (audit.Next(entries[i]) is { } broken)
                {
                    return (null, new LogFinding(LogFindingKind.BrokenStory, broken.Index, $"entry {broken.Index} breaks the story: {broken.Problem}"));
                }
            }

            t++;
            progress?.Report(new LogProgress(LogStage.Entries, t, count));
        }

        return (audit, null);
    }

    private static int Width(long tile, long size) => (int)Math.Min(Tiles.Width, size - (tile * Tiles.Width));

    /// <summary>The leaf of the entry served after a bundle's last one, so a mismatch on a bundle's edge is named as well as one inside it.</summary>
    private static async Task<byte[]?> FirstOfNextAsync(EntryBundleFetcher fetchBundle, long tile, long size, CancellationToken cancellationToken)
    {
        if ((tile + 1) * Tiles.Width >= size)
        {
            return null;
        }

        var bundle = await fetchBundle(tile + 1, Width(tile + 1, size), cancellationToken);
        return bundle is not null && TryRead(bundle, out var entries) && entries.Count > 0 ? Hashes.Leaf(entries[0]) : null;
    }

    private static bool TryRead(byte[] bundle, out List<byte[]> entries)
    {
        try
        {
            entries = EntryBundle.Read(bundle);
            return true;
        }
        catch (FormatException)
        {
            entries = [];
            return false;
        }
    }
}
