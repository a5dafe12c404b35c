using System.Security.Cryptography;

namespace Likeness.Application.Common;

/// <summary>Identifiers: a short kind prefix and a time-ordered UUIDv7, so ids sort by creation.</summary>
public static class Ids
{
    public static string New(string prefix, DateTimeOffset now) => prefix + "_" + Guid.CreateVersion7(now).ToString("N");

    /// <summary>A new API key: <c>lk_</c> and 32 random bytes in base64url. Shown once, stored as <see cref="HashKey"/>.</summary>
    public static string NewApiKey() => "lk_" + Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>The stored form of an API key: lower-case hex SHA-256.</summary>
    public static string HashKey(string apiKey) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(apiKey)));

    public static string Base64Url(ReadOnlySpan<byte> bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);
}
