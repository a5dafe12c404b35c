using System.Text.Json;

namespace Likeness.Ledger;

/// <summary>
/// The parties a replay has seen created (<c>party.created</c>). A log written since these entries exist begins with the
/// operator's creation (by <c>likeness init</c>); in such a log every party an entry names as actor or subject must have
/// been created before, and only the operator creates parties. A log begun before (its first entry is another kind) is not
/// checked for them: its older parties were never recorded.
/// </summary>
internal sealed class Parties
{
    // The members that name a party (docs/LEDGER.md); other ids (licences, renders) and owners like "union:…" are not parties.
    private static readonly string[] Named = ["by", "performer", "representative", "party", "studio", "union", "estate", "attestingUnion"];

    private readonly Dictionary<string, string> _kinds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _represents = new(StringComparer.Ordinal);
    private bool _tracking;

    /// <summary>Records a creation; a finding when it was not the operator's (or, first of all, the operator's own).</summary>
    public string? Created(long index, string party, string kind, string? by, string? represents)
    {
        _represents[party] = new HashSet<string>(represents?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? [], StringComparer.Ordinal);
        if (index == 0 && kind == "operator" && by is null)
        {
            _tracking = true;
        }
        else if (_tracking && (by is null || !_kinds.TryGetValue(by, out var creator) || creator != "operator"))
        {
            return $"party {party} created by {by ?? "nobody"}, not by the operator";
        }

        return _kinds.TryAdd(party, kind) || !_tracking ? null : $"party {party} created twice";
    }

    /// <summary>Whether <paramref name="party"/> was created to represent <paramref name="performer"/>; null when the log does not record its parties.</summary>
    public bool? Represents(string party, string performer) =>
        !_tracking ? null : _represents.TryGetValue(party, out var of) && of.Contains(performer);

    /// <summary>The party an entry names that was never created, when the log records creations.</summary>
    public string? Unknown(JsonElement e)
    {
        if (!_tracking)
        {
            return null;
        }

        foreach (var name in Named)
        {
            if (e.TryGetProperty(name, out var member) && member.ValueKind == JsonValueKind.String && member.GetString() is { } id
                && id != "*" && !_kinds.ContainsKey(id))
            {
                return $"an entry naming {name} {id}, a party never created";
            }
        }

        return null;
    }
}
