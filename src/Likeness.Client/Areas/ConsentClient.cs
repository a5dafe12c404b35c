using System.Text.Json;
using System.Text.Json.Nodes;
using Likeness.Client.Transport;
using static Likeness.Client.Transport.JsonCalls;

namespace Likeness.Client;

/// <summary>A performer's consent policy and its versions, and her caps.</summary>
public sealed class ConsentClient
{
    private readonly JsonCalls _calls;

    internal ConsentClient(JsonCalls calls) => _calls = calls;

    /// <summary><c>PUT /v1/performers/{id}/consent</c> (performer side): a policy in the API's JSON shape, or ODRL JSON-LD.</summary>
    public async Task<ConsentWritten> PutAsync(string performerId, JsonObject policy, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var bytes = System.Text.Encoding.UTF8.GetBytes(policy.ToJsonString());
        var res = (await _calls.Transport.SendAsync(HttpMethod.Put, $"v1/performers/{Escape(performerId)}/consent", bytes, NewKey(), ct: ct).ConfigureAwait(false)).EnsureSuccess();
        return JsonSerializer.Deserialize(res.Body, ClientJson.Default.ConsentWritten)!;
    }

    /// <summary><c>GET /v1/performers/{id}/consent</c>: the current version (a licensee sees the prohibitions that bind it).</summary>
    public Task<Consent> GetAsync(string performerId, CancellationToken ct = default) =>
        _calls.GetAsync($"v1/performers/{Escape(performerId)}/consent", ClientJson.Default.Consent, ct);

    /// <summary><c>GET /v1/performers/{id}/consent/versions</c>.</summary>
    public Task<Page<Consent>> VersionsAsync(string performerId, string? cursor = null, int? limit = null, CancellationToken ct = default) =>
        _calls.GetAsync(Query($"v1/performers/{Escape(performerId)}/consent/versions", ("cursor", cursor), ("limit", limit?.ToString(System.Globalization.CultureInfo.InvariantCulture))), ClientJson.Default.PageConsent, ct);

    /// <summary><c>GET /v1/performers/{id}/caps</c>: her caps and what they have counted, as the server writes them.</summary>
    public Task<JsonObject> CapsAsync(string performerId, CancellationToken ct = default) =>
        _calls.GetAsync($"v1/performers/{Escape(performerId)}/caps", ClientJson.Default.JsonObject, ct);
}
