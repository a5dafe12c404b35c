namespace Likeness.Ledger;

/// <summary>
/// The grants a replay has seen (<c>representative.granted</c>, <c>representative.removed</c>), and the check that an act
/// by a representative on a performer came with that power from her grant at that moment, and before her death. A
/// representative is known by its id (<c>rep_…</c>: every id begins with its kind, docs/LEDGER.md). An estate
/// (<c>est_…</c>) acts for her only once it is in control: after her recorded death, and (in a log that records its
/// parties) only an estate created for her. Acts by the performer herself, a union or a studio are not grants' business.
/// </summary>
internal sealed class Powers(Parties parties)
{
    private readonly Dictionary<(string Performer, string Representative), (HashSet<string> Powers, DateTimeOffset? Until)> _grants = [];

    /// <summary>Records a grant or a removal; a finding when it was not the living performer's own act.</summary>
    public string? Grant(string kind, string performer, string representative, string by, string? powers, DateTimeOffset? until, DateTimeOffset at, DateTimeOffset? died)
    {
        if (by != performer)
        {
            return $"{kind} for performer {performer} by {by}, not by her";
        }

        if (died <= at)
        {
            return $"{kind} for performer {performer} after her death";
        }

        if (powers is null)
        {
            return _grants.Remove((performer, representative)) ? null : $"{kind} of a grant that did not exist";
        }

        _grants[(performer, representative)] = (new HashSet<string>(powers.Split(',', StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal), until);
        return null;
    }

    /// <summary>A finding when <paramref name="by"/> is a representative without <paramref name="power"/> over <paramref name="performer"/> at <paramref name="at"/>.</summary>
    public string? Act(string? by, string performer, string power, DateTimeOffset at, DateTimeOffset? died)
    {
        if (by is not null && by.StartsWith("est_", StringComparison.Ordinal))
        {
            return !(died <= at) ? $"estate {by} acted ({power}) for performer {performer} before her death was recorded"
                : parties.Represents(by, performer) == false ? $"estate {by} acted ({power}) for performer {performer}, whose estate it is not"
                : null;
        }

        if (by is null || !by.StartsWith("rep_", StringComparison.Ordinal))
        {
            return null;
        }

        if (died <= at)
        {
            return $"representative {by} acted ({power}) for performer {performer} after her death";
        }

        if (!_grants.TryGetValue((performer, by), out var grant))
        {
            return $"representative {by} acted ({power}) for performer {performer} without her grant";
        }

        if (grant.Until <= at)
        {
            return $"representative {by} acted ({power}) for performer {performer} after her grant ended";
        }

        return grant.Powers.Contains(power) ? null : $"representative {by} acted for performer {performer} without the '{power}' power";
    }
}
