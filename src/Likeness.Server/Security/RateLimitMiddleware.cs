using System.Globalization;
using System.Threading.RateLimiting;
using Likeness.Server.Http;
using Microsoft.AspNetCore.Http;

namespace Likeness.Server.Security;

/// <summary>
/// Applies <see cref="RequestRateLimiter"/>'s partitioned limiter (System.Threading.RateLimiting, what ASP.NET Core's rate
/// limiting is built on) to every request. It returns the next middleware's task instead of awaiting it, so a permitted
/// request costs a bucket lookup and nothing allocated (ASP.NET Core's own middleware awaits, and boxes a state machine
/// per request). A refusal is a 429 problem with Retry-After.
/// </summary>
public sealed class RateLimitMiddleware(RequestDelegate next, PartitionedRateLimiter<HttpContext> limiter)
{
    public Task InvokeAsync(HttpContext http)
    {
        // Token-bucket leases hold nothing: disposing one at once gives nothing back.
        using var lease = limiter.AttemptAcquire(http);
        return lease.IsAcquired ? next(http) : RefuseAsync(http, lease);
    }

    private static Task RefuseAsync(HttpContext http, RateLimitLease lease)
    {
        var retry = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? (int)Math.Max(1, Math.Ceiling(after.TotalSeconds)) : 1;
        http.Response.Headers.RetryAfter = retry.ToString(CultureInfo.InvariantCulture);
        return ProblemWriter.From(AuthFailureLimiter.TooMany(retry, "Too many requests; slow down."), http.Request.Path).ExecuteAsync(http);
    }
}
