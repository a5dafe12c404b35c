using Likeness.Application.Access;
using Likeness.Application.Common;
using Likeness.Application.Contracts;
using Likeness.Application.Ledger;
using Likeness.Application.Model;
using Likeness.Application.Parties;
using Likeness.Application.Ports;
using Likeness.Domain.Common;

namespace Likeness.Application.Acts;

/// <summary>
/// A performer's grants of power to representatives: her own act (signed once she requires signatures), recorded in the
/// ledger. It is the only way a representative comes to act for her; the operator creates representatives but grants
/// nothing. Powers are checked on every act (<see cref="ActGate"/>).
/// </summary>
public sealed class GrantService(IStore store, TimeProvider clock, Mutations mutations, ActGate gate, PartyService parties)
{
    public async Task<Outcome> GrantAsync(PartyRecord caller, string performerId, GrantBody body, IdempotentRequest? idem, ActRequest? act, CancellationToken ct = default)
    {
        var role = FieldRules.Code<RepresentativeRole>(body.Role, "role");
        if (body.Powers.Length == 0)
        {
            throw AppProblem.BadRequest("invalid_party", "Name at least one power.", "powers");
        }

        var powers = body.Powers.Select((p, i) => FieldRules.Code<Power>(p, $"powers[{i}]")).Distinct().Order().ToArray();
        var now = clock.GetUtcNow();
        if (body.Until <= now)
        {
            throw AppProblem.BadRequest("out_of_range", "'until' is in the future.", "until");
        }

        var outcome = await mutations.WriteAsync(caller.Id, idem, s =>
        {
            var performer = Principal(s, caller, performerId);
            if (s.GetParty(body.Party) is not { Kind: PartyKind.Representative } representative)
            {
                throw AppProblem.BadRequest("unknown_party", "No representative has this id.", "party");
            }

            var proof = gate.Check(s, caller, performer, null, act);
            var entry = new LedgerEntry("representative.granted", now).With("performer", performer.Id).With("representative", representative.Id)
                .With("role", Vocabulary<RepresentativeRole>.Name(role)).With("powers", string.Join(',', powers.Select(Vocabulary<Power>.Name))).With("by", caller.Id);
            if (body.Until is { } until)
            {
                entry.With("until", until);
            }

            var grant = new GrantRecord(performer.Id, representative.Id, role, powers, body.Until, now, ActGate.Append(s, entry, proof));
            s.Acts.PutGrant(grant);
            s.RecordChange(ChangeKinds.Performer, performer.Id);
            return Outcome.Created(ToView(grant));
        }, ct);
        parties.ForgetCachedParties();
        return outcome;
    }

    public async Task<Outcome> RemoveAsync(PartyRecord caller, string performerId, RemoveGrantBody body, IdempotentRequest? idem, ActRequest? act, CancellationToken ct = default)
    {
        FieldRules.Text(body.Party, "party", 100);
        var outcome = await mutations.WriteAsync(caller.Id, idem, s =>
        {
            var performer = Principal(s, caller, performerId);
            var grant = s.Acts.GetGrant(performer.Id, body.Party) ?? throw AppProblem.NotFound("grant to this representative");
            var proof = gate.Check(s, caller, performer, null, act);
            var index = ActGate.Append(s, new LedgerEntry("representative.removed", clock.GetUtcNow()).With("performer", performer.Id)
                .With("representative", grant.RepresentativeId).With("by", caller.Id), proof);
            s.Acts.DeleteGrant(performer.Id, grant.RepresentativeId);
            s.RecordChange(ChangeKinds.Performer, performer.Id);
            return Outcome.Ok(ToView(grant with { LedgerIndex = index }));
        }, ct);
        parties.ForgetCachedParties();
        return outcome;
    }

    /// <summary>A performer's grants: to her side (a representative sees whom else she trusts, and with what).</summary>
    public Task<GrantView[]> ListAsync(PartyRecord caller, string performerId, CancellationToken ct = default) =>
        store.ReadAsync(
            s =>
            {
                AccessRules.RequirePerformerSide(caller, s.GetParty(performerId));
                return s.Acts.ListGrants(performerId).Select(ToView).ToArray();
            },
            ct);

    public static GrantView ToView(GrantRecord g) =>
        new(g.PerformerId, g.RepresentativeId, Vocabulary<RepresentativeRole>.Name(g.Role), [.. g.Powers.Select(Vocabulary<Power>.Name)], g.Until, g.CreatedAt, g.LedgerIndex);

    // Only the living performer herself grants or removes: not a representative (no one delegates her power onward), not the operator.
    private static PartyRecord Principal(IStoreSession s, PartyRecord caller, string performerId)
    {
        var performer = s.GetParty(performerId);
        if (performer is { Kind: PartyKind.Performer, DiedOn: null } && caller.Id == performer.Id)
        {
            return performer;
        }

        throw performer is { Kind: PartyKind.Performer } && (caller.Kind == PartyKind.Operator || AccessRules.IsPerformerSide(caller, performer))
            ? AppProblem.Forbidden("Only the performer herself grants or removes powers over her likeness.")
            : AppProblem.NotFound("performer");
    }
}
