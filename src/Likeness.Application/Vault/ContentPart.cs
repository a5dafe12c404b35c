using System.Globalization;
using System.Text.RegularExpressions;
using Likeness.Application.Common;

namespace Likeness.Application.Vault;

/// <summary>
/// One part of an upload, as its request's headers state it (docs/CUSTODY.md, "The upload protocol"):
/// <c>Content-Range: bytes START-END/TOTAL</c> (TOTAL <c>*</c> until the last part; <c>bytes */0</c> for empty content),
/// <c>Content-Digest: sha-256=:BASE64:</c> of this part's bytes (RFC 9530), and optionally <c>Repr-Digest</c>, the
/// SHA-256 of the whole content.
/// </summary>
public sealed partial record ContentPart(long Start, long Length, long? Total, byte[] PartSha256, byte[]? ContentSha256)
{
    /// <summary>Whether this part ends the content.</summary>
    public bool IsLast => Total is { } total && Start + Length == total;

    [GeneratedRegex(@"^bytes (?:(\d{1,19})-(\d{1,19})|\*)/(\d{1,19}|\*)$", RegexOptions.CultureInvariant)]
    private static partial Regex RangeSyntax();

    [GeneratedRegex(@"(?:^|,)\s*sha-256=:([A-Za-z0-9+/=]{44}):\s*(?:;[^,]*)?(?:,|$)", RegexOptions.CultureInvariant)]
    private static partial Regex Sha256Digest();

    /// <summary>Reads the part's headers; a 400 naming the header when one is missing or malformed.</summary>
    public static ContentPart Parse(string? contentRange, long? contentLength, string? contentDigest, string? reprDigest)
    {
        if (string.IsNullOrEmpty(contentRange) || RangeSyntax().Match(contentRange) is not { Success: true } m)
        {
            throw AppProblem.BadRequest("invalid_content_range", "Content-Range is 'bytes START-END/TOTAL' (TOTAL '*' until the last part; 'bytes */0' for empty content).", "Content-Range");
        }

        long? total = m.Groups[3].Value == "*" ? null : Number(m.Groups[3].Value);
        long start = 0, length = 0;
        if (m.Groups[1].Success)
        {
            start = Number(m.Groups[1].Value);
            var end = Number(m.Groups[2].Value);
            if (end < start || (total is { } t && end >= t))
            {
                throw AppProblem.BadRequest("invalid_content_range", "Content-Range's END is at least START and below TOTAL.", "Content-Range");
            }

            length = end - start + 1;
        }
        else if (total != 0)
        {
            throw AppProblem.BadRequest("invalid_content_range", "'bytes */TOTAL' is only for empty content (TOTAL 0).", "Content-Range");
        }

        if (contentLength is { } sent && sent != length)
        {
            throw AppProblem.BadRequest("invalid_content_range", $"Content-Length {sent} is not the {length} bytes Content-Range names.", "Content-Length");
        }

        var part = Digest(contentDigest, "Content-Digest")
            ?? throw AppProblem.BadRequest("missing_digest", "Each part carries Content-Digest: sha-256=:BASE64: of its bytes (RFC 9530).", "Content-Digest");
        return new(start, length, total, part, Digest(reprDigest, "Repr-Digest"));
    }

    private static byte[]? Digest(string? header, string name)
    {
        if (string.IsNullOrEmpty(header))
        {
            return null;
        }

        var m = Sha256Digest().Match(header);
        var bytes = new byte[32];
        return m.Success && Convert.TryFromBase64String(m.Groups[1].Value, bytes, out var n) && n == 32
            ? bytes
            : throw AppProblem.BadRequest("invalid_digest", $"{name} names a sha-256 digest as sha-256=:BASE64: (RFC 9530).", name);
    }

    private static long Number(string digits) =>
        long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw AppProblem.BadRequest("invalid_content_range", "Content-Range's numbers are too large.", "Content-Range");
}
