using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;

namespace Likeness.Server.Security;

/// <summary>
/// ASP.NET Core's rate limiter, partitioned by API key (the Authorization header as sent) and, for requests without
/// one, by client address. A refusal is a 429 problem with Retry-After.
/// </summary>
public static class RequestRateLimiter
{
    private static readonly PathString HealthPath = new("/healthz");

    public static void Configure(RateLimiterOptions o, RateLimits limits)
    {
        o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
        {
            // A liveness probe does no work and must answer a load balancer however busy the address is.
            if (http.Request.Path.Equals(HealthPath, StringComparison.Ordinal))
            {
                return RateLimitPartition.GetNoLimiter("health");
            }

            var authorization = http.Request.Headers.Authorization.ToString();
            return authorization.Length > 0
                ? Bucket(authorization, limits.PerKey)
                : Bucket("address " + (http.Connection.RemoteIpAddress ?? IPAddress.None), limits.PerAddress);
        });
        o.OnRejected = async (context, _) =>
        {
            var retry = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? (int)Math.Max(1, Math.Ceiling(after.TotalSeconds)) : 1;
            var http = context.HttpContext;
            http.Response.Headers.RetryAfter = retry.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await Http.ProblemWriter.From(AuthFailureLimiter.TooMany(retry, "Too many requests; slow down."), http.Request.Path).ExecuteAsync(http);
        };
    }

    private static RateLimitPartition<string> Bucket(string key, int perSecond) =>
        perSecond <= 0
            ? RateLimitPartition.GetNoLimiter(key)
            : RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = perSecond * 2,
                TokensPerPeriod = perSecond / 10 is > 0 and var tenth ? tenth : 1,
                ReplenishmentPeriod = TimeSpan.FromMilliseconds(perSecond >= 10 ? 100 : 1000 / perSecond),
                QueueLimit = 0,
                AutoReplenishment = true,
            });
}
