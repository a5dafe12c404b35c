using System.Text.Json.Serialization;

namespace Likeness.Application.Acts;

#pragma warning disable CA1819 // Bodies and views are plain data carriers.

/// <summary>
/// A public key as a JWK: ECDSA P-256 (<c>kty</c> EC, <c>crv</c> P-256, <c>x</c>, <c>y</c> in base64url) or Ed25519
/// (<c>kty</c> OKP, <c>crv</c> Ed25519, <c>x</c>); the optional members tools add (WebCrypto's <c>ext</c> and
/// <c>key_ops</c> among them) are read and ignored.
/// </summary>
public sealed record JwkBody(
    string Kty, string Crv, string X, string? Y = null, string? Kid = null, string? Alg = null, string? Use = null, bool? Ext = null,
    [property: JsonPropertyName("key_ops")] string[]? KeyOps = null);

/// <summary><c>POST /v1/parties/{id}/keys</c>: the key as a JWK, or as <c>publicKey</c>, a DER SubjectPublicKeyInfo in PEM or base64.</summary>
public sealed record RegisterKeyBody(JwkBody? Jwk = null, string? PublicKey = null);

/// <summary><c>POST /v1/parties/{id}/keys/revoke</c>.</summary>
public sealed record RevokeKeyBody(string Kid);

/// <summary><c>POST /v1/performers/{id}/representatives</c>: who, in which role, with which powers, until when.</summary>
public sealed record GrantBody(string Party, string Role, string[] Powers, DateTimeOffset? Until = null);

/// <summary><c>POST /v1/performers/{id}/representatives/remove</c>.</summary>
public sealed record RemoveGrantBody(string Party);

/// <summary>A public JWK (what <c>likeness act verify</c> is given); <c>y</c> only for P-256.</summary>
public sealed record JwkView(string Kty, string Crv, string X, string? Y, string Kid, string Alg);

/// <summary>A party's signing key: its id (RFC 7638 thumbprint), the key as JWK and as base64 DER SPKI, and its life.</summary>
public sealed record PartyKeyView(string Kid, string PartyId, string Algorithm, JwkView Jwk, string PublicKeySpki, DateTimeOffset CreatedAt, long LedgerIndex, DateTimeOffset? RevokedAt, long? RevokedLedgerIndex);

/// <summary>A performer's grant to a representative.</summary>
public sealed record GrantView(string PerformerId, string Party, string Role, string[] Powers, DateTimeOffset? Until, DateTimeOffset CreatedAt, long LedgerIndex);

/// <summary>
/// A signed act beside its ledger entry: who signed it, with which key (its public key too, so it can be checked
/// offline), the JWS and the exact text it signs.
/// </summary>
public sealed record ActView(string SignedBy, string Kid, string Signature, string SignedForm, string PublicKeySpki);
