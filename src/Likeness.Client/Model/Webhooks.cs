namespace Likeness.Client;

#pragma warning disable CA1819 // Wire records carry arrays as the API's JSON does.

/// <summary><c>POST /v1/webhooks</c>: where to deliver which events.</summary>
public sealed record CreateWebhook(string Url, string[] Events);

/// <summary>A webhook endpoint; <see cref="Secret"/> is present once, in the answer that created or rotated it.</summary>
public sealed record WebhookEndpoint(string Id, string Url, string[] Events, DateTimeOffset CreatedAt, DateTimeOffset? PreviousSecretUntil, string? Secret = null);

/// <summary>One delivery of an event to an endpoint.</summary>
public sealed record WebhookDelivery(
    string Id, string EventId, string EventType, string Status, int Attempts, DateTimeOffset CreatedAt, DateTimeOffset? NextAttemptAt,
    DateTimeOffset? LastAttemptAt, int? LastStatusCode, string? LastError, DateTimeOffset? DeliveredAt);

/// <summary>A test event queued for an endpoint.</summary>
public sealed record WebhookTest(string EventId, string Type);

/// <summary>A public JWK; <c>y</c> only for P-256.</summary>
public sealed record Jwk(string Kty, string Crv, string X, string? Y, string Kid, string Alg);

/// <summary><c>POST /v1/parties/{id}/keys</c>: a party's act-signing public key, as a JWK or an SPKI.</summary>
public sealed record RegisterPartyKey(Jwk? Jwk = null, string? PublicKey = null);

/// <summary><c>POST /v1/parties/{id}/keys/revoke</c>.</summary>
public sealed record RevokePartyKey(string Kid);

/// <summary>A party's registered act-signing key.</summary>
public sealed record PartyKey(string Kid, string PartyId, string Algorithm, Jwk Jwk, string PublicKeySpki, DateTimeOffset CreatedAt, long LedgerIndex, DateTimeOffset? RevokedAt, long? RevokedLedgerIndex);

/// <summary><c>POST /v1/performers/{id}/representatives</c>: who, in which role, with which powers, until when.</summary>
public sealed record CreateGrant(string Party, string Role, string[] Powers, DateTimeOffset? Until = null);

/// <summary><c>POST /v1/performers/{id}/representatives/remove</c>.</summary>
public sealed record RemoveGrant(string Party);

/// <summary>A performer's grant to a representative.</summary>
public sealed record Grant(string PerformerId, string Party, string Role, string[] Powers, DateTimeOffset? Until, DateTimeOffset CreatedAt, long LedgerIndex);
