using System.Collections.Concurrent;

namespace Likeness.Ledger;

/// <summary>
/// Remembers tiles expanded into all eight of their binary levels, so a node hash is a lookup instead of up to
/// 127 hashes. Tiles only grow, so an expansion is valid for every node it covers; one that is too narrow for a
/// node is expanded again from the current tile. Bounded: past its capacity it starts afresh.
/// </summary>
public sealed class TileNodeCache(int capacity = 8192)
{
    private readonly ConcurrentDictionary<(int Level, long Index), byte[][]> _expanded = new();

    /// <summary>A <see cref="NodeSource"/> over <paramref name="readTile"/>, answered from the cache where it can.</summary>
    public NodeSource Nodes(Func<int, long, byte[]?> readTile) => (level, index) =>
    {
        var tileLevel = level / Tiles.LevelBits;
        var within = level % Tiles.LevelBits;
        var first = index << within;
        var tileIndex = first / Tiles.Width;
        var at = (int)((first % Tiles.Width) >> within);
        if (!_expanded.TryGetValue((tileLevel, tileIndex), out var levels) || levels[within].Length < (at + 1) * Hashes.Size)
        {
            var tile = readTile(tileLevel, tileIndex) ?? throw new InvalidOperationException($"Tile {tileLevel}/{tileIndex} is missing.");
            levels = Expand(tile);
            if (levels[within].Length < (at + 1) * Hashes.Size)
            {
                throw new InvalidOperationException($"Tile {tileLevel}/{tileIndex} is too short for node {level}/{index}.");
            }

            if (_expanded.Count >= capacity)
            {
                _expanded.Clear();
            }

            _expanded[(tileLevel, tileIndex)] = levels;
        }

        return levels[within].AsSpan(at * Hashes.Size, Hashes.Size).ToArray();
    };

    /// <summary>Level 0 is the tile; level k holds the hashes of every complete group of 2^k of them.</summary>
    public static byte[][] Expand(byte[] tile)
    {
        var levels = new byte[Tiles.LevelBits][];
        levels[0] = tile;
        for (var k = 1; k < Tiles.LevelBits; k++)
        {
            var below = levels[k - 1];
            var count = below.Length / Hashes.Size / 2;
            var level = new byte[count * Hashes.Size];
            for (var i = 0; i < count; i++)
            {
                Hashes.Node(below.AsSpan(2 * i * Hashes.Size, Hashes.Size), below.AsSpan(((2 * i) + 1) * Hashes.Size, Hashes.Size), level.AsSpan(i * Hashes.Size, Hashes.Size));
            }

            levels[k] = level;
        }

        return levels;
    }
}
