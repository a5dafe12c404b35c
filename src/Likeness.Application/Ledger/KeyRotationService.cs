using Likeness.Application.Access;
using Likeness.Application.Common;
using Likeness.Application.Licensing;
using Likeness.Application.Model;
using Likeness.Application.Ports;
using Likeness.Domain.Common;
using Likeness.Ledger;

namespace Likeness.Application.Ledger;

/// <summary>
/// Rotates the ledger's signing key (the operator): a <c>key.rotated</c> entry, signed by the old key over the new
/// key's ids and SPKI, announces the new key in the transaction that publishes it, so checkpoints from then on are
/// signed by a key the log has announced and a verifier that pinned the old key can follow. The new key is staged in
/// the key store before the commit and made current after it; the old private key is then gone.
/// </summary>
public sealed class KeyRotationService(TimeProvider clock, Mutations mutations, KeyRing keys)
{
    public async Task<Outcome> RotateAsync(PartyRecord caller, IdempotentRequest? idem, CancellationToken ct = default)
    {
        AccessRules.RequireKind(caller, PartyKind.Operator);

        // Made outside the writer, so that a command run twice (a batch retried one by one) stages and announces one key.
        var fresh = SigningKey.Generate();
        var committed = false;
        var outcome = await mutations.WriteAsync(caller.Id, idem, s =>
        {
            committed = false;
            var published = PublishedKeys.Read(s);
            if (keys.InForce(published) is not { } old)
            {
                return Outcome.Refused(new Problem(503, "signing_key_unavailable", keys.Unavailable(published[^1].KeyId).Message));
            }

            // The sequencer signs the entries after its last checkpoint in batches of at most MaxBatch; this rotation must
            // fall in the next one, or a checkpoint short of it would need the old key after it is gone.
            if (s.LedgerEntryCount() - (s.GetLatestCheckpoint()?.Size ?? 0) >= LedgerService.MaxBatch)
            {
                return Outcome.Refused(new Problem(409, "ledger_behind", "The ledger has a long backlog to sign; rotate the key once its checkpoint has caught up."));
            }

            keys.Stage(fresh);
            var rotation = KeyRotation.Sign(keys.Origin, old.PublicKeySpki, old.SignDer, fresh.PublicKeySpki);
            var spki = Convert.ToBase64String(fresh.PublicKeySpki);
            var index = s.AppendLedgerEntry(new LedgerEntry(KeyRotation.Kind, clock.GetUtcNow())
                .With("keyName", rotation.KeyName).With("previousKeyId", rotation.PreviousKeyId).With("keyId", rotation.KeyId)
                .With("publicKeySpki", spki).With("signature", Convert.ToBase64String(rotation.Signature)).ToBytes());
            PublishedKeys.Write(s, [.. published, new PublishedKey(fresh.KeyId, spki, index)]);
            s.RecordChange(ChangeKinds.LedgerKey, fresh.KeyId);
            committed = true;
            return Outcome.Ok(LedgerKeys.View(s, keys.Origin));
        }, ct);

        if (committed)
        {
            keys.Adopt(fresh);
        }
        else
        {
            fresh.Dispose();
        }

        return outcome;
    }
}
