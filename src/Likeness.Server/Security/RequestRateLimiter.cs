using System.Net;
using System.Threading.RateLimiting;
using Likeness.Server.Http;
using Microsoft.AspNetCore.Http;

namespace Likeness.Server.Security;

/// <summary>
/// ASP.NET Core's rate limiter, partitioned by API key on routes that read one, and by client address otherwise. A
/// route that reads no key (the public ledger) is counted against the address whatever Authorization header is sent,
/// so a made-up header buys nothing; a made-up key on a route that reads it fails authentication and is counted by
/// <see cref="AuthFailureLimiter"/>. The key is taken as <see cref="RequestContext.CallerAsync"/> reads it (scheme in
/// any case, spaces trimmed), so one key written two ways is one bucket. <see cref="RateLimitMiddleware"/> applies it.
/// </summary>
public static class RequestRateLimiter
{
    /// <summary>The limiter for <paramref name="limits"/>.</summary>
    public static PartitionedRateLimiter<HttpContext> Create(RateLimits limits)
    {
        var perKey = Options(limits.PerKey);
        var perAddress = Options(limits.PerAddress);
        var lookups = PerMinute(limits.WatermarkLookupsPerMinute);
        return PartitionedRateLimiter.Create<HttpContext, string>(http =>
        {
            var route = http.GetEndpoint()?.Metadata.GetMetadata<SharedRoute>();

            // A liveness probe does no work and must answer a load balancer however busy the address is.
            if (route is { Kind: SharedRoute.Health })
            {
                return RateLimitPartition.GetNoLimiter("health");
            }

            // A watermark look-up counts against the address whatever key is sent: new keys buy no more answers.
            if (http.GetEndpoint()?.Metadata.GetMetadata<WatermarkLookupLimit>() is not null)
            {
                return Bucket("watermark " + (http.Connection.RemoteIpAddress ?? IPAddress.None), lookups);
            }

            var key = route is { Access: RouteAccess.Public } ? null : Partition(http);
            return key is not null
                ? Bucket(key, perKey)
                : Bucket("address " + (http.Connection.RemoteIpAddress ?? IPAddress.None), perAddress);
        });
    }

    /// <summary>
    /// The key's partition: the header itself when written as the clients send it (<c>Bearer lk_…</c>, no allocation on
    /// the hot path), else the key normalized the way authentication reads it.
    /// </summary>
    private static string? Partition(HttpContext http)
    {
        var header = http.Request.Headers.Authorization.ToString();
        if (header.Length > 7 && header.StartsWith("Bearer ", StringComparison.Ordinal) && header[7] != ' ' && header[^1] != ' ' && header.Length <= 300)
        {
            return header;
        }

        return RequestContext.BearerKey(http) is { } key ? "Bearer " + key : null;
    }

    private static RateLimitPartition<string> Bucket(string key, TokenBucketRateLimiterOptions? options) =>
        options is null ? RateLimitPartition.GetNoLimiter(key) : RateLimitPartition.GetTokenBucketLimiter(key, _ => options);

    /// <summary>A bucket of a minute's worth, refilled one token at a time; null for no limit.</summary>
    private static TokenBucketRateLimiterOptions? PerMinute(int perMinute) =>
        perMinute <= 0
            ? null
            : new TokenBucketRateLimiterOptions
            {
                TokenLimit = perMinute,
                TokensPerPeriod = 1,
                ReplenishmentPeriod = TimeSpan.FromMinutes(1) / perMinute,
                QueueLimit = 0,
                AutoReplenishment = true,
            };

    /// <summary>A bucket of twice the rate, refilled every 100 ms (every second below 10 a second); null for no limit.</summary>
    private static TokenBucketRateLimiterOptions? Options(int perSecond) =>
        perSecond <= 0
            ? null
            : new TokenBucketRateLimiterOptions
            {
                TokenLimit = perSecond * 2,
                TokensPerPeriod = perSecond >= 10 ? perSecond / 10 : perSecond,
                ReplenishmentPeriod = perSecond >= 10 ? TimeSpan.FromMilliseconds(100) : TimeSpan.FromSeconds(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            };
}
