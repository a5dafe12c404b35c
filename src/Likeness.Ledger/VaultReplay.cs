namespace Likeness.Ledger;

/// <summary>
/// The custody vault's part of the audit (docs/CUSTODY.md): an asset's content is sealed once, released only while it is
/// sealed and not shredded, and shredded once.
/// </summary>
internal sealed class VaultReplay
{
    private readonly Dictionary<string, bool> _shredded = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flagged = new(StringComparer.Ordinal);

    public string? Sealed(string asset) => _shredded.TryAdd(asset, false) ? null : "an asset's content sealed twice";

    /// <summary>An asset's lineage recorded; <paramref name="clean"/> false flags it, and it may never be released.</summary>
    public string? Lineage(string asset, bool clean)
    {
        if (!clean)
        {
            _flagged.Add(asset);
        }

        return null;
    }

    public string? Released(string asset, bool renderOpen) =>
        !_shredded.TryGetValue(asset, out var shredded) ? "an asset released whose content was never sealed"
        : shredded ? "an asset released after its content was shredded"
        : _flagged.Contains(asset) ? "an asset released whose lineage includes a source without consent"
        : !renderOpen ? "an asset released to a render that was not authorized"
        : null;

    public string? Shredded(string asset)
    {
        if (!_shredded.TryGetValue(asset, out var shredded))
        {
            return "an asset shredded whose content was never sealed";
        }

        _shredded[asset] = true;
        return shredded ? "an asset's content shredded twice" : null;
    }
}
