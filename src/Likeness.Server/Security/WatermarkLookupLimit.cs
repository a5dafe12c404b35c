namespace Likeness.Server.Security;

/// <summary>Marks a provenance look-up (a watermark token, a fingerprint identification), limited per address by <see cref="RateLimits.WatermarkLookupsPerMinute"/> (issue 19).</summary>
public sealed class WatermarkLookupLimit;
