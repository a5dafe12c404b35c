using Likeness.Application.Common;
using Likeness.Application.Ledger;
using Likeness.Application.Model;
using Likeness.Application.Ports;
using Likeness.Domain.Common;
using Likeness.Ledger.Acts;

namespace Likeness.Application.Acts;

/// <summary>
/// What every act on a performer's behalf passes, inside its own transaction (so a key revoked or a grant removed a
/// moment before is seen): a representative must hold the power from her grant; a signature, when sent, must be the
/// caller's live key over this very act, made within five minutes; and once she (or the caller) has a key, an act
/// without one is refused. docs/SECURITY.md, "Signed acts", says why each rule is there.
/// </summary>
public sealed class ActGate(TimeProvider clock)
{
    /// <summary>
    /// Checks an act of <paramref name="caller"/> on <paramref name="principal"/>'s behalf (null for an act on the
    /// caller's own keys) needing <paramref name="power"/> (null when no grant gives it: her own acts, an estate's, a
    /// union's strike, a studio's accept). Returns the verified signature, or null for an unsigned act that may go
    /// unsigned; throws the refusal otherwise.
    /// </summary>
    public ActProof? Check(IStoreSession s, PartyRecord caller, PartyRecord? principal, Power? power, ActRequest? act)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(caller);
        var now = clock.GetUtcNow();
        if (caller.Kind == PartyKind.Representative && principal is not null && power is { } needed)
        {
            RequirePower(s.Acts.GetGrant(principal.Id, caller.Id), principal, needed, now);
        }

        if (act is not null)
        {
            return Verify(s, caller, act, now);
        }

        // Unsigned: refused once the caller has a key, or the performer it acts for (her side only: a union's strike or
        // a studio's accept is its own act, not one on her behalf).
        if (s.Acts.HasActiveKey(caller.Id))
        {
            throw new AppProblem(403, "signature_required", $"You registered a signing key, so your acts must be signed: sign this request with it ({ActSignature.Header} header).");
        }

        if (principal is not null && principal.Id != caller.Id && caller.Kind is (PartyKind.Representative or PartyKind.Estate) && s.Acts.HasActiveKey(principal.Id))
        {
            throw new AppProblem(403, "signature_required", $"Performer {principal.Id} requires signed acts: sign this request with a key registered to you ({ActSignature.Header} header).");
        }

        return null;
    }

    /// <summary>Appends <paramref name="entry"/>, carrying the signature's key id and hash when the act was signed, and stores the signed act beside it.</summary>
    public static long Append(IStoreSession s, LedgerEntry entry, ActProof? proof)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(entry);
        if (proof is not null)
        {
            entry.With("signedWith", proof.Kid).With("signatureSha256", proof.SignatureSha256);
        }

        var index = s.AppendLedgerEntry(entry.ToBytes());
        if (proof is not null)
        {
            s.Acts.InsertAct(new ActRecord(index, proof.PartyId, proof.Kid, proof.Signature, proof.SignedForm));
        }

        return index;
    }

    /// <summary>The refusal of a representative acting for a living performer who granted it nothing (the operator's representative).</summary>
    public static AppProblem NotGranted(string performerId) => new(403, "power_not_granted",
        $"Performer {performerId} has granted this representative no power. A representative acts for a performer only by her own grant (POST /v1/performers/{performerId}/representatives); the operator cannot give one.");

    private static void RequirePower(GrantRecord? grant, PartyRecord principal, Power needed, DateTimeOffset now)
    {
        if (grant is null)
        {
            throw NotGranted(principal.Id);
        }

        if (grant.Until <= now)
        {
            throw new AppProblem(403, "power_not_granted", $"Performer {principal.Id}'s grant to this representative ended at {LedgerEntry.Time(grant.Until.Value)}.");
        }

        if (!grant.Powers.Contains(needed))
        {
            throw new AppProblem(403, "power_not_granted",
                $"Performer {principal.Id} has not granted this representative the '{Vocabulary<Power>.Name(needed)}' power (it holds: {string.Join(", ", grant.Powers.Select(Vocabulary<Power>.Name))}).");
        }
    }

    private static ActProof Verify(IStoreSession s, PartyRecord caller, ActRequest act, DateTimeOffset now)
    {
        if (act.IdempotencyKey is null)
        {
            throw AppProblem.BadRequest("invalid_idempotency_key", "A signed act carries an Idempotency-Key: it is part of what is signed, and a retry is answered once.", "Idempotency-Key");
        }

        if (!ActSignature.TryParse(act.Signature, out var signature, out var problem))
        {
            throw Invalid(problem);
        }

        var key = s.Acts.GetKey(signature.Kid);
        if (key is null || key.PartyId != caller.Id)
        {
            throw Invalid($"Key {signature.Kid} is not a signing key of the calling party.");
        }

        if (key.RevokedAt is { } revoked)
        {
            throw Invalid($"Key {signature.Kid} was revoked at {LedgerEntry.Time(revoked)}.");
        }

        if (!signature.IsFresh(now))
        {
            throw Invalid($"The signature was made at {LedgerEntry.Time(signature.IssuedAtTime)}, more than {ActSignature.Window.TotalMinutes:0} minutes from the server's time {LedgerEntry.Time(now)}.");
        }

        var signedForm = ActSignature.SignedForm(act.Method, act.Path, act.BodySha256, act.IdempotencyKey);
        if (!signature.IsBySpki(key.Spki, signedForm))
        {
            throw Invalid($"The signature by key {signature.Kid} does not sign this act (its method, path, body and Idempotency-Key).");
        }

        return new ActProof(caller.Id, key.Kid, act.Signature, signedForm, signature.Sha256);
    }

    private static AppProblem Invalid(string message) => new(401, "signature_invalid", message);
}
