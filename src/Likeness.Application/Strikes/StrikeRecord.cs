namespace Likeness.Application.Strikes;

/// <summary>
/// A strike as stored: the union that declared it, the studio it is against (null: every studio), its window
/// [<see cref="StartsAt"/>, <see cref="EndsAt"/>), when the union ended it (if it did), its members at the declaration and
/// the projects it waived (docs/DOMAIN.md, "Suspensions and strikes").
/// </summary>
public sealed record StrikeRecord(
    string Id, string UnionId, string? StudioId, DateTimeOffset StartsAt, DateTimeOffset? EndsAt, DateTimeOffset? EndedAt,
    IReadOnlyList<string> Members, IReadOnlyList<string> Waivers, DateTimeOffset CreatedAt, long LedgerIndex)
{
    /// <summary>When the strike stops holding: its end, or when the union ended it if that came first; null while open-ended.</summary>
    public DateTimeOffset? Until => EndedAt is { } ended && (EndsAt is null || ended < EndsAt) ? ended : EndsAt;

    /// <summary>Whether it holds at <paramref name="at"/>.</summary>
    public bool InEffectAt(DateTimeOffset at) => StartsAt <= at && !OverAt(at);

    /// <summary>Whether it has stopped holding by <paramref name="at"/> (ended, or past its end).</summary>
    public bool OverAt(DateTimeOffset at) => Until is { } until && until <= at;

    /// <summary>Whether it covers licences of <paramref name="performerId"/> with <paramref name="studioId"/> for <paramref name="project"/>.</summary>
    public bool Covers(string performerId, string studioId, string project) =>
        (StudioId is null || StudioId == studioId) && Members.Contains(performerId) && !Waives(project);

    /// <summary>Whether the union waived <paramref name="project"/> (compared exactly, as the licence names it).</summary>
    public bool Waives(string project) => Waivers.Contains(project, StringComparer.Ordinal);
}
