using System.Net.Http.Headers;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Timeout;

namespace Likeness.Client.Transport;

/// <summary>
/// The one HTTP path to a Likeness server, shared by the SDK and the <c>likeness</c> command. Every request carries
/// the API key; a mutation carries its Idempotency-Key, set once before the first attempt, so every retry sends the
/// same key and the server applies the mutation once (a retried authorize reserves once). Retries (exponential
/// back-off with jitter) and timeouts come from Microsoft.Extensions.Http.Resilience.
/// </summary>
public sealed class LikenessTransport : IDisposable
{
    /// <summary>The request header that makes a mutation idempotent.</summary>
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    private readonly HttpClient _http;
    private readonly LikenessClientOptions _options;

    /// <param name="options">Where and how to call.</param>
    /// <param name="innerHandler">The handler under the resilience layer (a test's fault injector, a proxy); sockets when null.</param>
    public LikenessTransport(LikenessClientOptions options, HttpMessageHandler? innerHandler = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        var repeatable = Pipeline(options, retry: true);
        var once = Pipeline(options, retry: false);
        var resilience = new ResilienceHandler(req => IsRepeatable(req) ? repeatable : once) { InnerHandler = innerHandler ?? new SocketsHttpHandler() };
        var server = options.Server.ToString();
        _http = new HttpClient(resilience) { BaseAddress = new Uri(server.EndsWith('/') ? server : server + "/"), Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>The server's base address, ending in a slash.</summary>
    public Uri Server => _http.BaseAddress!;

    /// <summary>
    /// Sends one request (retried as the options say) and returns the answer whatever its status. Throws
    /// <see cref="LikenessUnreachableException"/> when no answer came.
    /// </summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="path">The path and query, relative to the server (<c>v1/renders</c>).</param>
    /// <param name="jsonBody">A UTF-8 JSON body, or null.</param>
    /// <param name="idempotencyKey">The mutation's key, the same on every attempt; null sends none (then a mutation is not retried).</param>
    /// <param name="headers">More headers (a signed act's signature).</param>
    /// <param name="ct">Cancels the call.</param>
    public async Task<LikenessResponse> SendAsync(
        HttpMethod method, string path, byte[]? jsonBody = null, string? idempotencyKey = null,
        IEnumerable<KeyValuePair<string, string>>? headers = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var req = new HttpRequestMessage(method, path.TrimStart('/'));
        if (_options.ApiKey is not null)
        {
            req.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.ApiKey);
        }

        if (idempotencyKey is not null)
        {
            req.Headers.Add(IdempotencyKeyHeader, idempotencyKey);
        }

        foreach (var (name, value) in headers ?? [])
        {
            req.Headers.Add(name, value);
        }

        if (jsonBody is not null)
        {
            req.Content = new ByteArrayContent(jsonBody);
            req.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        }

        try
        {
            using var res = await _http.SendAsync(req, ct).ConfigureAwait(false);
            var bytes = await res.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
            return new LikenessResponse((int)res.StatusCode, bytes, res.Content.Headers.ContentType?.MediaType);
        }
        catch (HttpRequestException e)
        {
            throw new LikenessUnreachableException($"cannot reach {Server.ToString().TrimEnd('/')}: {e.Message}", e);
        }
        catch (TimeoutRejectedException e)
        {
            throw new LikenessUnreachableException($"cannot reach {Server.ToString().TrimEnd('/')}: no answer within {_options.TotalTimeout.TotalSeconds:0} s", e);
        }
    }

    /// <summary>A GET, or a mutation whose key makes a second attempt harmless.</summary>
    private static bool IsRepeatable(HttpRequestMessage req) =>
        req.Method == HttpMethod.Get || req.Method == HttpMethod.Head || req.Headers.Contains(IdempotencyKeyHeader);

    private static ResiliencePipeline<HttpResponseMessage> Pipeline(LikenessClientOptions o, bool retry)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = o.TimeProvider }
            .AddTimeout(new HttpTimeoutStrategyOptions { Timeout = o.TotalTimeout });
        if (retry && o.MaxRetries > 0)
        {
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = o.MaxRetries,
                Delay = o.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldRetryAfterHeader = true,
            });
        }

        return builder.AddTimeout(new HttpTimeoutStrategyOptions { Timeout = o.AttemptTimeout }).Build();
    }

    public void Dispose() => _http.Dispose();
}
