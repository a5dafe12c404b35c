using System.Globalization;
using Likeness.Client.Transport;
using static Likeness.Client.Transport.JsonCalls;

namespace Likeness.Client;

/// <summary>The render gateway: authorize (as a <see cref="RenderScope"/>), complete, cancel, and the performer side's approval.</summary>
public sealed class RendersClient
{
    /// <summary>The status of a render that waits for the performer side's approval.</summary>
    public const string PendingApproval = "pendingApproval";

    private readonly JsonCalls _calls;
    private readonly LikenessClientOptions _options;

    internal RendersClient(JsonCalls calls, LikenessClientOptions options, ProvenanceClient provenance)
    {
        _calls = calls;
        _options = options;
        Provenance = provenance;
    }

    /// <summary>Where a render scope's credential and watermark come from.</summary>
    internal ProvenanceClient Provenance { get; }

    /// <summary>
    /// Asks the gateway before rendering and returns a scope over the permitted render. A render pending the
    /// performer's approval is waited for (polled with back-off; <paramref name="onPending"/> is told once, with the
    /// pending render); <paramref name="ct"/> stops the wait and cancels the pending render.
    /// </summary>
    /// <param name="request">What is about to be rendered.</param>
    /// <param name="onPending">Called once if the render waits for approval (to tell someone, or to log).</param>
    /// <param name="idempotencyKey">The authorize's key; a fresh one when null. Retries, and a caller re-running a job with the same key, reserve once.</param>
    /// <param name="ct">Cancels the call or the wait.</param>
    /// <exception cref="LikenessRenderDeniedException">The licence or consent refuses it; <see cref="LikenessProblemException.Reasons"/> lists every reason.</exception>
    /// <exception cref="LikenessRenderNotApprovedException">The performer side rejected it, or the approval lapsed.</exception>
    public async Task<RenderScope> AuthorizeAsync(RenderRequest request, Func<Render, Task>? onPending = null, string? idempotencyKey = null, CancellationToken ct = default)
    {
        var (_, render) = await RequestAsync(request, idempotencyKey, ct).ConfigureAwait(false);
        if (render.Status == PendingApproval)
        {
            if (onPending is not null)
            {
                await onPending(render).ConfigureAwait(false);
            }

            render = await WaitForApprovalAsync(render, ct).ConfigureAwait(false);
        }

        return new RenderScope(this, render);
    }

    /// <summary><c>POST /v1/renders</c> as it answers: 201 with a permit, 202 with a render pending approval (a denial throws).</summary>
    public Task<(int Status, Render Render)> RequestAsync(RenderRequest request, string? idempotencyKey = null, CancellationToken ct = default) =>
        _calls.SendAsync(HttpMethod.Post, "v1/renders", request, ClientJson.Default.RenderRequest, ClientJson.Default.Render, idempotencyKey, ct);

    /// <summary><c>GET /v1/renders/{id}</c>.</summary>
    public Task<Render> GetAsync(string renderId, CancellationToken ct = default) =>
        _calls.GetAsync($"v1/renders/{Escape(renderId)}", ClientJson.Default.Render, ct);

    /// <summary><c>GET /v1/renders</c>, a page at a time.</summary>
    public Task<Page<Render>> ListAsync(string? status = null, string? license = null, DateTimeOffset? since = null, string? cursor = null, int? limit = null, CancellationToken ct = default) =>
        _calls.GetAsync(
            Query("v1/renders", ("status", status), ("license", license), ("since", since?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)), ("cursor", cursor), ("limit", limit?.ToString(CultureInfo.InvariantCulture))),
            ClientJson.Default.PageRender,
            ct);

    /// <summary><c>POST /v1/renders/{id}/complete</c>: the seconds rendered and the output's SHA-256 (64 lower-case hex digits).</summary>
    public Task<Render> CompleteAsync(string renderId, CompleteRender completion, string? idempotencyKey = null, CancellationToken ct = default) =>
        _calls.PostAsync($"v1/renders/{Escape(renderId)}/complete", completion, ClientJson.Default.CompleteRender, ClientJson.Default.Render, ct, idempotencyKey);

    /// <summary><c>POST /v1/renders/{id}/cancel</c>: releases the reservation of a pending or authorized render.</summary>
    public Task<Render> CancelAsync(string renderId, CancellationToken ct = default) =>
        _calls.PostEmptyAsync($"v1/renders/{Escape(renderId)}/cancel", ClientJson.Default.Render, ct);

    /// <summary><c>POST /v1/renders/{id}/approve</c> (performer side): approves a render pending approval.</summary>
    public Task<Render> ApproveAsync(string renderId, CancellationToken ct = default) =>
        _calls.PostEmptyAsync($"v1/renders/{Escape(renderId)}/approve", ClientJson.Default.Render, ct);

    /// <summary><c>POST /v1/renders/{id}/reject</c> (performer side).</summary>
    public Task<Render> RejectAsync(string renderId, CancellationToken ct = default) =>
        _calls.PostEmptyAsync($"v1/renders/{Escape(renderId)}/reject", ClientJson.Default.Render, ct);

    /// <summary>Polls a pending render with doubling waits until it is decided; cancelled, it cancels the render.</summary>
    private async Task<Render> WaitForApprovalAsync(Render pending, CancellationToken ct)
    {
        var wait = _options.ApprovalPollInterval;
        var render = pending;
        try
        {
            while (render.Status == PendingApproval)
            {
                await Task.Delay(wait, _options.TimeProvider, ct).ConfigureAwait(false);
                wait = TimeSpan.FromTicks(Math.Min(wait.Ticks * 2, _options.ApprovalPollMaxInterval.Ticks));
                render = await GetAsync(render.RenderId, ct).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The pipeline gave up waiting: the render must not stay pending (an approval later would reserve for nothing).
            await CancelQuietlyAsync(render.RenderId).ConfigureAwait(false);
            throw;
        }

        return render.Status == "authorized" ? render : throw new LikenessRenderNotApprovedException(render);
    }

    /// <summary>Cancels, accepting that the render may be settled already (409) or the server gone; used where a failure is already being reported.</summary>
    internal async Task<bool> CancelQuietlyAsync(string renderId)
    {
        try
        {
            await CancelAsync(renderId, CancellationToken.None).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is LikenessProblemException or LikenessUnreachableException)
        {
            return false;
        }
    }
}
