using Likeness.Client.Transport;
using static Likeness.Client.Transport.JsonCalls;

namespace Likeness.Client;

/// <summary>Parties, the caller itself, and performers' assets.</summary>
public sealed class PartiesClient
{
    private readonly JsonCalls _calls;

    internal PartiesClient(JsonCalls calls) => _calls = calls;

    /// <summary><c>POST /v1/parties</c> (operator): the answer carries the new party's API key, once.</summary>
    public Task<Party> CreateAsync(CreateParty party, CancellationToken ct = default) =>
        _calls.PostAsync("v1/parties", party, ClientJson.Default.CreateParty, ClientJson.Default.Party, ct);

    /// <summary><c>GET /v1/parties/{id}</c>.</summary>
    public Task<Party> GetAsync(string id, CancellationToken ct = default) =>
        _calls.GetAsync($"v1/parties/{Escape(id)}", ClientJson.Default.Party, ct);

    /// <summary><c>GET /v1/me</c>: who the key belongs to and what it may do.</summary>
    public Task<Me> MeAsync(CancellationToken ct = default) => _calls.GetAsync("v1/me", ClientJson.Default.Me, ct);

    /// <summary><c>GET /v1/me/performers</c>: the performers the caller acts for, a page at a time.</summary>
    public Task<Page<Party>> MyPerformersAsync(string? cursor = null, int? limit = null, CancellationToken ct = default) =>
        _calls.GetAsync(Query("v1/me/performers", ("cursor", cursor), ("limit", limit?.ToString(System.Globalization.CultureInfo.InvariantCulture))), ClientJson.Default.PageParty, ct);

    /// <summary><c>POST /v1/performers/{id}/death</c> (operator).</summary>
    public Task<Party> RecordDeathAsync(string performerId, DateOnly diedOn, CancellationToken ct = default) =>
        _calls.PostAsync($"v1/performers/{Escape(performerId)}/death", new RecordDeath(diedOn), ClientJson.Default.RecordDeath, ClientJson.Default.Party, ct);

    /// <summary><c>POST /v1/performers/{id}/assets</c> (performer side).</summary>
    public Task<Asset> RegisterAssetAsync(string performerId, CreateAsset asset, CancellationToken ct = default) =>
        _calls.PostAsync($"v1/performers/{Escape(performerId)}/assets", asset, ClientJson.Default.CreateAsset, ClientJson.Default.Asset, ct);

    /// <summary><c>GET /v1/performers/{id}/assets</c>: the performer side sees all; a licensee, those of the modalities it licenses.</summary>
    public Task<Asset[]> AssetsAsync(string performerId, CancellationToken ct = default) =>
        _calls.GetAsync($"v1/performers/{Escape(performerId)}/assets", ClientJson.Default.AssetArray, ct);
}
