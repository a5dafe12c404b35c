namespace Likeness.Client;

/// <summary>Where the server is, the API key, and how hard to try: retries, timeouts, and how a pending render is polled.</summary>
public sealed class LikenessClientOptions
{
    /// <summary>The server's base address (<c>https://likeness.example</c>).</summary>
    public required Uri Server { get; init; }

    /// <summary>The caller's API key (<c>lk_…</c>); null for the public routes only (ledger key, checkpoint, proofs).</summary>
    public string? ApiKey { get; init; }

    /// <summary>
    /// How many times a failed attempt is tried again (connection failure, timeout, 408, 429, 5xx). Only a request that
    /// is safe to repeat is retried: a GET, or a mutation carrying an Idempotency-Key (every mutation the SDK sends does).
    /// </summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>The first retry's delay; later ones grow exponentially, with jitter.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How long one attempt may take.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a call may take, retries included.</summary>
    public TimeSpan TotalTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>The first wait between two looks at a render pending approval; it doubles up to <see cref="ApprovalPollMaxInterval"/>.</summary>
    public TimeSpan ApprovalPollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between two looks at a pending render.</summary>
    public TimeSpan ApprovalPollMaxInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The clock that times retries, timeouts and polling (a test's fake clock, or the system's).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
