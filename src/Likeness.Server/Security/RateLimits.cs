namespace Likeness.Server.Security;

/// <summary>
/// How hard a client may push, per second (0 turns a limit off). Each limit is a token bucket whose burst is twice its
/// rate. The defaults leave a studio pipeline of a few hundred parallel workers, each with its own key, far from any
/// limit (the gateway benchmark runs one key per client), and stop a key-guessing client after a few tries.
/// </summary>
public sealed record RateLimits
{
    /// <summary>Requests per second for one API key.</summary>
    public int PerKey { get; init; } = 2_000;

    /// <summary>Requests per second without an API key, per client address (the ledger's public routes, sign-in).</summary>
    public int PerAddress { get; init; } = 2_000;

    /// <summary>Failed authentications (a missing or wrong key) per minute, per client address; the burst is 20.</summary>
    public int AuthFailuresPerMinute { get; init; } = 60;

    /// <summary>
    /// Watermark look-ups per minute, per client address whatever key is sent (issue 19): enough for a person checking
    /// files, too few to use the server as an oracle while editing a mark away (docs/PROVENANCE.md).
    /// </summary>
    public int WatermarkLookupsPerMinute { get; init; } = 30;
}
