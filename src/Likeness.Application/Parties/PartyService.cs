using System.Collections.Concurrent;
using Likeness.Application.Access;
using Likeness.Application.Common;
using Likeness.Application.Contracts;
using Likeness.Application.Model;
using Likeness.Application.Ports;
using Likeness.Domain.Common;
using Likeness.Domain.Licensing;

namespace Likeness.Application.Parties;

/// <summary>Parties, their API keys, and the operator's first key.</summary>
public sealed class PartyService(IStore store, TimeProvider clock, Mutations mutations)
{
    public const string OperatorKeySetting = "operator_key_hash";
    private readonly ConcurrentDictionary<string, PartyRecord> _byKeyHash = new(StringComparer.Ordinal);

    /// <summary>Raised after a party's life status changes, so snapshots can be rebuilt.</summary>
    public event Action<string>? PerformerChanged;

    /// <summary>
    /// Creates the operator and its key on an empty store; returns the new key, or null when the store was
    /// already initialised (nothing is changed then).
    /// </summary>
    public Task<string?> InitializeAsync(CancellationToken ct = default) =>
        store.WriteAsync<string?>(
            s =>
            {
                if (s.GetSetting(OperatorKeySetting) is not null)
                {
                    return null;
                }

                var key = Ids.NewApiKey();
                var now = clock.GetUtcNow();
                var op = new PartyRecord(Ids.New("op", now), PartyKind.Operator, "operator", [], now);
                s.InsertParty(op, Ids.HashKey(key));
                s.SetSetting(OperatorKeySetting, Ids.HashKey(key));
                s.AppendLedgerEntry(Created(op, Ids.HashKey(key), by: null));
                return key;
            },
            ct);

    /// <summary>The party holding <paramref name="apiKey"/>, or null.</summary>
    public async ValueTask<PartyRecord?> AuthenticateAsync(string apiKey, CancellationToken ct = default)
    {
        var hash = Ids.HashKey(apiKey);
        if (_byKeyHash.TryGetValue(hash, out var p))
        {
            return p;
        }

        p = await store.LookupAsync(s => s.GetPartyByKeyHash(hash), ct);
        if (p is null || !AccessRules.KeyIsValid(p))
        {
            return null;
        }

        _byKeyHash[hash] = p;
        return p;
    }

    public Task<Outcome> CreateAsync(PartyRecord caller, CreatePartyBody body, IdempotentRequest? idem, CancellationToken ct = default)
    {
        AccessRules.RequireKind(caller, PartyKind.Operator);
        var kind = FieldRules.Code<PartyKind>(body.Kind, "kind");
        if (kind == PartyKind.Operator)
        {
            throw AppProblem.BadRequest("unknown_code", "Operators are created by 'likeness init', not through the API.", "kind");
        }

        FieldRules.Name(body.Name, "name", 200);
        var represents = (body.Represents ?? []).Distinct(StringComparer.Ordinal).ToArray();
        if (kind == PartyKind.Representative && represents.Length > 0)
        {
            // The hole of issue 14: a representative named here would act for her without any act of hers.
            throw AppProblem.BadRequest("invalid_party",
                "A representative is created for nobody: a performer grants it powers herself (POST /v1/performers/{id}/representatives).", "represents");
        }

        var needsRepresents = kind is PartyKind.Estate or PartyKind.Union;
        if (!needsRepresents && represents.Length > 0)
        {
            throw AppProblem.BadRequest("invalid_party", $"A {body.Kind} represents nobody.", "represents");
        }

        if (needsRepresents && represents.Length == 0)
        {
            throw AppProblem.BadRequest("invalid_party", $"A {body.Kind} names the performers it represents.", "represents");
        }

        if (represents.Length > 1000)
        {
            throw AppProblem.BadRequest("invalid_party", "At most 1000 performers.", "represents");
        }

        return mutations.WriteAsync(caller.Id, idem, s =>
        {
            for (var i = 0; i < represents.Length; i++)
            {
                if (s.GetParty(represents[i]) is not { Kind: PartyKind.Performer })
                {
                    throw AppProblem.BadRequest("unknown_performer", $"'{represents[i]}' is not a performer.", $"represents[{i}]");
                }
            }

            var now = clock.GetUtcNow();
            var key = Ids.NewApiKey();
            var party = new PartyRecord(Ids.New(Prefix(kind), now), kind, body.Name.Trim(), represents, now);
            s.InsertParty(party, Ids.HashKey(key));
            s.AppendLedgerEntry(Created(party, Ids.HashKey(key), caller.Id));
            return Outcome.CreatedWithSecret(ToView(party) with { ApiKey = key }, ToView(party) with { ApiKeyShownOnce = true });
        }, ct);
    }

