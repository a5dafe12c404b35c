using System.Net;
using System.Threading.RateLimiting;
using Likeness.Server.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;

namespace Likeness.Server.Security;

/// <summary>
/// ASP.NET Core's rate limiter, partitioned by API key on routes that read one, and by client address otherwise. A
/// route that reads no key (the public ledger) is counted against the address whatever Authorization header is sent,
/// so a made-up header buys nothing; a made-up key on a route that reads it fails authentication and is counted by
/// <see cref="AuthFailureLimiter"/>. The key is taken as <see cref="RequestContext.CallerAsync"/> reads it (scheme in
/// any case, spaces trimmed), so one key written two ways is one bucket. A refusal is a 429 problem with Retry-After.
/// </summary>
public static class RequestRateLimiter
{
    public static void Configure(RateLimiterOptions o, RateLimits limits)
    {
        var perKey = Options(limits.PerKey);
        var perAddress = Options(limits.PerAddress);
        o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
        {
            var route = http.GetEndpoint()?.Metadata.GetMetadata<SharedRoute>();

            // A liveness probe does no work and must answer a load balancer however busy the address is.
            if (route is { Kind: SharedRoute.Health })
            {
                return RateLimitPartition.GetNoLimiter("health");
            }

            var key = route is { Access: RouteAccess.Public } ? null : RequestContext.BearerKey(http);
            return key is not null
                ? Bucket(key, perKey)
                : Bucket("address " + (http.Connection.RemoteIpAddress ?? IPAddress.None), perAddress);
        });
        o.OnRejected = async (context, _) =>
        {
            var retry = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? (int)Math.Max(1, Math.Ceiling(after.TotalSeconds)) : 1;
            var http = context.HttpContext;
            http.Response.Headers.RetryAfter = retry.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await ProblemWriter.From(AuthFailureLimiter.TooMany(retry, "Too many requests; slow down."), http.Request.Path).ExecuteAsync(http);
        };
    }

    private static RateLimitPartition<string> Bucket(string key, TokenBucketRateLimiterOptions? options) =>
        options is null ? RateLimitPartition.GetNoLimiter(key) : RateLimitPartition.GetTokenBucketLimiter(key, _ => options);

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
