namespace Likeness.Ledger.Verification;

/// <summary>
/// Reads every leaf hash from the level-0 tiles and recomputes the checkpoint's root from them, checking the
/// trusted root on the way: the trusted checkpoint's size is passed while the leaves stream by, so a rewritten
/// prefix is found without a second pass.
/// </summary>
internal static class LeafTiles
{
    public static async Task<(List<byte[]> Leaves, LogFinding? Finding)> ReadAsync(
        LogFetchers fetch, Checkpoint checkpoint, Checkpoint? trusted, IProgress<LogProgress>? progress, CancellationToken cancellationToken)
    {
        var builder = new RootBuilder();
        var leaves = new List<byte[]>((int)Math.Min(checkpoint.Size, int.MaxValue));
        var count = (checkpoint.Size + Tiles.Width - 1) / Tiles.Width;
        int Width(long index) => (int)Math.Min(Tiles.Width, checkpoint.Size - (index * Tiles.Width));
        long t = 0;
        await foreach (var tile in FetchWindow.InOrderAsync(count, fetch.MaxConcurrentFetches, (i, ct) => fetch.Tile(0, i, Width(i), ct), cancellationToken))
        {
            var width = Width(t);
            if (tile.Length != width * Hashes.Size)
            {
                return (leaves, new LogFinding(LogFindingKind.BadTile, t * Tiles.Width, $"tile 0/{t} has {tile.Length} bytes, not {width * Hashes.Size}"));
            }

            for (var i = 0; i < width; i++)
            {
                var leaf = tile.AsSpan(i * Hashes.Size, Hashes.Size).ToArray();
                leaves.Add(leaf);
                builder.Append(leaf);
                if (trusted is not null && builder.Size == trusted.Size && !builder.Root().AsSpan().SequenceEqual(trusted.Root))
                {
                    // Which of the first entries changed cannot be told: the verifier holds the trusted root, not its leaves.
                    return (leaves, new LogFinding(LogFindingKind.Fork, null, $"fork detected: the first {trusted.Size} entries no longer have the trusted root"));
                }
            }

            t++;
            progress?.Report(new LogProgress(LogStage.Tiles, t, count));
        }

        return builder.Root().AsSpan().SequenceEqual(checkpoint.Root)
            ? (leaves, null)
            : (leaves, new LogFinding(LogFindingKind.BadTile, null, $"the tiles do not reproduce the checkpoint's root at size {checkpoint.Size}"));
    }
}
