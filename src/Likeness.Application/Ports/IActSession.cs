using Likeness.Application.Acts;

namespace Likeness.Application.Ports;

/// <summary>The tables of signed acts: parties' signing keys, performers' grants to representatives, and the acts' signatures.</summary>
public interface IActSession
{
    void InsertKey(PartyKeyRecord key);

    /// <summary>A key by its thumbprint, revoked or not.</summary>
    PartyKeyRecord? GetKey(string kid);

    /// <summary>A party's keys, oldest first, revoked ones too.</summary>
    IReadOnlyList<PartyKeyRecord> ListKeys(string partyId);

    void RevokeKey(string kid, DateTimeOffset at, long ledgerIndex);

    /// <summary>Whether the party has a key not revoked: from then on its acts, and acts on its behalf, must be signed.</summary>
    bool HasActiveKey(string partyId);

    /// <summary>Stores a grant, replacing the performer's earlier grant to the same representative.</summary>
    void PutGrant(GrantRecord grant);

    GrantRecord? GetGrant(string performerId, string representativeId);

    /// <summary>A performer's grants, by representative id.</summary>
    IReadOnlyList<GrantRecord> ListGrants(string performerId);

    void DeleteGrant(string performerId, string representativeId);

    void InsertAct(ActRecord act);

    /// <summary>The signed act recorded by ledger entry <paramref name="ledgerIndex"/>, if that entry was signed.</summary>
    ActRecord? GetAct(long ledgerIndex);
}
