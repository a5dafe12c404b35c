namespace Likeness.Application.Acts;

/// <summary>A party's public signing key as stored: its RFC 7638 thumbprint, its DER SPKI, and when it was registered or revoked.</summary>
public sealed record PartyKeyRecord(
    string Kid, string PartyId, string Algorithm, byte[] Spki, DateTimeOffset CreatedAt, long LedgerIndex, DateTimeOffset? RevokedAt = null, long? RevokedIndex = null);

/// <summary>A performer's grant of powers to a representative, until a time or until she removes it.</summary>
public sealed record GrantRecord(
    string PerformerId, string RepresentativeId, RepresentativeRole Role, IReadOnlyList<Power> Powers, DateTimeOffset? Until, DateTimeOffset CreatedAt, long LedgerIndex)
{
    /// <summary>Whether the grant gives <paramref name="power"/> at <paramref name="at"/>.</summary>
    public bool Gives(Power power, DateTimeOffset at) => (Until is null || at < Until) && Powers.Contains(power);
}

/// <summary>A signed act: the ledger entry it is recorded by, who signed it with which key, the JWS and the text it signs.</summary>
public sealed record ActRecord(long LedgerIndex, string PartyId, string Kid, string Signature, string SignedForm);
