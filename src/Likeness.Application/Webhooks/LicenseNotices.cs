using Likeness.Application.Ports;
using Likeness.Domain.Licensing;

namespace Likeness.Application.Webhooks;

/// <summary>
/// The events that no request causes, only time: a licence expiring in 30, 7 and 1 days, and a revocation with notice
/// taking effect. Each is published once, in the transaction that marks it sent; a licence first seen closer to its end
/// than a threshold gets the nearest threshold's notice only (one "7 days" notice, not a late "30 days" one too).
/// </summary>
public sealed class LicenseNotices(IStore store, TimeProvider clock)
{
    /// <summary>The notices, nearest last.</summary>
    public static readonly int[] DaysBefore = [30, 7, 1];

    /// <summary>When a licence ending at <paramref name="termEnd"/> gets its first notice.</summary>
    public static DateTimeOffset FirstNoticeAt(DateTimeOffset termEnd) => termEnd.AddDays(-DaysBefore[0]);

    /// <summary>Publishes the notices due now; returns how many.</summary>
    public Task<int> PublishDueAsync(CancellationToken ct = default) =>
        store.WriteAsync(
            s =>
            {
                var now = clock.GetUtcNow();
                var published = 0;
                foreach (var l in s.Webhooks.ListLicensesDueNotice(now, 500))
                {
                    var end = l.Terms.TermEnd;
                    var days = DaysBefore.LastOrDefault(d => end - now <= TimeSpan.FromDays(d));
                    var live = end > now && l.StoredStatus is not (LicenseStatus.Revoked or LicenseStatus.RevocationPending);
                    if (live && days > 0)
                    {
                        WebhookOutbox.Publish(s, WebhookEventTypes.LicenseExpiring, now, new WebhookAudience(l.PerformerId, [l.StudioId], Unions: true),
                            new Dictionary<string, object?> { ["licenseId"] = l.Id, ["performerId"] = l.PerformerId, ["studioId"] = l.StudioId, ["termEnd"] = end, ["daysBefore"] = days });
                        published++;
                    }

                    var next = DaysBefore.Where(d => d < days).Select(d => (int?)d).FirstOrDefault();
                    s.Webhooks.SetNextNotice(l.Id, live && next is { } n ? end.AddDays(-n) : null);
                }

                foreach (var l in s.Webhooks.ListUnannouncedRevocations(now, 500))
                {
                    WebhookOutbox.Publish(s, WebhookEventTypes.LicenseRevocationEffective, now, new WebhookAudience(l.PerformerId, [l.StudioId], Unions: true),
                        new Dictionary<string, object?> { ["licenseId"] = l.Id, ["performerId"] = l.PerformerId, ["studioId"] = l.StudioId, ["effectiveAt"] = l.RevocationEffectiveAt });
                    s.Webhooks.MarkRevocationAnnounced(l.Id);
                    published++;
                }

                return published;
            },
            ct);
}