    public async Task<PartyView> GetAsync(PartyRecord caller, string id, CancellationToken ct = default)
    {
        var party = await store.ReadAsync(s => s.GetParty(id), ct);
        return party is not null && AccessRules.MaySeeParty(caller, party) ? ToView(party) : throw AppProblem.NotFound("party");
    }

    /// <summary>
    /// The operator records a performer's death, as an instant (<c>diedAt</c>) or a date (<c>diedOn</c>: the end of that day
    /// in <c>timeZone</c>, UTC when none is given); control passes to the estate named for the performer, and her post-mortem
    /// term starts under her domicile's rule (docs/DOMAIN.md, "Death and post-mortem terms").
    /// </summary>
    public async Task<Outcome> RecordDeathAsync(PartyRecord caller, string performerId, DeathBody body, IdempotentRequest? idem, CancellationToken ct = default)
    {
        AccessRules.RequireKind(caller, PartyKind.Operator);
        var (diedOn, diedAt) = DeathInstant.Of(body);
        if (diedAt > clock.GetUtcNow())
        {
            throw AppProblem.BadRequest("out_of_range", "A death cannot be in the future.", body.DiedAt is null ? "diedOn" : "diedAt");
        }

        var domicile = DeathInstant.Domicile(body.Domicile);
        var outcome = await mutations.WriteAsync(caller.Id, idem, s =>
        {
            // The rule of the table in force at the recording (docs/DOMAIN.md, "Death and post-mortem terms").
            var rule = PostMortemTerms.For(PostMortemTable.InForce(s), domicile);
            var termEnd = PostMortemTerms.FirstEnd(rule, diedAt);
            var performer = s.GetParty(performerId);
            if (performer is not { Kind: PartyKind.Performer })
            {
                throw AppProblem.NotFound("performer");
            }

            if (performer.DiedOn is not null)
            {
                throw AppProblem.Conflict("already_recorded", "This performer's death is already recorded.");
            }

            s.SetDeath(performerId, diedOn, diedAt, domicile, termEnd);
            s.RecordChange(ChangeKinds.Performer, performerId);
            var now = clock.GetUtcNow();
            var day = diedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            // Her estate (on her side from now) and every studio holding a licence of hers, whose post-mortem terms now apply.
            var studios = s.ListLicensesOfPerformer(performerId).Select(l => l.StudioId).Distinct(StringComparer.Ordinal).ToArray();
            Webhooks.WebhookOutbox.Publish(s, Webhooks.WebhookEventTypes.PerformerDied, now, new Webhooks.WebhookAudience(performerId, studios, Unions: true),
                new Dictionary<string, object?> { ["performerId"] = performerId, ["diedOn"] = day, ["diedAt"] = diedAt, ["postMortemTermEnd"] = termEnd });
            s.AppendLedgerEntry(new Ledger.LedgerEntry("performer.died", now).With("performer", performerId).With("diedOn", day).With("diedAt", diedAt)
                .With("jurisdiction", rule.Jurisdiction).With("termsVersion", PostMortemTable.VersionInForce(s)).With("postMortemEnd", termEnd).ToBytes());
            return Outcome.Ok(ToView(performer with { DiedOn = diedOn, DiedAt = diedAt, Domicile = domicile, StoredPostMortemEnd = termEnd }));
        }, ct);
        ForgetCachedParties();
        PerformerChanged?.Invoke(performerId);
        return outcome;
    }

    /// <summary>
    /// The <c>party.created</c> entry: the party, its kind, whom it represents, who created it (none for the operator made by
    /// <c>likeness init</c>) and the SHA-256 of the API key issued with it (the key itself is shown once and kept nowhere).
    /// </summary>
    private static byte[] Created(PartyRecord party, string apiKeySha256, string? by) =>
        new Ledger.LedgerEntry("party.created", party.CreatedAt).With("party", party.Id).With("partyKind", Vocabulary<PartyKind>.Name(party.Kind))
            .With("represents", party.Represents.Count == 0 ? null : string.Join(',', party.Represents)).With("by", by).With("apiKeySha256", apiKeySha256).ToBytes();

    /// <summary>Forgets cached key lookups (parties changed).</summary>
    public void ForgetCachedParties() => _byKeyHash.Clear();

    public static PartyView ToView(PartyRecord p) =>
        new(p.Id, Vocabulary<PartyKind>.Name(p.Kind), p.Name, [.. p.Represents], p.CreatedAt, p.DiedOn)
        {
            DiedAt = p.DiedAt,
            Domicile = p.Domicile,
            PostMortemTermEnd = p.PostMortemEnd,
        };

    private static string Prefix(PartyKind k) => k switch
    {
        PartyKind.Performer => "prf",
        PartyKind.Representative => "rep",
        PartyKind.Estate => "est",
        PartyKind.Studio => "std",
        PartyKind.Union => "uni",
        PartyKind.Auditor => "aud",
        _ => "op",
    };
}
