using System.Globalization;
using Likeness.Client.Transport;
using static Likeness.Client.Transport.JsonCalls;

namespace Likeness.Client;

/// <summary>Licence requests, licences, and the usage under them.</summary>
public sealed class LicensesClient
{
    private readonly JsonCalls _calls;

    internal LicensesClient(JsonCalls calls) => _calls = calls;

    /// <summary><c>POST /v1/license-requests</c> (studio).</summary>
    public Task<LicenseRequest> RequestAsync(CreateLicenseRequest request, CancellationToken ct = default) =>
        _calls.PostAsync("v1/license-requests", request, ClientJson.Default.CreateLicenseRequest, ClientJson.Default.LicenseRequest, ct);

    /// <summary><c>GET /v1/license-requests/{id}</c>.</summary>
    public Task<LicenseRequest> GetRequestAsync(string id, CancellationToken ct = default) =>
        _calls.GetAsync($"v1/license-requests/{Escape(id)}", ClientJson.Default.LicenseRequest, ct);

    /// <summary><c>GET /v1/license-requests</c>, a page at a time.</summary>
    public Task<Page<LicenseRequest>> RequestsAsync(string? status = null, string? performer = null, string? studio = null, string? cursor = null, int? limit = null, CancellationToken ct = default) =>
        _calls.GetAsync(Query("v1/license-requests", ("status", status), ("performer", performer), ("studio", studio), ("cursor", cursor), ("limit", Text(limit))), ClientJson.Default.PageLicenseRequest, ct);

    /// <summary><c>POST /v1/license-requests/{id}/approve</c> (performer side): the licence.</summary>
    public Task<License> ApproveAsync(string requestId, ApproveRequest? approval = null, CancellationToken ct = default) =>
        _calls.PostAsync($"v1/license-requests/{Escape(requestId)}/approve", approval ?? new ApproveRequest(), ClientJson.Default.ApproveRequest, ClientJson.Default.License, ct);

    /// <summary><c>POST /v1/license-requests/{id}/veto</c> (performer side).</summary>
    public Task<LicenseRequest> VetoAsync(string requestId, string reason, CancellationToken ct = default) =>
        _calls.PostAsync($"v1/license-requests/{Escape(requestId)}/veto", new VetoBody(reason), ClientJson.Default.VetoBody, ClientJson.Default.LicenseRequest, ct);

    /// <summary><c>POST /v1/license-requests/{id}/counter</c> (performer side): changed terms.</summary>
    public Task<LicenseRequest> CounterAsync(string requestId, CounterRequest counter, CancellationToken ct = default) =>
        _calls.PostAsync($"v1/license-requests/{Escape(requestId)}/counter", counter, ClientJson.Default.CounterRequest, ClientJson.Default.LicenseRequest, ct);

    /// <summary><c>POST /v1/license-requests/{id}/accept</c> (studio): accepts a counter; the licence.</summary>
    public Task<License> AcceptAsync(string requestId, string? note = null, CancellationToken ct = default) =>
        _calls.PostAsync($"v1/license-requests/{Escape(requestId)}/accept", new NoteBody(note), ClientJson.Default.NoteBody, ClientJson.Default.License, ct);

    /// <summary><c>GET /v1/licenses/{id}</c>: status, terms, token and remaining budget.</summary>
    public Task<License> GetAsync(string id, CancellationToken ct = default) =>
        _calls.GetAsync($"v1/licenses/{Escape(id)}", ClientJson.Default.License, ct);

    /// <summary><c>GET /v1/licenses</c>, a page at a time.</summary>
    public Task<Page<License>> ListAsync(string? status = null, string? performer = null, string? studio = null, DateTimeOffset? expiringBefore = null, string? cursor = null, int? limit = null, CancellationToken ct = default) =>
        _calls.GetAsync(Query("v1/licenses", ("status", status), ("performer", performer), ("studio", studio), ("expiringBefore", expiringBefore?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)), ("cursor", cursor), ("limit", Text(limit))), ClientJson.Default.PageLicense, ct);

    /// <summary><c>POST /v1/licenses/{id}/suspend</c> (performer side).</summary>
    public Task<License> SuspendAsync(string id, string? reason = null, CancellationToken ct = default) => Lifecycle(id, "suspend", reason, ct);

    /// <summary><c>POST /v1/licenses/{id}/resume</c> (performer side).</summary>
    public Task<License> ResumeAsync(string id, string? reason = null, CancellationToken ct = default) => Lifecycle(id, "resume", reason, ct);

    /// <summary><c>POST /v1/licenses/{id}/estate-consent</c> (the estate).</summary>
    public Task<License> EstateConsentAsync(string id, CancellationToken ct = default) => Lifecycle(id, "estate-consent", null, ct);

    /// <summary><c>POST /v1/licenses/{id}/revoke</c> (performer side), effective after the notice.</summary>
    public Task<License> RevokeAsync(string id, int noticeDays, CancellationToken ct = default) =>
        _calls.PostAsync($"v1/licenses/{Escape(id)}/revoke", new RevokeBody(noticeDays), ClientJson.Default.RevokeBody, ClientJson.Default.License, ct);

    /// <summary><c>GET /v1/licenses/{id}/usage</c>: the completed renders under a licence.</summary>
    public Task<Page<UsageEvent>> UsageAsync(string id, string? cursor = null, int? limit = null, CancellationToken ct = default) =>
        _calls.GetAsync(Query($"v1/licenses/{Escape(id)}/usage", ("cursor", cursor), ("limit", Text(limit))), ClientJson.Default.PageUsageEvent, ct);

    /// <summary><c>GET /v1/performers/{id}/usage</c> (performer side).</summary>
    public Task<Page<UsageEvent>> PerformerUsageAsync(string performerId, string? cursor = null, int? limit = null, CancellationToken ct = default) =>
        _calls.GetAsync(Query($"v1/performers/{Escape(performerId)}/usage", ("cursor", cursor), ("limit", Text(limit))), ClientJson.Default.PageUsageEvent, ct);

    private Task<License> Lifecycle(string id, string action, string? reason, CancellationToken ct) =>
        _calls.PostAsync($"v1/licenses/{Escape(id)}/{action}", new NoteBody(Reason: reason), ClientJson.Default.NoteBody, ClientJson.Default.License, ct);

    private static string? Text(int? n) => n?.ToString(CultureInfo.InvariantCulture);
}
