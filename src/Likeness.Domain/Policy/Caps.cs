namespace Likeness.Domain.Policy;

/// <summary>Whose renders a cap counts: every licence of the performer together, or each studio's apart.</summary>
public enum CapScope { Performer, Studio }

/// <summary>The period a cap counts over: a calendar month, or a year that starts in a month the performer picks.</summary>
public enum CapPeriod { Month, Year }

/// <summary>What a cap counts: synthetic seconds (<c>meteredTime</c>) or renders (<c>count</c>).</summary>
public enum CapMetric { Seconds, Renders }

/// <summary>
/// What makes a <c>meteredTime</c> or <c>count</c> constraint of a permission a cap across licences (docs/DOMAIN.md,
/// "Caps"): its scope and its period; <paramref name="YearStartMonth"/> (1 to 12) is where a yearly period begins.
/// </summary>
public sealed record CapTerms(CapScope Scope, CapPeriod Period, int YearStartMonth = 1);
