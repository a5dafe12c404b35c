namespace Likeness.Client;

#pragma warning disable CA1819 // Wire records carry arrays as the API's JSON does.

/// <summary><c>POST /v1/renders/{id}/credential</c>: a C2PA claim and the assertion store it vouches for (base64), and the signature's planned length.</summary>
public sealed record CredentialRequest(string Claim, string Assertions, int SignatureLength);

/// <summary>The server's signature over a render's claim: COSE_Sign1 (base64), the chain it embeds, the claim's hash and its ledger entry.</summary>
public sealed record RenderCredential(string RenderId, string Signature, string[] Chain, string ClaimSha256, long LedgerIndex);

/// <summary><c>GET /v1/provenance/watermarks/{token}</c>: what a token found in audio says; <see cref="Render"/> only for the render's parties and auditors.</summary>
public sealed record WatermarkLookup(string Token, bool Registered, bool Synthetic, string Credential, WatermarkRender? Render = null);

/// <summary>The render behind a watermark token.</summary>
public sealed record WatermarkRender(
    string RenderId, string Status, string LicenseId, string PerformerId, string StudioId, DateTimeOffset CreatedAt, DateTimeOffset? SettledAt,
    string? OutputSha256, long LedgerIndex);

/// <summary><c>POST /v1/provenance/identify</c>: a copy's Chromaprint fingerprint (<see cref="Chromaprint"/>).</summary>
public sealed record IdentifyRequest(string Fingerprint);

/// <summary>What an identification found: the copy's seconds and the registered outputs it matches, best first.</summary>
public sealed record IdentifyResult(double Seconds, FingerprintMatch[] Matches);

/// <summary>One render a copy matches; <see cref="Render"/> only for the render's parties and auditors.</summary>
public sealed record FingerprintMatch(double Similarity, double OffsetSeconds, double MatchedSeconds, bool Synthetic, string Credential, WatermarkRender? Render = null);
