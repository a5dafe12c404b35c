using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Likeness.Ledger.Acts;

/// <summary>
/// A signed act: a detached compact JWS (<c>header..signature</c>, ES256 or EdDSA) whose payload is the act's signed form
/// (<see cref="SignedForm"/>: method, path, SHA-256 of the body, Idempotency-Key), and whose protected header names
/// the key (<c>kid</c>, its RFC 7638 thumbprint) and the time it was signed (<c>iat</c>, seconds). Binding the path,
/// the body and the key means a signature cannot be replayed onto another act; the time bounds a replay of the same
/// one. Pure: the server, the CLI and an auditor check it the same way (docs/SECURITY.md, "Signed acts").
/// </summary>
public sealed record ActSignature(string Jws, string Algorithm, string Kid, long IssuedAt, string EncodedHeader, byte[] Signature)
{
    /// <summary>The HTTP header that carries it.</summary>
    public const string Header = "Likeness-Signature";

    /// <summary>How far a signature's <c>iat</c> may be from the server's clock, either way.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The text a party signs for an act: a fixed label (no other signed text can pass for one), the method, the path,
    /// the body's SHA-256 (lowercase hex), the Idempotency-Key; each line ended by <c>\n</c>.
    /// </summary>
    public static string SignedForm(string method, string path, string bodySha256, string idempotencyKey) =>
        $"likeness act v1\n{method}\n{path}\n{bodySha256}\n{idempotencyKey}\n";

    /// <summary>The hex SHA-256 of a body (of nothing, when there is none).</summary>
    public static string BodySha256(ReadOnlySpan<byte> body) => Convert.ToHexStringLower(SHA256.HashData(body));

    /// <summary>The hex SHA-256 of the JWS text, as the act's ledger entry records it (<c>signatureSha256</c>).</summary>
    public string Sha256 => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(Jws)));

    /// <summary>When it says it was signed.</summary>
    public DateTimeOffset IssuedAtTime => DateTimeOffset.FromUnixTimeSeconds(IssuedAt);

    /// <summary>Signs <paramref name="signedForm"/> with <paramref name="key"/> (a P-256 private key) whose thumbprint is <paramref name="kid"/>.</summary>
    public static string Sign(ECDsa key, string kid, string signedForm, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Sign(PartyKey.Es256, kid, signedForm, at, input => key.SignData(input, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
    }

    /// <summary>Signs <paramref name="signedForm"/> as <paramref name="algorithm"/> with <paramref name="sign"/> (which signs the JWS signing input).</summary>
    public static string Sign(string algorithm, string kid, string signedForm, DateTimeOffset at, Func<byte[], byte[]> sign)
    {
        ArgumentNullException.ThrowIfNull(sign);
        var header = Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{{\"alg\":\"{algorithm}\",\"iat\":{at.ToUnixTimeSeconds()},\"kid\":\"{kid}\"}}"));
        return header + ".." + Base64Url.EncodeToString(sign(Input(header, signedForm)));
    }

    /// <summary>Reads a detached compact JWS; false with the reason when it is not one this system accepts.</summary>
    public static bool TryParse(string? jws, [NotNullWhen(true)] out ActSignature? signature, [NotNullWhen(false)] out string? problem)
    {
        signature = null;
        var parts = jws?.Split('.') ?? [];
        if (jws is null || jws.Length > 2048 || parts.Length != 3 || parts[1].Length != 0 || parts[0].Length == 0)
        {
            problem = "The signature is not a detached compact JWS (header..signature).";
            return false;
        }

        try
        {
            using var doc = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[0]));
            var h = doc.RootElement;
            var alg = h.GetProperty("alg").GetString();
            var kid = h.GetProperty("kid").GetString();
            var iat = h.GetProperty("iat").GetInt64();
            if (alg is not (PartyKey.Es256 or PartyKey.EdDsa) || string.IsNullOrEmpty(kid))
            {
                problem = "The signature's header names an algorithm other than ES256 or EdDSA, or no kid.";
                return false;
            }

            signature = new ActSignature(jws, alg, kid, iat, parts[0], Base64Url.DecodeFromChars(parts[2]));
            problem = null;
            return true;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or FormatException or InvalidOperationException)
        {
            problem = "The signature's header is not JSON with alg, kid and iat (seconds).";
            return false;
        }
    }

    /// <summary>Whether <paramref name="key"/> made this signature over <paramref name="signedForm"/> (the time is the caller's to judge).</summary>
    public bool IsBy(PartyKey key, string signedForm)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.Kid == Kid && key.Algorithm == Algorithm && key.Verifies(Input(EncodedHeader, signedForm), Signature);
    }

    /// <summary>
    /// Whether the key stored as <paramref name="spki"/> (found by this signature's <c>kid</c>) made this signature over
    /// <paramref name="signedForm"/>: the server's path, one key import and one verification.
    /// </summary>
    public bool IsBySpki(ReadOnlySpan<byte> spki, string signedForm) =>
        PartyKey.AlgorithmOf(spki) == Algorithm && PartyKey.Verifies(spki, Input(EncodedHeader, signedForm), Signature);

    /// <summary>Whether it was signed within <see cref="Window"/> of <paramref name="now"/>.</summary>
    public bool IsFresh(DateTimeOffset now) => (now - IssuedAtTime).Duration() <= Window;

    /// <summary>
    /// Offline: whether a recorded act holds together. Its ledger entry names <paramref name="entryKid"/> and
    /// <paramref name="entrySignatureSha256"/> (and the ids it concerns, <paramref name="entryIds"/>, one of which the signed
    /// path must name); the act served beside it has <paramref name="jws"/> and <paramref name="signedForm"/>;
    /// <paramref name="key"/> is the party's key. Null when it holds, else why not.
    /// </summary>
    public static string? CheckRecorded(string entryKid, string entrySignatureSha256, string jws, string signedForm, PartyKey key, IReadOnlyCollection<string>? entryIds = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(signedForm);
        var lines = signedForm.Split('\n');
        if (lines.Length != 6 || lines[0] != "likeness act v1")
        {
            return "the signed form is not a likeness act v1";
        }

        if (entryIds is not null && !lines[2].Split('/').Any(entryIds.Contains))
        {
            return $"the signed act ({lines[1]} {lines[2]}) names none of the ids the entry concerns";
        }

        if (!TryParse(jws, out var sig, out var problem))
        {
            return problem;
        }

        if (sig.Sha256 != entrySignatureSha256)
        {
            return "the signature is not the one the entry recorded (its SHA-256 differs)";
        }

        if (sig.Kid != entryKid || key.Kid != entryKid)
        {
            return $"the entry names key {entryKid}, the signature {sig.Kid}, the key given is {key.Kid}";
        }

        return sig.IsBy(key, signedForm) ? null : "the key did not sign this act's signed form";
    }

    private static byte[] Input(string encodedHeader, string signedForm) =>
        Encoding.ASCII.GetBytes(encodedHeader + "." + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(signedForm)));
}
