using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using NSec.Cryptography;

namespace Likeness.Ledger.Acts;

/// <summary>
/// A party's public signing key: ECDSA P-256 (JWS ES256) or Ed25519 (JWS EdDSA), from a JWK (<c>{kty: EC, crv: P-256,
/// x, y}</c> or <c>{kty: OKP, crv: Ed25519, x}</c>) or a DER SubjectPublicKeyInfo (PEM or base64). Its id is its JWK
/// thumbprint (RFC 7638), so anyone holding the key computes the same id without asking the server. Pure: no IO.
/// </summary>
public sealed class PartyKey
{
    /// <summary>The JWS algorithm of a P-256 key.</summary>
    public const string Es256 = "ES256";

    /// <summary>The JWS algorithm of an Ed25519 key (RFC 8037).</summary>
    public const string EdDsa = "EdDSA";

    // The DER SubjectPublicKeyInfo of an Ed25519 key is this prefix (algorithm 1.3.101.112) and the 32-byte key (RFC 8410).
    private static readonly byte[] Ed25519SpkiPrefix = [0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00];

    private PartyKey(string algorithm, byte[] spki, string x, string? y, string kid)
    {
        Algorithm = algorithm;
        Spki = spki;
        X = x;
        Y = y;
        Kid = kid;
    }

    /// <summary>The RFC 7638 thumbprint: base64url of SHA-256 of the JWK's required members in order.</summary>
    public string Kid { get; }

    /// <summary>The JWS algorithm the key signs with: <see cref="Es256"/> or <see cref="EdDsa"/>.</summary>
    public string Algorithm { get; }

    /// <summary>The key as DER SubjectPublicKeyInfo.</summary>
    public byte[] Spki { get; }

    /// <summary>The public key's x (the point's x for P-256, the key itself for Ed25519), base64url.</summary>
    public string X { get; }

    /// <summary>The P-256 point's y, base64url; null for Ed25519.</summary>
    public string? Y { get; }

    /// <summary>The JWK key type: EC or OKP.</summary>
    public string Kty => Algorithm == EdDsa ? "OKP" : "EC";

    /// <summary>The JWK curve: P-256 or Ed25519.</summary>
    public string Crv => Algorithm == EdDsa ? "Ed25519" : "P-256";

    /// <summary>A key from its JWK members; a <see cref="FormatException"/> says what is wrong.</summary>
    public static PartyKey FromJwk(string? kty, string? crv, string? x, string? y)
    {
        if (kty == "OKP" && crv == "Ed25519")
        {
            return y is null ? Ed25519(Bytes(x, "x")) : throw new FormatException("An Ed25519 JWK has no 'y'.");
        }

        if (kty != "EC" || crv != "P-256")
        {
            throw new FormatException("Accepted keys: ECDSA P-256 (kty 'EC', crv 'P-256') and Ed25519 (kty 'OKP', crv 'Ed25519').");
        }

        try
        {
            return P256(Bytes(x, "x"), Bytes(y, "y"));
        }
        catch (CryptographicException)
        {
            throw new FormatException("The point (x, y) is not on the P-256 curve.");
        }
    }

    /// <summary>A key from a DER SubjectPublicKeyInfo, as PEM (<c>-----BEGIN PUBLIC KEY-----</c>) or base64.</summary>
    public static PartyKey FromSpki(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        byte[] der;
        try
        {
            der = text.Contains("-----BEGIN", StringComparison.Ordinal)
                ? Convert.FromBase64String(string.Concat(text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith("-----", StringComparison.Ordinal))))
                : Convert.FromBase64String(text.Trim());
        }
        catch (FormatException)
        {
            throw new FormatException("The public key is not base64 DER (or PEM) SubjectPublicKeyInfo.");
        }

