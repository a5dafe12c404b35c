using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Likeness.Web.Sessions;

/// <summary>How long a browser session lives: idle (since its last request) and absolute (since sign-in).</summary>
public sealed record WebSessionOptions
{
    public TimeSpan Idle { get; init; } = TimeSpan.FromMinutes(30);

    public TimeSpan Absolute { get; init; } = TimeSpan.FromHours(12);

    /// <summary>At most this many live sessions on a node; signing in past it drops the expired first, then refuses.</summary>
    public int MaxSessions { get; init; } = 100_000;
}

/// <summary>
/// Server-side browser sessions. The cookie holds only a random 256-bit token; the node keeps the SHA-256 of the token
/// and, against it, the API key the browser signed in with (in memory, never in the store or the cookie). Each request
/// authenticates that key again, so a key the operator replaces ends its sessions. Sessions live on the node that made
/// them: a restart, or another node behind a balancer without affinity, asks to sign in again (docs/WEB.md).
/// </summary>
public sealed class WebSessions(TimeProvider clock, WebSessionOptions options)
{
    private sealed class Entry(string apiKey, DateTimeOffset createdAt)
    {
        public string ApiKey { get; } = apiKey;
        public DateTimeOffset CreatedAt { get; } = createdAt;
        public long LastSeenTicks;
    }

    private readonly ConcurrentDictionary<string, Entry> _sessions = new(StringComparer.Ordinal);

    public WebSessionOptions Options => options;

    /// <summary>Opens a session for a key already authenticated; returns the token for the cookie, or null when the node is full.</summary>
    public string? Open(string apiKey)
    {
        var now = clock.GetUtcNow();
        if (_sessions.Count >= options.MaxSessions)
        {
            foreach (var (hash, entry) in _sessions)
            {
                if (Expired(entry, now))
                {
                    _sessions.TryRemove(hash, out _);
                }
            }

            if (_sessions.Count >= options.MaxSessions)
            {
                return null;
            }
        }

        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        _sessions[Hash(token)] = new Entry(apiKey, now) { LastSeenTicks = now.UtcTicks };
        return token;
    }

    /// <summary>The key of a live session, touching it (idle expiry restarts); null when unknown or expired.</summary>
    public string? KeyOf(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 64)
        {
            return null;
        }

        var hash = Hash(token);
        if (!_sessions.TryGetValue(hash, out var entry))
        {
            return null;
        }

        var now = clock.GetUtcNow();
        if (Expired(entry, now))
        {
            _sessions.TryRemove(hash, out _);
            return null;
        }

        Interlocked.Exchange(ref entry.LastSeenTicks, now.UtcTicks);
        return entry.ApiKey;
    }

    /// <summary>Ends a session (sign-out).</summary>
    public void Close(string? token)
    {
        if (!string.IsNullOrEmpty(token) && token.Length <= 64)
        {
            _sessions.TryRemove(Hash(token), out _);
        }
    }

    private bool Expired(Entry entry, DateTimeOffset now) =>
        now - entry.CreatedAt >= options.Absolute || now.UtcTicks - Interlocked.Read(ref entry.LastSeenTicks) >= options.Idle.Ticks;

    private static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
