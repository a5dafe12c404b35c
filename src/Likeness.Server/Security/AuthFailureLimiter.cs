using System.Net;
using System.Threading.RateLimiting;
using Likeness.Application.Common;
using Microsoft.AspNetCore.Http;

namespace Likeness.Server.Security;

/// <summary>
/// Holds off key guessing: every failed authentication takes a token from its client address's bucket, and an address
/// whose bucket is empty is answered 429 (with Retry-After) before its key is even looked up.
/// </summary>
public sealed class AuthFailureLimiter : IDisposable
{
    private const int Burst = 20;
    private readonly PartitionedRateLimiter<IPAddress>? _limiter;

    // The addresses with a failure not yet forgiven: an address that never failed costs one lookup, not the limiter's lock.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<IPAddress, byte> _failing = new();

    public AuthFailureLimiter(RateLimits limits)
    {
        if (limits.AuthFailuresPerMinute > 0)
        {
            var options = new TokenBucketRateLimiterOptions
            {
                TokenLimit = Burst,
                TokensPerPeriod = 1,
                ReplenishmentPeriod = TimeSpan.FromMinutes(1.0 / limits.AuthFailuresPerMinute),
                QueueLimit = 0,
                AutoReplenishment = true,
            };
            _limiter = PartitionedRateLimiter.Create<IPAddress, IPAddress>(ip => RateLimitPartition.GetTokenBucketLimiter(ip, _ => options));
            RetryAfterSeconds = (int)Math.Max(1, Math.Ceiling(options.ReplenishmentPeriod.TotalSeconds));
        }
    }

    /// <summary>How long a blocked address should wait for its next try.</summary>
    public int RetryAfterSeconds { get; }

    /// <summary>Refuses (429) a client address that has used up its failed attempts.</summary>
    public void ThrowIfBlocked(HttpContext http)
    {
        var address = Address(http);
        if (_limiter is null || !_failing.ContainsKey(address))
        {
            return;
        }

        var permits = _limiter.GetStatistics(address)?.CurrentAvailablePermits ?? Burst;
        if (permits == 0)
        {
            throw TooMany(RetryAfterSeconds, "Too many failed authentications from this address; wait before trying again.");
        }

        if (permits >= Burst)
        {
            _failing.TryRemove(address, out _);
        }
    }

    /// <summary>Counts one failed authentication against the client's address.</summary>
    public void Failed(HttpContext http)
    {
        if (_limiter is not null)
        {
            var address = Address(http);
            _failing[address] = 0;
            using var lease = _limiter.AttemptAcquire(address);
        }
    }

    /// <summary>A 429 problem whose Retry-After the problem writer sends.</summary>
    public static AppProblem TooMany(int retryAfterSeconds, string message) =>
        new(429, "rate_limited", message, null, new Dictionary<string, object?> { ["retryAfterSeconds"] = retryAfterSeconds });

    private static IPAddress Address(HttpContext http) => http.Connection.RemoteIpAddress ?? IPAddress.None;

    public void Dispose() => _limiter?.Dispose();
}
