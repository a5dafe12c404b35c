namespace Likeness.Ledger;

/// <summary>
/// The custody vault's part of the audit (docs/CUSTODY.md): an asset's content is sealed once, released only while it is
/// sealed and not shredded, and shredded once.
/// </summary>
internal sealed class VaultReplay
{
    private readonly Dictionary<string, bool> _shredded = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flagged = new(StringComparer.Ordinal);
    private readonly Dictionary<string, GrantState> _grants = new(StringComparer.Ordinal);

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

    /// <summary>A release; <paramref name="grant"/> is named by entries written since retention (older ones name none).</summary>
    public string? Released(string asset, bool renderOpen, string? grant, string studio)
    {
        var error = !_shredded.TryGetValue(asset, out var shredded) ? "an asset released whose content was never sealed"
            : shredded ? "an asset released after its content was shredded"
            : _flagged.Contains(asset) ? "an asset released whose lineage includes a source without consent"
            : !renderOpen ? "an asset released to a render that was not authorized"
            : null;
        if (error is null && grant is not null && !_grants.TryAdd(grant, new GrantState(studio)))
        {
            return "an asset grant released twice";
        }

        return error;
    }

    /// <summary>A studio's copy recorded overdue: released to that studio, neither deleted nor overdue before.</summary>
    public string? Overdue(string grant, string studio)
    {
        if (!_grants.TryGetValue(grant, out var g) || g.Studio != studio)
        {
            return "a retention overdue for a release never made to that studio";
        }

        if (g.Deleted || g.Overdue)
        {
            return g.Deleted ? "a retention overdue after the copy's deletion" : "a retention recorded overdue twice";
        }

        g.Overdue = true;
        return null;
    }

    /// <summary>A studio's statement that it deleted its copy: of a release to it, once.</summary>
    public string? Deleted(string grant, string studio)
    {
        if (!_grants.TryGetValue(grant, out var g) || g.Studio != studio)
        {
            return "a deletion stated for a release never made to that studio";
        }

        if (g.Deleted)
        {
            return "a copy's deletion stated twice";
        }

        g.Deleted = true;
        return null;
    }

    public string? Shredded(string asset)
    {
        if (!_shredded.TryGetValue(asset, out var shredded))
        {
            return "an asset shredded whose content was never sealed";
        }

        _shredded[asset] = true;
        return shredded ? "an asset's content shredded twice" : null;
    }

    private sealed class GrantState(string studio)
    {
        public string Studio { get; } = studio;

        public bool Overdue { get; set; }

        public bool Deleted { get; set; }
    }
}
