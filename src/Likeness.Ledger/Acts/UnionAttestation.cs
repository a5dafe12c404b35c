using System.Security.Cryptography;
using System.Text;

namespace Likeness.Ledger.Acts;

/// <summary>
/// A union's AB 2602 attestation: a detached JWS (<see cref="ActSignature"/>) by a key the union registered, over
/// <see cref="SignedForm"/>, which names the licence request and the SHA-256 of the description of use it attests. A
/// counter that changes the description needs a new one; the same signature cannot attest another request. Pure: the
/// server and an auditor holding the union's public key check it the same way (docs/SECURITY.md, "AB 2602 attestations").
/// </summary>
public static class UnionAttestation
{
    /// <summary>The text a union signs: a fixed label, the request's id, the description's SHA-256 (lowercase hex), each line ended by <c>\n</c>.</summary>
    public static string SignedForm(string requestId, string description) =>
        $"likeness attestation v1\n{requestId}\n{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(description)))}\n";
}
