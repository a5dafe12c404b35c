using Likeness.Client.Transport;
using static Likeness.Client.Transport.JsonCalls;

namespace Likeness.Client;

/// <summary>Parties' act-signing keys and performers' grants to representatives.</summary>
public sealed class ActsClient
{
    private readonly JsonCalls _calls;

    internal ActsClient(JsonCalls calls) => _calls = calls;

    /// <summary><c>POST /v1/parties/{id}/keys</c>.</summary>
    public Task<PartyKey> RegisterKeyAsync(string partyId, RegisterPartyKey key, CancellationToken ct = default) =>
        _calls.PostAsync($"v1/parties/{Escape(partyId)}/keys", key, ClientJson.Default.RegisterPartyKey, ClientJson.Default.PartyKey, ct);

    /// <summary><c>GET /v1/parties/{id}/keys</c>.</summary>
    public Task<PartyKey[]> KeysAsync(string partyId, CancellationToken ct = default) =>
        _calls.GetAsync($"v1/parties/{Escape(partyId)}/keys", ClientJson.Default.PartyKeyArray, ct);

    /// <summary><c>POST /v1/parties/{id}/keys/revoke</c>.</summary>
    public Task<PartyKey> RevokeKeyAsync(string partyId, string kid, CancellationToken ct = default) =>
        _calls.PostAsync($"v1/parties/{Escape(partyId)}/keys/revoke", new RevokePartyKey(kid), ClientJson.Default.RevokePartyKey, ClientJson.Default.PartyKey, ct);

    /// <summary><c>POST /v1/performers/{id}/representatives</c>.</summary>
    public Task<Grant> GrantAsync(string performerId, CreateGrant grant, CancellationToken ct = default) =>
        _calls.PostAsync($"v1/performers/{Escape(performerId)}/representatives", grant, ClientJson.Default.CreateGrant, ClientJson.Default.Grant, ct);

    /// <summary><c>GET /v1/performers/{id}/representatives</c>.</summary>
    public Task<Grant[]> GrantsAsync(string performerId, CancellationToken ct = default) =>
        _calls.GetAsync($"v1/performers/{Escape(performerId)}/representatives", ClientJson.Default.GrantArray, ct);

    /// <summary><c>POST /v1/performers/{id}/representatives/remove</c>.</summary>
    public Task<Grant> RemoveGrantAsync(string performerId, string party, CancellationToken ct = default) =>
        _calls.PostAsync($"v1/performers/{Escape(performerId)}/representatives/remove", new RemoveGrant(party), ClientJson.Default.RemoveGrant, ClientJson.Default.Grant, ct);
}
