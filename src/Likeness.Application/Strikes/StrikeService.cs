using Likeness.Application.Access;
using Likeness.Application.Common;
using Likeness.Application.Contracts;
using Likeness.Application.Ledger;
using Likeness.Application.Model;
using Likeness.Application.Ports;
using Likeness.Application.Renders;
using Likeness.Application.Webhooks;
using Likeness.Domain.Common;

namespace Likeness.Application.Strikes;

/// <summary>
/// A union's strikes (docs/DOMAIN.md, "Suspensions and strikes"): declared against a studio or every studio for the
/// union's members, with a start and optionally an end; the union waives projects and ends it. Every declaration, waiver
/// and end is a ledger entry, and the suspensions it places and lifts are the union's own.
/// </summary>
public sealed class StrikeService(IStore store, TimeProvider clock, Mutations mutations, SnapshotCache snapshots)
{
    public Task<Outcome> DeclareAsync(PartyRecord caller, string unionId, StrikeBody body, IdempotentRequest? idem, CancellationToken ct = default)
    {
        RequireUnion(caller, unionId);
        if (body.Studio is { } studio)
        {
            FieldRules.Name(studio, "studio", 200);
        }

        var changed = new List<string>();
        var outcome = mutations.WriteAsync(caller.Id, idem, s =>
        {
            var now = clock.GetUtcNow();
            var from = body.From ?? now;
            if (from < now)
            {
                throw AppProblem.BadRequest("out_of_range", "A strike starts now or later (from is not in the past).", "from");
            }

            if (body.To is { } to && to <= from)
            {
                throw AppProblem.BadRequest("out_of_range", "A strike ends after it starts.", "to");
            }

            if (body.Studio is { } named && s.GetParty(named) is not { Kind: PartyKind.Studio })
            {
                throw AppProblem.BadRequest("invalid_party", "'studio' is not a studio.", "studio");
            }

            var union = s.GetParty(unionId)!;
            var id = Ids.New("stk", now);
            var members = union.Represents.Where(p => s.GetParty(p) is { Kind: PartyKind.Performer }).Order(StringComparer.Ordinal).ToArray();
            var entry = new LedgerEntry("strike.declared", now).With("strike", id).With("union", unionId).With("by", caller.Id)
                .With("studio", body.Studio ?? "*").With("from", from).With("performers", string.Join(',', members));
            if (body.To is { } end)
            {
                entry.With("to", end);
            }

            var strike = new StrikeRecord(id, unionId, body.Studio, from, body.To, null, members, [], now, s.AppendLedgerEntry(entry.ToBytes()));
            s.Strikes.Insert(strike);
            changed.AddRange(StrikeEffects.Place(s, strike, now));
            Announce(s, WebhookEventTypes.StrikeDeclared, strike, changed, now, null);
            return Outcome.Created(View(caller, strike, now));
        }, ct);
        return Invalidating(outcome, changed);
    }

    public Task<Outcome> WaiveAsync(PartyRecord caller, string strikeId, WaiverBody body, IdempotentRequest? idem, CancellationToken ct = default)
    {
        FieldRules.Name(body.Project, "project", 200);
        var changed = new List<string>();
        var outcome = mutations.WriteAsync(caller.Id, idem, s =>
        {
            var now = clock.GetUtcNow();
            var strike = Own(s, caller, strikeId, now);
            if (strike.Waives(body.Project))
            {
                throw AppProblem.Conflict("already_recorded", "The union already waived this project.");
            }

            var index = s.AppendLedgerEntry(new LedgerEntry("strike.waived", now).With("strike", strikeId).With("by", caller.Id)
                .WithHash("projectSha256", body.Project).ToBytes());
            var waived = strike with { Waivers = [.. strike.Waivers, body.Project] };
            s.Strikes.Update(waived);
            changed.AddRange(StrikeEffects.Lift(s, waived, body.Project, now));
            Announce(s, WebhookEventTypes.StrikeWaived, waived, changed, now, index);
            return Outcome.Ok(View(caller, waived, now));
        }, ct);
        return Invalidating(outcome, changed);
    }

    public Task<Outcome> EndAsync(PartyRecord caller, string strikeId, IdempotentRequest? idem, CancellationToken ct = default)
    {
        var changed = new List<string>();
        var outcome = mutations.WriteAsync(caller.Id, idem, s =>
        {
            var now = clock.GetUtcNow();
            var strike = Own(s, caller, strikeId, now);
            var index = s.AppendLedgerEntry(new LedgerEntry("strike.ended", now).With("strike", strikeId).With("by", caller.Id).ToBytes());
            var ended = strike with { EndedAt = now };
            s.Strikes.Update(ended);
            changed.AddRange(StrikeEffects.Lift(s, ended, null, now));
            Announce(s, WebhookEventTypes.StrikeEnded, ended, changed, now, index);
            return Outcome.Ok(View(caller, ended, now));
        }, ct);
        return Invalidating(outcome, changed);
    }

