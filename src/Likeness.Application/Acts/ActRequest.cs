namespace Likeness.Application.Acts;

/// <summary>
/// An act as the server received it with a <c>Likeness-Signature</c>: the signature, and what it must sign (the
/// method, the path, the SHA-256 of the body, the Idempotency-Key). The HTTP layer makes one only when the header is
/// sent, so a request without it costs nothing more.
/// </summary>
public sealed record ActRequest(string Signature, string Method, string Path, string BodySha256, string? IdempotencyKey);

/// <summary>A signature the gate verified: who signed with which key, the JWS, the text it signs and the JWS's SHA-256.</summary>
public sealed record ActProof(string PartyId, string Kid, string Signature, string SignedForm, string SignatureSha256);
