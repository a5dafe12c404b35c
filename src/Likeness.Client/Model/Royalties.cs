namespace Likeness.Client;

#pragma warning disable CA1819 // Wire records carry arrays as the API's JSON does.

/// <summary>One payee of a performer and its share of the gross, in basis points.</summary>
public sealed record Payee(string Party, string Role, int ShareBps);

/// <summary>One heir and its share, in basis points.</summary>
public sealed record Heir(string Party, int ShareBps);

/// <summary>The union's pension-and-health contribution, in basis points of the gross.</summary>
public sealed record PensionAndHealth(string Union, int RateBps);

/// <summary><c>PUT /v1/performers/{id}/splits</c>.</summary>
public sealed record SetSplits(Payee[]? Payees = null, Heir[]? Heirs = null, PensionAndHealth? PensionAndHealth = null);

/// <summary>A performer's payees, one version.</summary>
public sealed record Splits(string PerformerId, int Version, Payee[] Payees, Heir[] Heirs, PensionAndHealth? PensionAndHealth, DateTimeOffset CreatedAt, long LedgerIndex);

/// <summary>One minimum rate of a union's table.</summary>
public sealed record UnionRate(string Purpose, string Modality, Money? PerRender = null, Money? PerSecond = null);

/// <summary><c>PUT /v1/unions/{id}/rates</c>.</summary>
public sealed record SetRateTable(string Version, UnionRate[] Rates);

/// <summary>A union's rate table, one version.</summary>
public sealed record RateTable(string UnionId, int Version, string Label, UnionRate[] Rates, DateTimeOffset CreatedAt, long LedgerIndex);

/// <summary>An amount in one currency.</summary>
public sealed record Total(string Currency, long Minor);

/// <summary>One statement line; amounts in minor units. A part of a render with several performers names the render and her share of it.</summary>
public sealed record StatementLine(
    string Kind, string LicenseId, int? Use, string Role, string Currency, long Renders, decimal Seconds, long PerRenderMinor,
    long PerSecondMinor, string Factor, long GrossMinor, int ShareBps, long AmountMinor, string? CorrectsPeriod, string? Corrects,
    string? RenderId = null, int? RenderShareBps = null);

/// <summary>A party's statement (a studio's invoice) for one month.</summary>
public sealed record Statement(string Party, string Period, string Status, Total[] Totals, StatementLine[] Lines);

/// <summary><c>POST /v1/statements/close</c>.</summary>
public sealed record ClosePeriod(string Period);

/// <summary>A closed period: frozen and recorded in the ledger.</summary>
public sealed record ClosedPeriod(string Period, DateTimeOffset ClosedAt, string Sha256, int Lines, long LedgerIndex);

/// <summary>A closed period recomputed from usage.</summary>
public sealed record PeriodCheck(string Period, bool Matches, int Lines, StatementLine[] Differences);
