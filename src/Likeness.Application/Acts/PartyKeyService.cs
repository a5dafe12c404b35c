using Likeness.Application.Access;
using Likeness.Application.Common;
using Likeness.Application.Contracts;
using Likeness.Application.Ledger;
using Likeness.Application.Model;
using Likeness.Application.Ports;
using Likeness.Domain.Common;
using Likeness.Ledger.Acts;

namespace Likeness.Application.Acts;

/// <summary>
/// Parties' signing keys. A party registers its own keys: the first with its API key alone, every later one (and every
/// revocation) as an act signed by a key it already holds, so whoever holds only the API key (or the operator) cannot
/// add a key of theirs. Each registration and revocation is a ledger entry carrying the public key.
/// </summary>
public sealed class PartyKeyService(IStore store, TimeProvider clock, Mutations mutations, ActGate gate)
{
    /// <summary>At most this many keys per party, revoked ones included.</summary>
    public const int MaxKeys = 20;

    public Task<Outcome> RegisterAsync(PartyRecord caller, string partyId, RegisterKeyBody body, IdempotentRequest? idem, ActRequest? act, CancellationToken ct = default)
    {
        RequireOwn(caller, partyId);
        var key = Parse(body);
        return mutations.WriteAsync(caller.Id, idem, s =>
        {
            var proof = gate.Check(s, caller, null, null, act);
            if (s.Acts.GetKey(key.Kid) is { } existing)
            {
                throw AppProblem.Conflict("already_recorded", existing.PartyId == caller.Id ? $"Key {key.Kid} is registered already." : "This key is registered to another party.");
            }

            if (s.Acts.ListKeys(caller.Id).Count >= MaxKeys)
            {
                throw AppProblem.BadRequest("invalid_key", $"A party holds at most {MaxKeys} keys, revoked ones included.");
            }

            var now = clock.GetUtcNow();
            var index = ActGate.Append(s, new LedgerEntry("party_key.registered", now).With("party", caller.Id).With("keyId", key.Kid)
                .With("algorithm", key.Algorithm).With("publicKeySpki", Convert.ToBase64String(key.Spki)), proof);
            var record = new PartyKeyRecord(key.Kid, caller.Id, key.Algorithm, key.Spki, now, index);
            s.Acts.InsertKey(record);
            return Outcome.Created(ToView(record));
        }, ct);
    }

    public Task<Outcome> RevokeAsync(PartyRecord caller, string partyId, RevokeKeyBody body, IdempotentRequest? idem, ActRequest? act, CancellationToken ct = default)
    {
        RequireOwn(caller, partyId);
        FieldRules.Text(body.Kid, "kid", 100);
        return mutations.WriteAsync(caller.Id, idem, s =>
        {
            var key = s.Acts.GetKey(body.Kid);
            if (key is null || key.PartyId != caller.Id)
            {
                throw AppProblem.NotFound("signing key");
            }

            if (key.RevokedAt is not null)
            {
                throw AppProblem.Conflict("already_recorded", $"Key {key.Kid} is revoked already.");
            }

            var proof = gate.Check(s, caller, null, null, act);
            var now = clock.GetUtcNow();
            var index = ActGate.Append(s, new LedgerEntry("party_key.revoked", now).With("party", caller.Id).With("keyId", key.Kid), proof);
            s.Acts.RevokeKey(key.Kid, now, index);
            return Outcome.Ok(ToView(key with { RevokedAt = now, RevokedIndex = index }));
        }, ct);
    }

    /// <summary>A party's keys, revoked ones too: to whoever may see the party, and to auditors (public keys hide nothing).</summary>
    public Task<PartyKeyView[]> ListAsync(PartyRecord caller, string partyId, CancellationToken ct = default) =>
        store.ReadAsync(
            s =>
            {
                var party = s.GetParty(partyId);
                if (party is null || !(AccessRules.MaySeeParty(caller, party) || caller.Kind == PartyKind.Auditor))
                {
                    throw AppProblem.NotFound("party");
                }

                return s.Acts.ListKeys(partyId).Select(ToView).ToArray();
            },
            ct);

    /// <summary>The key as JWK and SPKI, with its life.</summary>
    public static PartyKeyView ToView(PartyKeyRecord k)
    {
        var key = PartyKey.FromSpki(k.Spki);
        return new PartyKeyView(k.Kid, k.PartyId, k.Algorithm, new JwkView(key.Kty, key.Crv, key.X, key.Y, key.Kid, key.Algorithm), Convert.ToBase64String(k.Spki),
            k.CreatedAt, k.LedgerIndex, k.RevokedAt, k.RevokedIndex);
    }

    // Only a party registers its own keys; the operator and auditors sign no acts.
    private static void RequireOwn(PartyRecord caller, string partyId)
    {
        if (caller.Id != partyId)
        {
            throw caller.Kind == PartyKind.Operator
                ? AppProblem.Forbidden("The operator never registers or revokes a party's keys: only the party itself does.")
                : AppProblem.NotFound("party");
        }

        if (caller.Kind is PartyKind.Operator or PartyKind.Auditor)
        {
            throw AppProblem.Forbidden($"A {Vocabulary<PartyKind>.Name(caller.Kind)} signs no acts, so registers no signing key.");
        }
    }

    private static PartyKey Parse(RegisterKeyBody body)
    {
        try
        {
            return (body.Jwk, body.PublicKey) switch
            {
                ({ } jwk, null) => PartyKey.FromJwk(jwk.Kty, jwk.Crv, jwk.X, jwk.Y),
                (null, { Length: <= 4096 } spki) => PartyKey.FromSpki(spki),
                _ => throw new FormatException("Send the key as 'jwk' or as 'publicKey' (SPKI, PEM or base64), one of them."),
            };
        }
        catch (FormatException e)
        {
            throw AppProblem.BadRequest("invalid_key", e.Message, body.Jwk is null ? "publicKey" : "jwk");
        }
    }
}
