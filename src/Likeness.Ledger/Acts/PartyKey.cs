using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Likeness.Ledger.Acts;

/// <summary>
/// A party's public signing key (ECDSA P-256), from a JWK (<c>{kty: EC, crv: P-256, x, y}</c>) or a DER
/// SubjectPublicKeyInfo (PEM or base64). Its id is its JWK thumbprint (RFC 7638), so anyone holding the key computes
/// the same id without asking the server. Pure: no IO.
/// </summary>
public sealed class PartyKey
{
    /// <summary>The JWS algorithm of every key this type holds.</summary>
    public const string Es256 = "ES256";

    private PartyKey(byte[] x, byte[] y)
    {
        X = Base64Url.EncodeToString(x);
        Y = Base64Url.EncodeToString(y);
        using var ec = ECDsa.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, Q = new ECPoint { X = x, Y = y } });
        Spki = ec.ExportSubjectPublicKeyInfo();
        Kid = Thumbprint(X, Y);
    }

    /// <summary>The RFC 7638 thumbprint: base64url of SHA-256 of <c>{"crv":"P-256","kty":"EC","x":…,"y":…}</c>.</summary>
    public string Kid { get; }

    /// <summary>The JWS algorithm the key signs with.</summary>
    public string Algorithm => Es256;

    /// <summary>The key as DER SubjectPublicKeyInfo.</summary>
    public byte[] Spki { get; }

    /// <summary>The public point's x, base64url.</summary>
    public string X { get; }

    /// <summary>The public point's y, base64url.</summary>
    public string Y { get; }

    /// <summary>A P-256 key from its JWK members; a <see cref="FormatException"/> says what is wrong.</summary>
    public static PartyKey FromJwk(string? kty, string? crv, string? x, string? y)
    {
        if (kty != "EC" || crv != "P-256")
        {
            throw new FormatException("Only ECDSA P-256 keys are accepted: kty 'EC', crv 'P-256'.");
        }

        var xb = Coordinate(x, "x");
        var yb = Coordinate(y, "y");
        try
        {
            return new PartyKey(xb, yb);
        }
        catch (CryptographicException)
        {
            throw new FormatException("The point (x, y) is not on the P-256 curve.");
        }
    }

    /// <summary>A P-256 key from a DER SubjectPublicKeyInfo, as PEM (<c>-----BEGIN PUBLIC KEY-----</c>) or base64.</summary>
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

    /// <summary>A P-256 key from DER SubjectPublicKeyInfo bytes.</summary>
    public static PartyKey FromSpki(byte[] der)
    {
        try
        {
            using var ec = ECDsa.Create();
            ec.ImportSubjectPublicKeyInfo(der, out var read);
            var p = ec.ExportParameters(false);
            if (read != der.Length || p.Curve.Oid?.Value != ECCurve.NamedCurves.nistP256.Oid.Value)
            {
                throw new FormatException("Only ECDSA P-256 keys are accepted.");
            }

            return new PartyKey(p.Q.X!, p.Q.Y!);
        }
        catch (CryptographicException)
        {
            throw new FormatException("The public key is not an ECDSA P-256 SubjectPublicKeyInfo.");
        }
    }

    /// <summary>Whether <paramref name="signature"/> (IEEE P1363, r‖s, as JWS ES256 writes it) signs <paramref name="data"/>.</summary>
    public bool Verifies(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        using var ec = ECDsa.Create();
        ec.ImportSubjectPublicKeyInfo(Spki, out _);
        return signature.Length == 64 && ec.VerifyData(data, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }

    private static string Thumbprint(string x, string y) =>
        Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes($"{{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\"{x}\",\"y\":\"{y}\"}}")));

    private static byte[] Coordinate(string? value, string name)
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
