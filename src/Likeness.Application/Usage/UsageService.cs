using Likeness.Application.Access;
using Likeness.Application.Common;
using Likeness.Application.Contracts;
using Likeness.Application.Lists;
using Likeness.Application.Model;
using Likeness.Application.Ports;
using Likeness.Domain.Common;

namespace Likeness.Application.Usage;

/// <summary>Usage events (completed renders), newest first, paged by an opaque cursor.</summary>
public sealed class UsageService(IStore store)
{
    public const int MaxPageSize = 500;

    public Task<Page<UsageEventView>> ForLicenseAsync(PartyRecord caller, string licenseId, string? cursor, int? limit, CancellationToken ct = default) =>
        store.ReadAsync(
            s =>
            {
                var license = s.GetLicense(licenseId);
                var allowed = license is not null && (license.StudioId == caller.Id || caller.Kind == PartyKind.Auditor ||
                    (s.GetParty(license.PerformerId) is { } p && AccessRules.IsPerformerSide(caller, p)));
                return allowed ? Page(s, licenseId, null, cursor, limit) : throw AppProblem.NotFound("licence");
            },
            ct);

    public Task<Page<UsageEventView>> ForPerformerAsync(PartyRecord caller, string performerId, string? cursor, int? limit, CancellationToken ct = default) =>
        store.ReadAsync(
            s =>
            {
                var performer = s.GetParty(performerId);
                if (caller.Kind != PartyKind.Auditor || performer is null)
                {
                    AccessRules.RequirePerformerSide(caller, performer);
                }

                return Page(s, null, performerId, cursor, limit);
            },
            ct);

    private static Page<UsageEventView> Page(IStoreSession s, string? licenseId, string? performerId, string? cursor, int? limit)
    {
        var size = ListPaging.Limit(limit, MaxPageSize, 100);
        var before = ListPaging.Decode(cursor);
        var rows = s.ListUsage(licenseId, performerId, null, before is { } k ? (k.At, k.Id) : null, size + 1);
        var items = rows.Take(size).Select(ToView).ToArray();
        var next = rows.Count > size ? ListPaging.Encode(rows[size - 1].SettledAt!.Value, rows[size - 1].Id) : null;
        return new Page<UsageEventView>(items, next);
    }

    private static UsageEventView ToView(RenderRecord r)
    {
        var body = Json.DeserializeStored<Renders.RecordedRenderRequest>(r.RequestJson);
        return new UsageEventView(
            r.Id, r.LicenseId, r.PerformerId, r.StudioId, r.UseIndex, body.Modality, body.Purpose, body.Territory, body.Language,
            Millis.ToSeconds(r.ActualMillis ?? 0), r.OutputSha256!, r.SettledAt!.Value, r.LedgerIndex);
    }
}
