using Likeness.Domain.Common;

namespace Likeness.Domain.Licensing;

/// <summary>
/// One specific use a licence grants. The window is half-open: <see cref="From"/> inclusive,
/// <see cref="To"/> exclusive. Budgets are in milliseconds of synthetic output and in renders.
/// </summary>
public sealed record LicenseUse(
    Modality Modality,
    IReadOnlyList<Purpose> Purposes,
    IReadOnlyList<string> Territories,
    IReadOnlyList<string> Languages,
    DateTimeOffset From,
    DateTimeOffset To,
    long? MaxMillisPerDeliverable,
    long? MaxSyntheticMillis,
    long? MaxRenders,
    IReadOnlyList<ContentCategory> ContentCategories,
    Derivation? Derivation,
    bool Realtime);

/// <summary>The terms a studio asks for and a licence grants (an ODRL Agreement's content).</summary>
public sealed record LicenseTerms(string Project, string Description, IReadOnlyList<LicenseUse> Uses, Compensation Compensation)
{
    /// <summary>The licence's digital expiration date: the end of its latest use window.</summary>
    public DateTimeOffset TermEnd => Uses.Max(u => u.To);

    /// <summary>
    /// How long the studio may keep an asset the vault released under this licence (docs/CUSTODY.md, "Retention"): it
    /// must delete it by the release plus this. Null: the terms set no retention.
    /// </summary>
    public TimeSpan? Retention { get; init; }
}
