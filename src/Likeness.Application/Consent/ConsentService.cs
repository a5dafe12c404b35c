using Likeness.Application.Access;
using Likeness.Application.Acts;
using Likeness.Application.Common;
using Likeness.Application.Contracts;
using Likeness.Application.Ledger;
using Likeness.Application.Model;
using Likeness.Application.Ports;
using Likeness.Application.Renders;
using Likeness.Domain.Common;
using Likeness.Domain.Policy;

namespace Likeness.Application.Consent;

/// <summary>Versioned consent policies. A new version governs new requests at once and its prohibitions bind every render.</summary>
public sealed class ConsentService(IStore store, TimeProvider clock, Mutations mutations, SnapshotCache snapshots, ActGate gate)
{
    public const int MaxPolicyBytes = 256 * 1024;

    public async Task<Outcome> PutAsync(PartyRecord caller, string performerId, string policyJson, IdempotentRequest? idem, ActRequest? act = null, CancellationToken ct = default)
    {
        // The same text rules as every other body (no lone surrogate, no control character, no null in an array), first.
        Contracts.JsonTextRules.Check(System.Text.Encoding.UTF8.GetBytes(policyJson));
        ConsentPolicy policy;
        try
        {
            policy = PolicyParser.Parse(policyJson);
        }
        catch (DomainException e)
        {
            throw AppProblem.BadRequest(e.Code, e.Message, e.Field);
        }

        var normalized = OdrlWriter.ToJson(policy).ToJsonString();
        var outcome = await mutations.WriteAsync(caller.Id, idem, s =>
        {
            var performer = s.GetParty(performerId);
            AccessRules.RequireActingSide(caller, performer);
            var proof = gate.Check(s, caller, performer, Power.Consent, act);
            var version = (s.GetCurrentConsent(performerId)?.Version ?? 0) + 1;
            var now = clock.GetUtcNow();
            var index = ActGate.Append(s, new LedgerEntry("consent.version", now)
                .With("performer", performerId).With("version", version).With("by", caller.Id).WithHash("policySha256", normalized)
                .With("caps", CapsMember.Of(CompiledConsent.Compile(policy, version))), proof);
            s.InsertConsentVersion(new ConsentVersionRecord(performerId, version, normalized, now, index));
            s.RecordChange(ChangeKinds.Performer, performerId);
            return Outcome.Ok(new ConsentWritten(version, index));
        }, ct);
        snapshots.InvalidatePerformer(performerId);
        return outcome;
    }

    /// <summary>
    /// The current consent. The performer side sees all of it; a studio holding a licence of this performer sees
    /// the prohibitions (they bind its renders) and no permissions.
    /// </summary>
    public Task<ConsentView> GetAsync(PartyRecord caller, string performerId, bool odrl, CancellationToken ct = default) =>
        store.ReadAsync(
            s =>
            {
                var performer = s.GetParty(performerId);
                var full = performer is not null && AccessRules.IsPerformerSide(caller, performer);
                var studio = !full && performer is not null && AccessRules.HoldsLicenceOf(s, caller, performerId);
                if (!full && !studio)
                {
                    throw AppProblem.NotFound("performer");
                }

                var current = s.GetCurrentConsent(performerId) ?? throw new AppProblem(404, "no_consent", "This performer has written no consent yet.");
                var policy = PolicyParser.Parse(current.PolicyJson);
                if (!full)
                {
                    policy = policy with { Permissions = [] };
                }

                var json = odrl ? OdrlWriter.ToOdrl(policy, $"urn:likeness:consent:{performerId}:v{current.Version}", $"urn:likeness:party:{performerId}") : OdrlWriter.ToJson(policy);
                return new ConsentView(performerId, current.Version, current.CreatedAt, current.LedgerIndex, json);
            },
            ct);

    /// <summary>
    /// The history of a performer's consent, newest first, each version whole: the performer side's alone (a licensee
    /// reads the current prohibitions through <see cref="GetAsync"/>, not the rules she has since changed).
    /// </summary>
    public Task<Page<ConsentView>> HistoryAsync(PartyRecord caller, string performerId, string? cursor, int? limit, CancellationToken ct = default)
    {
        var size = Lists.ListPaging.Limit(limit);
        int? before = cursor is null ? null
            : int.TryParse(Lists.ListPaging.DecodeKey(cursor), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v
            : throw AppProblem.BadRequest("invalid_cursor", "The cursor is not one this server gave out.", "cursor");
        return store.ReadAsync(
            s =>
            {
                AccessRules.RequirePerformerSide(caller, s.GetParty(performerId));
                var rows = s.ListConsentVersions(performerId, before, size + 1);
                var items = rows.Take(size)
                    .Select(c => new ConsentView(performerId, c.Version, c.CreatedAt, c.LedgerIndex, OdrlWriter.ToJson(PolicyParser.Parse(c.PolicyJson))))
                    .ToArray();
                var next = rows.Count > size ? Lists.ListPaging.Encode(rows[size - 1].Version.ToString(System.Globalization.CultureInfo.InvariantCulture)) : null;
                return new Page<ConsentView>(items, next);
            },
            ct);
    }
}
