using System.Text.Json.Serialization;

namespace Likeness.Client;

#pragma warning disable CA1819 // Wire records carry arrays as the token's JSON does.

/// <summary>What a licence token says: issuer (the log origin), licence id, parties, the terms' hash, issue and expiry (Unix seconds), modalities.</summary>
public sealed record LicenseClaims(string Iss, string Sub, string Performer, string Studio, string TermsSha256, long Iat, long Exp, string[] Modalities)
{
    /// <summary>When the token was issued.</summary>
    [JsonIgnore]
    public DateTimeOffset IssuedAt => DateTimeOffset.FromUnixTimeSeconds(Iat);

    /// <summary>When the licence term ends.</summary>
    [JsonIgnore]
    public DateTimeOffset ExpiresAt => DateTimeOffset.FromUnixTimeSeconds(Exp);
}

/// <summary>A licence token's protected header.</summary>
internal sealed record JwsHeader(string Alg, string? Kid, string? Typ);
