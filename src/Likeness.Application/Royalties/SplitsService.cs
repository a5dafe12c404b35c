using Likeness.Application.Access;
using Likeness.Application.Common;
using Likeness.Application.Contracts;
using Likeness.Application.Ledger;
using Likeness.Application.Model;
using Likeness.Application.Ports;
using Likeness.Domain.Common;
using Likeness.Domain.Royalties;

namespace Likeness.Application.Royalties;

/// <summary>A performer's payees (agent, manager, heirs, the union's pension and health), versioned; and unions' minimum rates.</summary>
public sealed class SplitsService(IStore store, TimeProvider clock, Mutations mutations, Acts.ActGate gate)
{
    private static readonly HashSet<string> PayeeRoles = ["agent", "manager"];

    public Task<Outcome> PutSplitsAsync(PartyRecord caller, string performerId, SplitsBody body, IdempotentRequest? idem, Acts.ActRequest? act = null, CancellationToken ct = default)
    {
        var payees = body.Payees ?? [];
        var heirs = body.Heirs ?? [];
        for (var i = 0; i < payees.Length; i++)
        {
            if (!PayeeRoles.Contains(payees[i].Role))
            {
                throw AppProblem.BadRequest("unknown_code", "A payee's role is 'agent' or 'manager'.", $"payees[{i}].role");
            }

            Bps(payees[i].ShareBps, 1, $"payees[{i}].shareBps");
        }

        if (payees.Sum(p => (long)p.ShareBps) > 10_000)
        {
            throw AppProblem.BadRequest("out_of_range", "Payees' shares are at most 10000 basis points in all.", "payees");
        }

        for (var i = 0; i < heirs.Length; i++)
        {
            Bps(heirs[i].ShareBps, 1, $"heirs[{i}].shareBps");
        }

        if (heirs.Length > 0 && heirs.Sum(h => (long)h.ShareBps) != 10_000)
        {
            throw AppProblem.BadRequest("out_of_range", "Heirs' shares sum to exactly 10000 basis points (all of the performer's remainder).", "heirs");
        }

        if (body.PensionAndHealth is { } ph)
        {
            Bps(ph.RateBps, 0, "pensionAndHealth.rateBps");
        }

        var all = payees.Select(p => p.Party).Concat(heirs.Select(h => h.Party)).ToList();
        if (all.Distinct(StringComparer.Ordinal).Count() != all.Count)
        {
            throw AppProblem.BadRequest("invalid_splits", "A party appears twice.", "payees");
        }

        return mutations.WriteAsync(caller.Id, idem, s =>
        {
            var performer = s.GetParty(performerId);
            AccessRules.RequireActingSide(caller, performer);
            var proof = gate.Check(s, caller, performer, Acts.Power.Statements, act);
            for (var i = 0; i < payees.Length; i++)
            {
                RequireKind(s, payees[i].Party, PartyKind.Representative, $"payees[{i}].party");
            }

            for (var i = 0; i < heirs.Length; i++)
            {
                RequireKind(s, heirs[i].Party, PartyKind.Estate, $"heirs[{i}].party");
            }

            if (body.PensionAndHealth is { } p)
            {
                RequireKind(s, p.Union, PartyKind.Union, "pensionAndHealth.union");
            }

            var now = clock.GetUtcNow();
            var version = (s.GetSplits(performerId, null)?.Version ?? 0) + 1;
            var json = Json.Serialize(new SplitsBody(payees, heirs, body.PensionAndHealth));
            var index = Acts.ActGate.Append(s, new LedgerEntry("splits.version", now).With("performer", performerId).With("version", version)
                .With("by", caller.Id).WithHash("splitsSha256", json), proof);
            var record = new SplitsRecord(performerId, version, json, now, index);
            s.InsertSplits(record);
            return Outcome.Ok(ToView(record));
        }, ct);
    }

    public Task<SplitsView> GetSplitsAsync(PartyRecord caller, string performerId, CancellationToken ct = default) =>
        store.ReadAsync(
            s =>
            {
                var performer = s.GetParty(performerId);
                if (caller.Kind is not (PartyKind.Operator or PartyKind.Auditor) || performer is null)
                {
                    AccessRules.RequirePerformerSide(caller, performer);
                }

                return s.GetSplits(performerId, null) is { } r ? ToView(r) : new SplitsView(performerId, 0, [], [], null, performer!.CreatedAt, 0);
            },
            ct);

