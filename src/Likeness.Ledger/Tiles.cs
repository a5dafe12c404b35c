using System.Globalization;
using System.Text;

namespace Likeness.Ledger;

/// <summary>
/// C2SP tlog-tiles: a level-L tile holds up to 256 hashes of subtrees of 256^L leaves (binary level 8·L);
/// the right edge of a checkpointed tree is a partial tile of width 1..255. Paths and the subtree math that
/// turns tiles into any node hash.
/// </summary>
public static class Tiles
{
    public const int Width = 256;
    public const int LevelBits = 8;

    /// <summary><c>tile/L/N[.p/W]</c>, or <c>tile/entries/N[.p/W]</c> when <paramref name="level"/> is null.</summary>
    public static string Path(int? level, long index, int width)
    {
        var sb = new StringBuilder("tile/");
        sb.Append(level is { } l ? l.ToString(CultureInfo.InvariantCulture) : "entries").Append('/').Append(EncodeIndex(index));
        if (width < Width)
        {
            sb.Append(".p/").Append(width.ToString(CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }

    /// <summary>1234067 → <c>x001/x234/067</c>: groups of three digits, all but the last prefixed with x.</summary>
    public static string EncodeIndex(long n)
    {
        var groups = new List<string>();
        do
        {
            groups.Insert(0, (n % 1000).ToString("000", CultureInfo.InvariantCulture));
            n /= 1000;
        }
        while (n > 0);

        for (var i = 0; i < groups.Count - 1; i++)
        {
            groups[i] = "x" + groups[i];
        }

        return string.Join('/', groups);
    }

    // The last tile index whose first hash still has an index below 2^63.
    private const long MaxIndex = long.MaxValue / Width;

    /// <summary>Parses the part after <c>tile/</c>: the level (null for entries), index and width; false when malformed.</summary>
    public static bool TryParse(string rest, out int? level, out long index, out int width)
    {
        level = null;
        index = 0;
        width = Width;
        var parts = rest.Split('/');
        if (parts.Length < 2)
        {
            return false;
        }

        if (parts[0] != "entries")
        {
            if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var l) || l > 63 || parts[0].Length > 2)
            {
                return false;
            }

            level = l;
        }

        var last = parts.Length - 1;
        if (parts.Length >= 3 && parts[^2].EndsWith(".p", StringComparison.Ordinal))
        {
            if (!int.TryParse(parts[^1], NumberStyles.None, CultureInfo.InvariantCulture, out width) || width is < 1 or >= Width || parts[^1].Length > 3)
            {
                return false;
            }

            parts[^2] = parts[^2][..^2];
            last = parts.Length - 2;
        }

        for (var i = 1; i <= last; i++)
        {
            var g = parts[i];
            var isLast = i == last;
            if (g.Length != (isLast ? 3 : 4) || (!isLast && g[0] != 'x'))
            {
                return false;
            }

            if (!int.TryParse(isLast ? g : g[1..], NumberStyles.None, CultureInfo.InvariantCulture, out var v))
            {
                return false;
            }

            // A path naming a tile beyond any log (2^63 hashes) is not a tile path, not an overflow.
            if (index > (MaxIndex - v) / 1000)
            {
                return false;
            }

            index = (index * 1000) + v;
        }

        return true;
    }

    /// <summary>The hash of the full 256-wide tile: eight levels of pairwise hashing.</summary>
    public static byte[] TileRoot(ReadOnlySpan<byte> fullTile) => Reduce(fullTile, LevelBits);

    /// <summary>Hashes 2^levels consecutive hashes pairwise, <paramref name="levels"/> times, into one.</summary>
    public static byte[] Reduce(ReadOnlySpan<byte> hashes, int levels)
    {
        var work = hashes.ToArray();
        var count = 1 << levels;
        for (var l = 0; l < levels; l++)
        {
            count >>= 1;
            for (var i = 0; i < count; i++)
            {
                Hashes.Node(work.AsSpan(2 * i * Hashes.Size, Hashes.Size), work.AsSpan(((2 * i) + 1) * Hashes.Size, Hashes.Size), work.AsSpan(i * Hashes.Size, Hashes.Size));
            }
        }

        return work.AsSpan(0, Hashes.Size).ToArray();
    }

    /// <summary>
    /// A <see cref="NodeSource"/> over tiles: the node at binary level <c>ℓ</c> is built from the tile at level
    /// <c>ℓ/8</c>, hashing <c>2^(ℓ mod 8)</c> of its hashes together. <paramref name="readTile"/> returns a tile's
    /// bytes (possibly partial) or null.
    /// </summary>
    public static NodeSource Nodes(Func<int, long, byte[]?> readTile) => (level, index) =>
    {
        var tileLevel = level / LevelBits;
        var within = level % LevelBits;
        var first = index << within;
        var tile = readTile(tileLevel, first / Width) ?? throw new InvalidOperationException($"Tile {tileLevel}/{first / Width} is missing.");
        var offset = (int)(first % Width) * Hashes.Size;
        var length = (1 << within) * Hashes.Size;
        if (tile.Length < offset + length)
        {
            throw new InvalidOperationException($"Tile {tileLevel}/{first / Width} is too short for node {level}/{index}.");
        }

        return Reduce(tile.AsSpan(offset, length), within);
    };
}
