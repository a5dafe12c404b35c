using Likeness.Application.Access;
using Likeness.Application.Contracts;
using Likeness.Application.Licensing;
using Likeness.Application.Model;
using Likeness.Application.Ports;
using Likeness.Application.Renders;
using Likeness.Domain.Common;
using Likeness.Domain.Licensing;

namespace Likeness.Application.Lists;

/// <summary>
/// The lists of licence requests, licences and renders: each in a stable order, oldest first by (time, id), paged by
/// keyset, showing the caller what its single-item reads would (<see cref="ListScopes"/>), each item as that read shows it.
/// </summary>
public sealed class ListService(IStore store, TimeProvider clock)
{
    public Task<Page<LicenseRequestView>> RequestsAsync(PartyRecord caller, string? status, string? performer, string? studio, string? cursor, int? limit, CancellationToken ct = default)
    {
        var filter = ListPaging.Code<RequestStatus>(status, "status");
        var (after, size) = (ListPaging.Decode(cursor), ListPaging.Limit(limit));
        (performer, studio) = (ListPaging.IdFilter(performer, "performer"), ListPaging.IdFilter(studio, "studio"));
        return store.ReadAsync(
            s =>
            {
                var scope = ListScopes.RequestsOrRenders(s, caller, "licence requests", performer, studio);
                var rows = s.ListRequests(new RequestListQuery(scope, filter, after, size + 1));
                var performerSide = caller.Kind != PartyKind.Studio;
                var holds = new Dictionary<string, bool>(StringComparer.Ordinal);
                var items = rows.Take(size).Select(r => LicenseRequestService.ToView(
                    r, performerSide || (holds.TryGetValue(r.PerformerId, out var h) ? h : holds[r.PerformerId] = AccessRules.HoldsLicenceOf(s, caller, r.PerformerId))));
                return Page(rows, size, items, r => ListPaging.Encode(r.CreatedAt, r.Id));
            },
            ct);
    }

    /// <summary>
    /// Licences, with the status their single read computes. Active and exhausted differ by budget, which is read with
    /// each licence: a page filtered on either may hold fewer than <paramref name="limit"/> items before its end.
    /// </summary>
    public Task<Page<LicenseView>> LicensesAsync(
        PartyRecord caller, string? status, string? performer, string? studio, DateTimeOffset? expiringBefore, string? cursor, int? limit, CancellationToken ct = default)
    {
        var filter = LicenseStatusFilter(status);
        var (after, size) = (ListPaging.Decode(cursor), ListPaging.Limit(limit));
        (performer, studio) = (ListPaging.IdFilter(performer, "performer"), ListPaging.IdFilter(studio, "studio"));
        return store.ReadAsync(
            s =>
            {
                var now = clock.GetUtcNow();
                var scope = ListScopes.Licenses(s, caller, performer, studio);
                var rows = s.ListLicenses(new LicenseListQuery(scope, filter, now, expiringBefore, after, size + 1));
                var performers = new Dictionary<string, PartyRecord?>(StringComparer.Ordinal);
                var items = rows.Take(size)
                    .Select(l => LicenseViews.For(
                        caller, performers.TryGetValue(l.PerformerId, out var p) ? p : performers[l.PerformerId] = s.GetParty(l.PerformerId), l, s.GetBudgets(l.Id), now))
                    .Where(v => filter is null || v.Status == LicenseViews.StatusName(filter.Value));
                return Page(rows, size, items, l => ListPaging.Encode(l.ApprovedAt, l.Id));
            },
            ct);
    }

    public Task<Page<RenderView>> RendersAsync(PartyRecord caller, string? status, string? license, DateTimeOffset? since, string? cursor, int? limit, CancellationToken ct = default)
    {
        var filter = ListPaging.Code<RenderStatus>(status, "status");
        var (after, size) = (ListPaging.Decode(cursor), ListPaging.Limit(limit));
        license = ListPaging.IdFilter(license, "license");
        return store.ReadAsync(
            s =>
            {
                var scope = ListScopes.RequestsOrRenders(s, caller, "renders", null, null);
                var rows = s.ListRenders(new RenderListQuery(scope, filter, license, since, after, size + 1));
                return Page(rows, size, rows.Take(size).Select(RenderService.StoredView), r => ListPaging.Encode(r.CreatedAt, r.Id));
            },
            ct);
    }

    /// <summary>A licence status as the view names it (<c>revocationPending</c>), or a 400 naming <c>status</c>.</summary>
    private static LicenseStatus? LicenseStatusFilter(string? status)
    {
        if (status is null)
        {
            return null;
        }

        foreach (var v in Enum.GetValues<LicenseStatus>())
        {
            if (LicenseViews.StatusName(v) == status)
            {
                return v;
            }
        }

        throw Common.AppProblem.BadRequest(
            "invalid_query", $"'status' is one of {string.Join(", ", Enum.GetValues<LicenseStatus>().Select(LicenseViews.StatusName))}.", "status");
    }

    /// <summary>A page of the first <paramref name="size"/> rows read (one more was read to know whether the list goes on), as views.</summary>
    private static Page<TView> Page<TRow, TView>(IReadOnlyList<TRow> rows, int size, IEnumerable<TView> items, Func<TRow, string> cursorAfter) =>
        new([.. items], rows.Count > size ? cursorAfter(rows[size - 1]) : null);
}
