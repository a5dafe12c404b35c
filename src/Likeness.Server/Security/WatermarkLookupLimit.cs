namespace Likeness.Server.Security;

/// <summary>Marks a route limited per address by <see cref="RateLimits.WatermarkLookupsPerMinute"/> (issue 19).</summary>
public sealed class WatermarkLookupLimit;
