using Likeness.Application.Common;
using Likeness.Application.Ledger;
using Likeness.Application.Model;
using Likeness.Application.Ports;
using Likeness.Application.Webhooks;
using Likeness.Domain.Licensing;

namespace Likeness.Application.Strikes;

/// <summary>
/// What a strike does to licences, inside the writer's transaction: it places the union's suspension (naming the strike,
/// over its window) on every licence it covers, and lifts only those suspensions when it ends or waives a project. Each
/// licence changed is announced (<c>license.suspended</c>, <c>license.resumed</c>) and marked changed for every node.
/// </summary>
public static class StrikeEffects
{
    /// <summary>The refusal of a new licence the strike forbids, or null; <paramref name="suspensions"/> gets the hold of each strike declared but not started.</summary>
    public static AppProblem? OnGrant(IStoreSession s, string performerId, string studioId, string project, DateTimeOffset now, List<Suspension> suspensions)
    {
        foreach (var k in s.Strikes.ListNotOver(now))
        {
            if (!k.Covers(performerId, studioId, project))
            {
                continue;
            }

            if (k.StartsAt <= now)
            {
                return AppProblem.Conflict("strike_in_effect", $"The union's strike {k.Id} is in effect with this studio; it refuses new licences unless the union waives the project.");
            }

            suspensions.Add(Hold(k));
        }

        return null;
    }

    /// <summary>Places the strike's suspension on every licence it covers that is still live; returns the licences changed.</summary>
    public static List<string> Place(IStoreSession s, StrikeRecord k, DateTimeOffset now)
    {
        var changed = new List<string>();
        foreach (var member in k.Members)
        {
            foreach (var l in s.ListLicensesOfPerformer(member))
            {
                if (!k.Covers(l.PerformerId, l.StudioId, l.Terms.Project) || !Live(l, now) || l.Suspensions.Any(x => x.Strike == k.Id))
                {
                    continue;
                }

                Save(s, l with { SuspensionList = [.. l.Suspensions, Hold(k)] }, k, WebhookEventTypes.LicenseSuspended, now);
                changed.Add(l.Id);
            }
        }

        return changed;
    }

    /// <summary>Lifts the strike's own suspensions (only on licences of <paramref name="project"/> when given); returns the licences changed.</summary>
    public static List<string> Lift(IStoreSession s, StrikeRecord k, string? project, DateTimeOffset now)
    {
        var changed = new List<string>();
        foreach (var member in k.Members)
        {
            foreach (var l in s.ListLicensesOfPerformer(member))
            {
                if ((project is not null && l.Terms.Project != project) || !l.Suspensions.Any(x => x.Strike == k.Id))
                {
                    continue;
                }

                Save(s, l with { SuspensionList = [.. l.Suspensions.Where(x => x.Strike != k.Id)] }, k, WebhookEventTypes.LicenseResumed, now);
                changed.Add(l.Id);
            }
        }

        return changed;
    }

    private static Suspension Hold(StrikeRecord k) =>
        new(Suspension.OfUnion(k.UnionId), k.Id, k.StartsAt.ToUnixTimeMilliseconds(), k.EndsAt?.ToUnixTimeMilliseconds() ?? long.MaxValue);

    private static bool Live(LicenseRecord l, DateTimeOffset now) =>
        LicenseLifecycle.StatusAt(now, l.StoredStatus, l.RevocationEffectiveAt, l.Terms.TermEnd, exhausted: false, suspended: false) is not (LicenseStatus.Revoked or LicenseStatus.Expired);

    private static void Save(IStoreSession s, LicenseRecord changed, StrikeRecord k, string eventType, DateTimeOffset now)
    {
        s.UpdateLicense(changed);
        s.RecordChange(ChangeKinds.License, changed.Id);
        var data = new Dictionary<string, object?>
        {
            ["licenseId"] = changed.Id,
            ["performerId"] = changed.PerformerId,
            ["studioId"] = changed.StudioId,
            ["by"] = k.UnionId,
            ["owner"] = Suspension.OfUnion(k.UnionId),
            ["strikeId"] = k.Id,
        };
        if (eventType == WebhookEventTypes.LicenseSuspended)
        {
            // Sent when the suspension is placed, which for a strike declared ahead is before it holds: the window says when.
            data["from"] = k.StartsAt;
            data["to"] = k.Until;
        }

        WebhookOutbox.Publish(s, eventType, now, new WebhookAudience(changed.PerformerId, [changed.StudioId], Unions: true), data);
    }
}
