namespace Likeness.Application.Contracts;

/// <summary>
/// <c>POST /v1/renders/{id}/credential</c>: a C2PA claim to sign (base64 CBOR), the assertion store it vouches for
/// (base64 JUMBF) and the signature's exact length, which the claim's hard binding already counts.
/// </summary>
public sealed record CredentialBody(string Claim, string Assertions, int SignatureLength);

/// <summary>
/// The signed credential: the COSE_Sign1 signature (base64, exactly the length asked), the certificate chain it
/// carries (base64 DER, signer first; the root is at <c>GET /v1/provenance/trust-anchors</c>), the claim's SHA-256
/// and the ledger entry (<c>render.credentialed</c>) that records it.
/// </summary>
public sealed record CredentialView(string RenderId, string Signature, string[] Chain, string ClaimSha256, long LedgerIndex);
