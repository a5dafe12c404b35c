using System.Globalization;
using System.Text;
using Likeness.Application.Access;
using Likeness.Application.Common;
using Likeness.Application.Contracts;
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
        var size = limit ?? 100;
        if (size is < 1 or > MaxPageSize)
        {
            throw AppProblem.BadRequest("out_of_range", $"limit is 1 to {MaxPageSize}.", "limit");
        }

        var before = Decode(cursor);
        var rows = s.ListUsage(licenseId, performerId, null, before, size + 1);
        var items = rows.Take(size).Select(ToView).ToArray();
        var next = rows.Count > size ? Encode(rows[size - 1]) : null;
        return new Page<UsageEventView>(items, next);
    }

    private static string Encode(RenderRecord r) =>
        Ids.Base64Url(Encoding.UTF8.GetBytes(r.SettledAt!.Value.UtcTicks.ToString(CultureInfo.InvariantCulture) + "|" + r.Id));

    private static (DateTimeOffset, string)? Decode(string? cursor)
    {
        if (cursor is null)
        {
            return null;
        }

        try
        {
            var text = Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(cursor));
            var bar = text.IndexOf('|', StringComparison.Ordinal);
            return (new DateTimeOffset(long.Parse(text.AsSpan(0, bar), CultureInfo.InvariantCulture), TimeSpan.Zero), text[(bar + 1)..]);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or OverflowException)
        {
            throw AppProblem.BadRequest("invalid_cursor", "The cursor is not one this server gave out.", "cursor");
        }
    }

    private static UsageEventView ToView(RenderRecord r)
    {
        var body = Json.DeserializeStored<Renders.RecordedRenderRequest>(r.RequestJson);
        return new UsageEventView(
            r.Id, r.LicenseId, r.PerformerId, r.StudioId, r.UseIndex, body.Modality, body.Purpose, body.Territory, body.Language,
            Millis.ToSeconds(r.ActualMillis ?? 0), r.OutputSha256!, r.SettledAt!.Value, r.LedgerIndex);
    }
}