    public Task<StrikeView> GetAsync(PartyRecord caller, string strikeId, CancellationToken ct = default) =>
        store.ReadAsync(
            s =>
            {
                var strike = s.Strikes.Get(strikeId);
                return strike is not null && Sees(s, caller, strike) ? View(caller, strike, clock.GetUtcNow()) : throw AppProblem.NotFound("strike");
            },
            ct);

    public Task<StrikeList> ListAsync(PartyRecord caller, string unionId, CancellationToken ct = default) =>
        store.ReadAsync(
            s =>
            {
                var now = clock.GetUtcNow();
                return s.GetParty(unionId) is { Kind: PartyKind.Union }
                    ? new StrikeList([.. s.Strikes.ListOfUnion(unionId).Where(k => Sees(s, caller, k)).Select(k => View(caller, k, now))])
                    : throw AppProblem.NotFound("union");
            },
            ct);

    private async Task<Outcome> Invalidating(Task<Outcome> outcome, List<string> changed)
    {
        var result = await outcome;
        foreach (var id in changed)
        {
            snapshots.Invalidate(id);
        }

        return result;
    }

    // Only a union declares for itself: another union's route is not found, anyone else may not.
    private static void RequireUnion(PartyRecord caller, string unionId)
    {
        if (caller.Kind != PartyKind.Union)
        {
            throw AppProblem.Forbidden("Only a union declares, waives and ends a strike.");
        }

        if (caller.Id != unionId)
        {
            throw AppProblem.NotFound("union");
        }
    }

    private static StrikeRecord Own(IStoreSession s, PartyRecord caller, string strikeId, DateTimeOffset now)
    {
        var strike = s.Strikes.Get(strikeId);
        if (strike is null || !Sees(s, caller, strike))
        {
            throw AppProblem.NotFound("strike");
        }

        RequireUnion(caller, strike.UnionId);
        return strike.OverAt(now) ? throw AppProblem.Conflict("strike_over", "The strike is over.") : strike;
    }

    // The union, the operator and auditors see every strike; a studio the ones against it (or every studio); the
    // performer side of a member the ones that cover her.
    private static bool Sees(IStoreSession s, PartyRecord caller, StrikeRecord k) =>
        caller.Id == k.UnionId
        || caller.Kind is PartyKind.Operator or PartyKind.Auditor
        || (caller.Kind == PartyKind.Studio && (k.StudioId is null || k.StudioId == caller.Id))
        || k.Members.Any(m => s.GetParty(m) is { } performer && AccessRules.IsPerformerSide(caller, performer));

    private static StrikeView View(PartyRecord caller, StrikeRecord k, DateTimeOffset now)
    {
        var status = k.OverAt(now) ? "ended" : k.StartsAt <= now ? "inEffect" : "scheduled";
        var whole = caller.Id == k.UnionId || caller.Kind is PartyKind.Operator or PartyKind.Auditor;
        return new StrikeView(k.Id, status, k.UnionId, k.StudioId, k.StartsAt, k.EndsAt, k.EndedAt, whole ? [.. k.Members] : null, [.. k.Waivers], k.CreatedAt, k.LedgerIndex);
    }

    // Thin, as every event: ids and times; the union, the studio named and every studio whose licences changed receive it.
    private static void Announce(IStoreSession s, string type, StrikeRecord k, List<string> licences, DateTimeOffset now, long? index)
    {
        var parties = new HashSet<string>(StringComparer.Ordinal) { k.UnionId };
        if (k.StudioId is not null)
        {
            parties.Add(k.StudioId);
        }

        foreach (var id in licences)
        {
            parties.Add(s.GetLicense(id)!.StudioId);
        }

        WebhookOutbox.Publish(s, type, now, new WebhookAudience(null, [.. parties]), new Dictionary<string, object?>
        {
            ["strikeId"] = k.Id,
            ["unionId"] = k.UnionId,
            ["studioId"] = k.StudioId,
            ["from"] = k.StartsAt,
            ["to"] = k.Until,
            ["licenses"] = licences.Count,
            ["ledgerIndex"] = index ?? k.LedgerIndex,
        });
    }
}
