namespace Likeness.Application.Strikes;

/// <summary>A union declares a strike against <see cref="Studio"/> (absent: every studio) from <see cref="From"/> (absent: now) until <see cref="To"/> (absent: until it ends it).</summary>
public sealed record StrikeBody(string? Studio = null, DateTimeOffset? From = null, DateTimeOffset? To = null);

/// <summary>The union exempts a project from its strike (the project's name, exactly as its licences name it).</summary>
public sealed record WaiverBody(string Project);

/// <summary>Ending a strike carries nothing.</summary>
public sealed record EndStrikeBody(string? Reason = null);

/// <summary>
/// A strike as its readers see it: <c>status</c> is <c>scheduled</c>, <c>inEffect</c> or <c>ended</c>; <c>members</c> (the
/// performers it covers) only for the union, the operator and auditors.
/// </summary>
public sealed record StrikeView(
    string Id, string Status, string UnionId, string? StudioId, DateTimeOffset From, DateTimeOffset? To, DateTimeOffset? EndedAt,
    string[]? Members, string[] WaivedProjects, DateTimeOffset CreatedAt, long LedgerIndex);

/// <summary>A union's strikes, oldest first.</summary>
public sealed record StrikeList(StrikeView[] Items);