    /// <summary>The operator loads a union's rate table (a new version).</summary>
    public Task<Outcome> PutRatesAsync(PartyRecord caller, string unionId, RateTableBody body, IdempotentRequest? idem, CancellationToken ct = default)
    {
        AccessRules.RequireKind(caller, PartyKind.Operator);
        FieldRules.Name(body.Version, "version", 50);
        if (body.Rates.Length is 0 or > 1000)
        {
            throw AppProblem.BadRequest("out_of_range", "A rate table has 1 to 1000 rates.", "rates");
        }

        for (var i = 0; i < body.Rates.Length; i++)
        {
            var r = body.Rates[i];
            FieldRules.Code<Purpose>(r.Purpose, $"rates[{i}].purpose");
            FieldRules.Code<Modality>(r.Modality, $"rates[{i}].modality");
            if (r.PerRender is null && r.PerSecond is null)
            {
                throw AppProblem.BadRequest("invalid_rates", "A rate names perRender, perSecond or both.", $"rates[{i}]");
            }

            FieldRules.Money(r.PerRender, $"rates[{i}].perRender");
            FieldRules.Money(r.PerSecond, $"rates[{i}].perSecond");
        }

        var keys = body.Rates.Select(r => (r.Purpose, r.Modality)).ToList();
        if (keys.Distinct().Count() != keys.Count)
        {
            throw AppProblem.BadRequest("invalid_rates", "One rate per purpose and modality.", "rates");
        }

        return mutations.WriteAsync(caller.Id, idem, s =>
        {
            RequireKind(s, unionId, PartyKind.Union, "union");
            var now = clock.GetUtcNow();
            var version = (s.GetCurrentRateTable(unionId)?.Version ?? 0) + 1;
            var json = Json.Serialize(body.Rates);
            var index = s.AppendLedgerEntry(new LedgerEntry("rates.loaded", now).With("union", unionId).With("version", version)
                .WithHash("labelSha256", body.Version.Trim()).WithHash("ratesSha256", json).ToBytes());
            var record = new RateTableRecord(unionId, version, body.Version.Trim(), json, now, index);
            s.InsertRateTable(record);
            return Outcome.Ok(ToView(record));
        }, ct);
    }

    public Task<RateTableView> GetRatesAsync(string unionId, CancellationToken ct = default) =>
        store.ReadAsync(s => s.GetCurrentRateTable(unionId) is { } r ? ToView(r) : throw AppProblem.NotFound("rate table"), ct);

    /// <summary>The plan a stored splits version stands for.</summary>
    public static SplitPlan Plan(SplitsRecord? r)
    {
        if (r is null)
        {
            return SplitPlan.Default;
        }

        var b = Json.DeserializeStored<SplitsBody>(r.BodyJson);
        return new SplitPlan(
            r.Version,
            (b.Payees ?? []).Select(p => new SplitShare(p.Party, p.Role, p.ShareBps)).ToArray(),
            (b.Heirs ?? []).Select(h => new SplitShare(h.Party, "heir", h.ShareBps)).ToArray(),
            b.PensionAndHealth?.Union,
            b.PensionAndHealth?.RateBps ?? 0);
    }

    private static void RequireKind(IStoreSession s, string id, PartyKind kind, string field)
    {
        if (s.GetParty(id)?.Kind != kind)
        {
            throw AppProblem.BadRequest("unknown_party", $"'{id}' is not a {Vocabulary<PartyKind>.Name(kind)}.", field);
        }
    }

    private static void Bps(int bps, int min, string field)
    {
        if (bps < min || bps > 10_000)
        {
            throw AppProblem.BadRequest("out_of_range", $"Basis points are {min} to 10000.", field);
        }
    }

    private static SplitsView ToView(SplitsRecord r)
    {
        var b = Json.DeserializeStored<SplitsBody>(r.BodyJson);
        return new SplitsView(r.PerformerId, r.Version, b.Payees ?? [], b.Heirs ?? [], b.PensionAndHealth, r.CreatedAt, r.LedgerIndex);
    }

    private static RateTableView ToView(RateTableRecord r) =>
        new(r.UnionId, r.Version, r.Label, Json.DeserializeStored<UnionRateBody[]>(r.BodyJson), r.CreatedAt, r.LedgerIndex);
}
