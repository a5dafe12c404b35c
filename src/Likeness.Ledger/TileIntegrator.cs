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
        var changed = new Dictionary<(int, long), byte[]>();
        byte[]? Read(int level, long index) => changed.TryGetValue((level, index), out var t) ? t : readTile(level, index);

        void Append(int level, long position, byte[] hash)
        {
            var index = position / Tiles.Width;
            var offset = (int)(position % Tiles.Width);
            var tile = Read(level, index) ?? [];

            // INVARIANT: a tile grows only at its end; anything else means the stored tiles are not the tree we think.
            if (tile.Length != offset * Hashes.Size)
            {
                throw new InvalidOperationException($"Tile {level}/{index} holds {tile.Length / Hashes.Size} hashes where {offset} were expected.");
            }

            var grown = new byte[tile.Length + Hashes.Size];
            tile.CopyTo(grown, 0);
            hash.CopyTo(grown, tile.Length);
            changed[(level, index)] = grown;
            if (offset == Tiles.Width - 1)
            {
                Append(level + 1, index, Tiles.TileRoot(grown));
            }
        }

        for (var i = 0; i < leafHashes.Count; i++)
        {
            Append(0, oldSize + i, leafHashes[i]);
        }

        var root = TreeMath.Root(Tiles.Nodes(Read), oldSize + leafHashes.Count);
        return (changed.Select(kv => new TileUpdate(kv.Key.Item1, kv.Key.Item2, kv.Value)).ToList(), root);
    }
}
