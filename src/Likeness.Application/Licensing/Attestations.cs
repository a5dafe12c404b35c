using Likeness.Application.Acts;
using Likeness.Application.Common;
using Likeness.Application.Contracts;
using Likeness.Application.Ledger;
using Likeness.Application.Model;
using Likeness.Application.Ports;
using Likeness.Domain.Common;
using Likeness.Ledger.Acts;

namespace Likeness.Application.Licensing;

/// <summary>
/// An AB 2602 attestation, checked: the text kept on the licence and the members its grant's ledger entry carries.
/// </summary>
public sealed record Attested(string Text, string By, string? Union, string? UnionKey, string Sha256)
{
    /// <summary>Adds the attestation's members to the grant's entry (docs/LEDGER.md).</summary>
    public LedgerEntry AddTo(LedgerEntry entry) =>
        entry.With("attestedBy", By).With("attestingUnion", Union).With("attestationKey", UnionKey).With("attestationSha256", Sha256);
}

/// <summary>
/// Who may attest that a licence's description of use, not reasonably specific, was negotiated with representation
/// (California AB 2602): her union, signing with a key it registered itself, or counsel, named with the SHA-256 of the
/// opinion counsel signed. The performer side's word that "the union attests" is not enough: it could claim anyone's.
/// </summary>
public static class Attestations
{
    /// <summary>Checks the attestation's shape before the transaction (400 naming the field).</summary>
    public static void Validate(AttestationBody a)
    {
        ArgumentNullException.ThrowIfNull(a);
        switch (a.By)
        {
            case "union":
                if (string.IsNullOrWhiteSpace(a.Union) || string.IsNullOrWhiteSpace(a.Signature))
                {
                    // The old form ({by: "union", name}) was the performer side's word alone.
                    throw AppProblem.BadRequest("invalid_attestation",
                        "A union attests with its own signature: send 'union' (its party id) and 'signature' (made with a key it registered; docs/DOMAIN.md).",
                        string.IsNullOrWhiteSpace(a.Union) ? "attestation.union" : "attestation.signature");
                }

                FieldRules.Text(a.Union, "attestation.union", 100);
                FieldRules.Text(a.Signature, "attestation.signature", 2048);
                break;
            case "counsel":
                FieldRules.Name(a.Name!, "attestation.name", 200);
                if (a.OpinionSha256 is not { Length: 64 } hash || !hash.All(char.IsAsciiHexDigitLower))
                {
                    throw AppProblem.BadRequest("invalid_attestation",
                        "Counsel's attestation names the SHA-256 of the opinion counsel signed: 64 lowercase hexadecimal digits.", "attestation.opinionSha256");
                }

                break;
            default:
                throw AppProblem.BadRequest("unknown_code", "An attestation is by 'counsel' or 'union'.", "attestation.by");
        }
    }

    /// <summary>Checks the attestation against the store, inside the approval's transaction (a key revoked a moment before is seen).</summary>
    public static Attested Check(IStoreSession s, AttestationBody a, LicenseRequestRecord request)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(request);
        if (a.By == "counsel")
        {
            return new Attested($"counsel: {a.Name!.Trim()} (opinion sha256 {a.OpinionSha256})", "counsel", null, null, a.OpinionSha256!);
        }

        if (s.GetParty(a.Union!) is not { Kind: PartyKind.Union } union || !union.Represents.Contains(request.PerformerId))
        {
            throw Refused($"'{a.Union}' is not a union of this performer's.", "attestation.union");
        }

        if (!ActSignature.TryParse(a.Signature, out var signature, out var problem))
        {
            throw Refused(problem, "attestation.signature");
        }

        var key = s.Acts.GetKey(signature.Kid);
        if (key is null || key.PartyId != union.Id || key.RevokedAt is not null)
        {
            throw Refused($"Key {signature.Kid} is not a live signing key of union {union.Id}: a union attests with a key it registered itself.", "attestation.signature");
        }

        if (!signature.IsBySpki(key.Spki, UnionAttestation.SignedForm(request.Id, request.Terms.Description)))
        {
            throw Refused($"The union's signature does not attest this request's description of use (request {request.Id}).", "attestation.signature");
        }

        return new Attested($"union: {union.Name} ({union.Id}, key {key.Kid})", "union", union.Id, key.Kid, signature.Sha256);
    }

    private static AppProblem Refused(string message, string field) => AppProblem.BadRequest("invalid_attestation", message, field);
}
