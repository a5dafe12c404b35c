using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;

namespace Likeness.Application.Provenance;

/// <summary>
/// Draws a render's watermark token: 64 bits from the operating system's generator, on the request's thread, with
/// nothing allocated but its hex. Unique by size: among n renders two share a token with probability about n²/2⁶⁵
/// (one in 37 million at a million renders); the store's primary key refuses a repeat, and that one authorization
/// fails and is retried by the studio (docs/PROVENANCE.md).
/// </summary>
public static class WatermarkTokens
{
    public static ulong Draw()
    {
        Span<byte> bytes = stackalloc byte[8];
        RandomNumberGenerator.Fill(bytes);
        return BinaryPrimitives.ReadUInt64BigEndian(bytes);
    }

    public static string Hex(ulong token) => token.ToString("x16", CultureInfo.InvariantCulture);

    /// <summary>Reads exactly 16 hex digits; null for anything else.</summary>
    public static ulong? Parse(string? text) =>
        text is { Length: 16 } && text.All(char.IsAsciiHexDigit) && ulong.TryParse(text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var v) ? v : null;
}
