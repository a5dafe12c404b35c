using Likeness.Application.Common;
using Likeness.Watermark.Fingerprints;

namespace Likeness.Application.Provenance;

/// <summary>Reads a fingerprint sent over the API: base64 of whole sub-fingerprints, about 3 s to two hours of audio.</summary>
public static class Fingerprints
{
    /// <summary>The fingerprint in <paramref name="base64"/>, or a 400 <c>invalid_fingerprint</c> naming <paramref name="field"/>.</summary>
    public static AudioFingerprint Parse(string base64, string field)
    {
        var bytes = new byte[(base64.Length * 3 / 4) + 3];
        return Convert.TryFromBase64String(base64, bytes, out var n) && AudioFingerprint.FromBytes(bytes.AsSpan(0, n)) is { } fingerprint
            ? fingerprint
            : throw AppProblem.BadRequest(
                "invalid_fingerprint",
                $"{field} is base64 of {AudioFingerprint.MinItems} to {AudioFingerprint.MaxItems} Chromaprint sub-fingerprints (32-bit, little-endian), as fpcalc -raw prints them.",
                field);
    }
}
