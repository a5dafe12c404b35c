using System.Globalization;
using Likeness.Application.Access;
using Likeness.Application.Acts;
using Likeness.Application.Common;
using Likeness.Application.Contracts;
using Likeness.Application.Ledger;
using Likeness.Application.Model;
using Likeness.Application.Ports;
using Likeness.Application.Renders;
using Likeness.Application.Webhooks;
using Likeness.Domain.Common;
using Likeness.Domain.Licensing;

namespace Likeness.Application.Licensing;

/// <summary>Reading licences and their lifecycle: suspend and resume (a strike), revoke with notice, the estate's consent after death.</summary>
public sealed class LicenseService(IStore store, TimeProvider clock, Mutations mutations, SnapshotCache snapshots, ActGate gate)
{
    public Task<LicenseView> GetAsync(PartyRecord caller, string id, CancellationToken ct = default) =>
        store.ReadAsync(
            s =>
            {
                var license = Visible(s, caller, id, Side.Either);
                return LicenseViews.For(caller, s.GetParty(license.PerformerId), license, s.GetBudgets(id), clock.GetUtcNow());
            },
            ct);

    /// <summary>
    /// Places the caller's own suspension (the performer side's, or the union's): suspensions stack, each lifted only by
    /// whoever placed it. A licence pending revocation may be suspended; a revoked or expired one may not.
    /// </summary>
    public Task<Outcome> SuspendAsync(PartyRecord caller, string id, IdempotentRequest? idem, ActRequest? act = null, CancellationToken ct = default) =>
        Change(caller, id, idem, act, Side.PerformerOrUnion, "license.suspended", (l, now) =>
        {
            if (Effective(l) is LicenseStatus.Revoked or LicenseStatus.Expired)
            {
                throw NotIn(l, "live");
            }

            var owner = OwnerOf(caller);
            return l.Suspensions.Any(x => x.Owner == owner && x.Strike is null)
                ? throw AppProblem.Conflict("already_suspended", "This side already holds a suspension of the licence.")
                : l with { SuspensionList = [.. l.Suspensions, new Suspension(owner, null, now.ToUnixTimeMilliseconds())] };
        }, ct);

    /// <summary>Lifts the caller's own suspension; the licence stays suspended while another holds (a strike's is lifted by ending or waiving the strike).</summary>
    public Task<Outcome> ResumeAsync(PartyRecord caller, string id, IdempotentRequest? idem, ActRequest? act = null, CancellationToken ct = default) =>
        Change(caller, id, idem, act, Side.PerformerOrUnion, "license.resumed", (l, _) =>
        {
            var owner = OwnerOf(caller);
            if (l.Suspensions.Any(x => x.Owner == owner && x.Strike is null))
            {
                return l with { SuspensionList = [.. l.Suspensions.Where(x => x.Owner != owner || x.Strike is not null)] };
            }

            throw l.Suspensions.Count == 0
                ? NotIn(l, "suspended")
                : AppProblem.Conflict("suspension_not_owned", $"The licence is held by {string.Join(", ", l.Suspensions.Select(x => x.Reference))}; only whoever placed a suspension lifts it.");
        }, ct);

    public Task<Outcome> RevokeAsync(PartyRecord caller, string id, RevokeBody body, IdempotentRequest? idem, ActRequest? act = null, CancellationToken ct = default)
    {
        if (body.NoticeDays is < 0 or > LicenseLifecycle.MaxNoticeDays)
        {
            throw AppProblem.BadRequest("out_of_range", $"noticeDays is 0 to {LicenseLifecycle.MaxNoticeDays}.", "noticeDays");
        }

        return Change(caller, id, idem, act, Side.Performer, "license.revoked", (l, now) =>
        {
            if (Effective(l) is LicenseStatus.Revoked or LicenseStatus.Expired || l.StoredStatus == LicenseStatus.RevocationPending)
            {
                throw NotIn(l, "active or suspended");
            }

            // Revocation and suspension are independent: a suspended licence keeps its suspensions while notice runs.

            return body.NoticeDays == 0
                ? l with { StoredStatus = LicenseStatus.Revoked, RevocationEffectiveAt = now }
                : l with { StoredStatus = LicenseStatus.RevocationPending, RevocationEffectiveAt = now.AddDays(body.NoticeDays) };
        }, ct);
    }

    /// <summary>After the performer's death, the estate consents to a licence continuing (AB 1836, ELVIS Act).</summary>
    public Task<Outcome> EstateConsentAsync(PartyRecord caller, string id, IdempotentRequest? idem, ActRequest? act = null, CancellationToken ct = default) =>
        Change(caller, id, idem, act, Side.Estate, "license.estate_consented", (l, _) =>
            l.EstateConfirmed ? throw AppProblem.Conflict("already_recorded", "The estate already consented.") : l with { EstateConfirmed = true }, ct);