        return FromSpki(der);
    }

    /// <summary>A key from DER SubjectPublicKeyInfo bytes.</summary>
    public static PartyKey FromSpki(byte[] der)
    {
        ArgumentNullException.ThrowIfNull(der);
        if (IsEd25519(der))
        {
            return Ed25519(der[Ed25519SpkiPrefix.Length..]);
        }

        try
        {
            using var ec = ECDsa.Create();
            ec.ImportSubjectPublicKeyInfo(der, out var read);
            var p = ec.ExportParameters(false);
            if (read != der.Length || p.Curve.Oid?.Value != ECCurve.NamedCurves.nistP256.Oid.Value)
            {
                throw new FormatException("Accepted keys: ECDSA P-256 and Ed25519.");
            }

            return P256(p.Q.X!, p.Q.Y!);
        }
        catch (CryptographicException)
        {
            throw new FormatException("The public key is not an ECDSA P-256 or Ed25519 SubjectPublicKeyInfo.");
        }
    }

    /// <summary>Whether <paramref name="signature"/> (ES256: r‖s; EdDSA: 64 bytes) signs <paramref name="data"/>.</summary>
    public bool Verifies(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature) => Verifies(Spki, data, signature);

    /// <summary>Whether the key stored as <paramref name="spki"/> made <paramref name="signature"/> over <paramref name="data"/>: one import, one check.</summary>
    public static bool Verifies(ReadOnlySpan<byte> spki, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        if (signature.Length != 64)
        {
            return false;
        }

        if (IsEd25519(spki))
        {
            var algorithm = SignatureAlgorithm.Ed25519;
            return NSec.Cryptography.PublicKey.TryImport(algorithm, spki[Ed25519SpkiPrefix.Length..], KeyBlobFormat.RawPublicKey, out var key)
                && algorithm.Verify(key!, data, signature);
        }

        // Importing a key costs twice what verifying with it does: imported keys are kept (a few hundred parties sign), in a
        // small pool per key, each used by one verification at a time.
        var id = Convert.ToBase64String(spki);
        var pool = ImportedKeys.Count < MaxImportedKeys ? ImportedKeys.GetOrAdd(id, _ => []) : ImportedKeys.GetValueOrDefault(id) ?? [];
        if (!pool.TryTake(out var ec))
        {
            ec = ECDsa.Create();
            ec.ImportSubjectPublicKeyInfo(spki, out _);
        }

        var verified = ec.VerifyData(data, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        pool.Add(ec);
        return verified;
    }

    private const int MaxImportedKeys = 4096;
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, System.Collections.Concurrent.ConcurrentBag<ECDsa>> ImportedKeys = new(StringComparer.Ordinal);

    /// <summary>The JWS algorithm of the key stored as <paramref name="spki"/>.</summary>
    public static string AlgorithmOf(ReadOnlySpan<byte> spki) => IsEd25519(spki) ? EdDsa : Es256;

    private static bool IsEd25519(ReadOnlySpan<byte> der) => der.Length == Ed25519SpkiPrefix.Length + 32 && der.StartsWith(Ed25519SpkiPrefix);

    private static PartyKey P256(byte[] x, byte[] y)
    {
        using var ec = ECDsa.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, Q = new ECPoint { X = x, Y = y } });
        var bx = Base64Url.EncodeToString(x);
        var by = Base64Url.EncodeToString(y);
        return new PartyKey(Es256, ec.ExportSubjectPublicKeyInfo(), bx, by, Thumbprint($"{{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\"{bx}\",\"y\":\"{by}\"}}"));
    }

    private static PartyKey Ed25519(byte[] raw)
    {
        if (!NSec.Cryptography.PublicKey.TryImport(SignatureAlgorithm.Ed25519, raw, KeyBlobFormat.RawPublicKey, out _))
        {
            throw new FormatException("The Ed25519 public key is not valid.");
        }

        var x = Base64Url.EncodeToString(raw);
        return new PartyKey(EdDsa, [.. Ed25519SpkiPrefix, .. raw], x, null, Thumbprint($"{{\"crv\":\"Ed25519\",\"kty\":\"OKP\",\"x\":\"{x}\"}}"));
    }

    private static string Thumbprint(string requiredMembers) => Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(requiredMembers)));

    private static byte[] Bytes(string? value, string name)
    {
        byte[]? bytes = null;
        try
        {
            bytes = value is null ? null : Base64Url.DecodeFromChars(value);
        }
        catch (FormatException)
        {
        }

        return bytes is { Length: 32 } ? bytes : throw new FormatException($"'{name}' is 32 bytes in base64url.");
    }
}
