namespace Likeness.Ledger;

/// <summary>
/// Computes the root of a growing tree from its leaf hashes in one pass and O(log n) memory: it keeps the
/// perfect subtrees of the right edge (a binary counter); the root folds them right to left, as RFC 9162's
/// recursive split does.
/// </summary>
public sealed class RootBuilder
{
    private readonly List<byte[]> _stack = [];
    private readonly List<int> _levels = [];

    public long Size { get; private set; }

    public void Append(ReadOnlySpan<byte> leafHash)
    {
        var h = leafHash.ToArray();
        var level = 0;
        while (_levels.Count > 0 && _levels[^1] == level)
        {
            Hashes.Node(_stack[^1], h, h);
            _stack.RemoveAt(_stack.Count - 1);
            _levels.RemoveAt(_levels.Count - 1);
            level++;
        }

        _stack.Add(h);
        _levels.Add(level);
        Size++;
    }

    /// <summary>The root of the leaves appended so far.</summary>
    public byte[] Root()
    {
        if (_stack.Count == 0)
        {
            return Hashes.EmptyRoot();
        }

        var r = (byte[])_stack[^1].Clone();
        for (var i = _stack.Count - 2; i >= 0; i--)
        {
            Hashes.Node(_stack[i], r, r);
        }

        return r;
    }
}
