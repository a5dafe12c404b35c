namespace Likeness.Ledger;

/// <summary>A tile to write: level, index, and its bytes (a partial tile while its width is below 256).</summary>
public sealed record TileUpdate(int Level, long Index, byte[] Data)
{
    public int Width => Data.Length / Hashes.Size;
}

/// <summary>
/// Integrates new leaves into the tiles of a tree, pure: given the existing tiles (through a reader) and the
/// leaf hashes that follow <c>oldSize</c>, it returns every tile that changed and the new root. Storage only
/// writes what it returns (the Tessera model: tiles and checkpoints, nothing else).
/// </summary>
public static class TileIntegrator
{
    public static (IReadOnlyList<TileUpdate> Tiles, byte[] Root) Integrate(long oldSize, IReadOnlyList<byte[]> leafHashes, Func<int, long, byte[]?> readTile)
    {
        // Each changed tile grows in a buffer of a full tile's size and is cut to its width once at the end (growing a
        // fresh array per appended hash allocated ~1 MB for every full tile).
        var changed = new Dictionary<(int, long), (byte[] Buffer, int Length)>();

        void Append(int level, long position, ReadOnlySpan<byte> hash)
        {
            var index = position / Tiles.Width;
            var offset = (int)(position % Tiles.Width);
            if (!changed.TryGetValue((level, index), out var tile))
            {
                var stored = readTile(level, index) ?? [];
                tile = (new byte[Tiles.Width * Hashes.Size], stored.Length);
                stored.CopyTo(tile.Buffer, 0);
            }

            // INVARIANT: a tile grows only at its end; anything else means the stored tiles are not the tree we think.
            if (tile.Length != offset * Hashes.Size)
            {
                throw new InvalidOperationException($"Tile {level}/{index} holds {tile.Length / Hashes.Size} hashes where {offset} were expected.");
            }

            hash.CopyTo(tile.Buffer.AsSpan(tile.Length));
            tile.Length += Hashes.Size;
            changed[(level, index)] = tile;
            if (offset == Tiles.Width - 1)
            {
                Append(level + 1, index, Tiles.TileRoot(tile.Buffer));
            }
        }

        for (var i = 0; i < leafHashes.Count; i++)
        {
            Append(0, oldSize + i, leafHashes[i]);
        }

        var written = changed.ToDictionary(
            kv => kv.Key,
            kv => kv.Value.Length == kv.Value.Buffer.Length ? kv.Value.Buffer : kv.Value.Buffer.AsSpan(0, kv.Value.Length).ToArray());
        byte[]? Read(int level, long index) => written.TryGetValue((level, index), out var t) ? t : readTile(level, index);
        var root = TreeMath.Root(Tiles.Nodes(Read), oldSize + leafHashes.Count);
        return (written.Select(kv => new TileUpdate(kv.Key.Item1, kv.Key.Item2, kv.Value)).ToList(), root);
    }
}
