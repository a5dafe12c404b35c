using Likeness.Application.Model;
using Likeness.Domain.Licensing;

namespace Likeness.Application.Ports;

/// <summary>
/// A keyset position in a list ordered by (time, id): the last item of the previous page. The next page holds the items
/// after it, so an item created between two pages is never skipped or shown twice.
/// </summary>
public readonly record struct Keyset(DateTimeOffset At, string Id);

/// <summary>
/// The rows a list may return to its caller, as its access rules decided them: those of <see cref="StudioId"/> (a
/// studio's own), those of <see cref="PerformerIds"/> (the performers it acts for, or the one a filter names), both when
/// both are given, and all rows when neither is (an auditor's licences).
/// </summary>
public sealed record ListScope(string? StudioId, IReadOnlyList<string>? PerformerIds)
{
    /// <summary>Every row: only for a party whose rules let it see them all.</summary>
    public static readonly ListScope All = new(null, null);
}

/// <summary>Licence requests in the scope, oldest first by (created at, id), after <see cref="After"/>.</summary>
public sealed record RequestListQuery(ListScope Scope, RequestStatus? Status, Keyset? After, int Limit);

/// <summary>
/// Licences in the scope, oldest first by (approved at, id), after <see cref="After"/>. <see cref="Status"/> is the
/// status at <see cref="Now"/> from the stored status and time (<see cref="LicenseLifecycle.StatusAt(DateTimeOffset, LicenseStatus, DateTimeOffset?, DateTimeOffset, bool, bool)"/>);
/// active and exhausted differ only by budget, so the store returns both for either and the caller tells them apart.
/// <see cref="ExpiringBefore"/> keeps the licences whose term ends before it.
/// </summary>
public sealed record LicenseListQuery(ListScope Scope, LicenseStatus? Status, DateTimeOffset Now, DateTimeOffset? ExpiringBefore, Keyset? After, int Limit);

/// <summary>Renders in the scope, oldest first by (created at, id), after <see cref="After"/>; <see cref="Since"/> keeps those created at or after it.</summary>
public sealed record RenderListQuery(ListScope Scope, RenderStatus? Status, string? LicenseId, DateTimeOffset? Since, Keyset? After, int Limit);