    /// <summary>Records in the ledger, once, every licence that has passed its term end. Returns how many.</summary>
    public Task<int> RecordExpiriesAsync(CancellationToken ct = default) =>
        store.WriteAsync(
            s =>
            {
                var now = clock.GetUtcNow();
                var expired = s.ListUnrecordedExpiries(now, 1000);
                foreach (var l in expired)
                {
                    s.AppendLedgerEntry(new LedgerEntry("license.expired", now).With("license", l.Id)
                        .With("termEnd", l.Terms.TermEnd).ToBytes());
                    s.MarkExpiryRecorded(l.Id);
                }

                return expired.Count;
            },
            ct);

    private enum Side { Either, Performer, PerformerOrUnion, Estate }

    private async Task<Outcome> Change(
        PartyRecord caller, string id, IdempotentRequest? idem, ActRequest? act, Side side, string kind, Func<LicenseRecord, DateTimeOffset, LicenseRecord> change, CancellationToken ct)
    {
        var outcome = await mutations.WriteAsync(caller.Id, idem, s =>
        {
            var license = Visible(s, caller, id, side);
            // Suspending, resuming and revoking withdraw or restore her consent: a representative needs that power.
            var proof = gate.Check(s, caller, s.GetParty(license.PerformerId), side == Side.Estate ? null : Power.Consent, act);
            var now = clock.GetUtcNow();
            var changed = change(license, now);
            s.UpdateLicense(changed);
            s.RecordChange(ChangeKinds.License, id);
            var entry = new LedgerEntry(kind, now).With("license", id).With("by", caller.Id);
            var owner = kind is "license.suspended" or "license.resumed" ? OwnerOf(caller) : null;
            entry.With("owner", owner);
            if (changed.RevocationEffectiveAt is { } at && kind == "license.revoked")
            {
                entry.With("effectiveAt", at);
            }

            ActGate.Append(s, entry, proof);
            if (EventType(kind) is { } type)
            {
                WebhookOutbox.Publish(s, type, now, new WebhookAudience(changed.PerformerId, [changed.StudioId], Unions: true), new Dictionary<string, object?>
                {
                    ["licenseId"] = id,
                    ["performerId"] = changed.PerformerId,
                    ["studioId"] = changed.StudioId,
                    ["by"] = caller.Id,
                    ["effectiveAt"] = kind == "license.revoked" ? changed.RevocationEffectiveAt : null,
                    ["owner"] = owner,
                });
            }

            return Outcome.Ok(LicenseViews.For(caller, s.GetParty(changed.PerformerId), changed, s.GetBudgets(id), now));
        }, ct);
        snapshots.Invalidate(id);
        return outcome;
    }

    private static string? EventType(string kind) => kind switch
    {
        "license.suspended" => WebhookEventTypes.LicenseSuspended,
        "license.resumed" => WebhookEventTypes.LicenseResumed,
        "license.revoked" => WebhookEventTypes.LicenseRevoked,
        _ => null,
    };

    private LicenseStatus Effective(LicenseRecord l) =>
        LicenseLifecycle.StatusAt(clock.GetUtcNow(), l.StoredStatus, l.RevocationEffectiveAt, l.Terms.TermEnd, exhausted: false, l.SuspendedAt(clock.GetUtcNow()));

    // A union's suspensions are its own; every other party that may suspend is the performer side, which holds one together.
    private static string OwnerOf(PartyRecord caller) => caller.Kind == PartyKind.Union ? Suspension.OfUnion(caller.Id) : Suspension.PerformerSide;

    private AppProblem NotIn(LicenseRecord l, string expected) =>
        AppProblem.Conflict("license_state", $"The licence is {LicenseViews.StatusName(Effective(l))}, not {expected}.");

    private static LicenseRecord Visible(IStoreSession s, PartyRecord caller, string id, Side side)
    {
        var license = s.GetLicense(id);
        if (license is not null)
        {
            var performer = s.GetParty(license.PerformerId);
            var performerSide = performer is not null && AccessRules.IsPerformerSide(caller, performer);
            var allowed = side switch
            {
                Side.Either => performerSide || caller.Id == license.StudioId || AccessRules.IsUnionOf(caller, license.PerformerId) || caller.Kind == PartyKind.Auditor,
                Side.Performer => performerSide,
                Side.PerformerOrUnion => performerSide || AccessRules.IsUnionOf(caller, license.PerformerId),
                Side.Estate => AccessRules.IsEstateOf(caller, license.PerformerId) && performer?.DiedOn is not null,
                _ => false,
            };
            if (allowed)
            {
                return license;
            }

            if (caller.Id == license.StudioId || performerSide || AccessRules.IsEstateOf(caller, license.PerformerId))
            {
                throw AppProblem.Forbidden(side == Side.Estate ? "Only the estate, after the performer's death, consents for it." : "Only the performer side may do this.");
            }

            if (side != Side.Either)
            {
                throw AccessRules.NotOnSide(caller, performer, "licence");
            }
        }

        throw AppProblem.NotFound("licence");
    }
}
