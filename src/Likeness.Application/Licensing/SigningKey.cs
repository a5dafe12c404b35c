using System.Security.Cryptography;
using System.Text;
using Likeness.Application.Common;

namespace Likeness.Application.Licensing;

/// <summary>One ECDSA P-256 signing key: it signs checkpoints (ASN.1 DER) and licence tokens (JWS ES256, naming it in <c>kid</c>).</summary>
public sealed class SigningKey : IDisposable
{
    private readonly ECDsa _key;

    private SigningKey(ECDsa key)
    {
        _key = key;
        PublicKeySpki = key.ExportSubjectPublicKeyInfo();
        KeyId = Convert.ToHexStringLower(SHA256.HashData(PublicKeySpki).AsSpan(0, 4));
    }

    public byte[] PublicKeySpki { get; }

    /// <summary>Hex of the first four bytes of SHA-256 of the SPKI (the checkpoint key id, and the tokens' <c>kid</c>).</summary>
    public string KeyId { get; }

    public static SigningKey Generate() => new(ECDsa.Create(ECCurve.NamedCurves.nistP256));

    public static SigningKey FromPkcs8(byte[] pkcs8)
    {
        var key = ECDsa.Create();
        try
        {
            key.ImportPkcs8PrivateKey(pkcs8, out _);
            return new SigningKey(key);
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    /// <summary>The key id of a PKCS#8 key, without keeping it.</summary>
    public static string KeyIdOf(byte[] pkcs8)
    {
        using var key = FromPkcs8(pkcs8);
        return key.KeyId;
    }

    public byte[] ExportPkcs8() => _key.ExportPkcs8PrivateKey();

    /// <summary>ASN.1 DER ECDSA signature (RFC 3279), as checkpoints and key rotations use.</summary>
    public byte[] SignDer(byte[] data) => _key.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);

    /// <summary>A compact JWS (ES256) over <paramref name="payloadJson"/>; <c>kid</c> names this key, so a verifier picks it from the published keys.</summary>
    public string SignJws(string payloadJson)
    {
        var header = Ids.Base64Url(Encoding.UTF8.GetBytes($"{{\"alg\":\"ES256\",\"kid\":\"{KeyId}\",\"typ\":\"likeness-license+jwt\"}}"));
        var payload = Ids.Base64Url(Encoding.UTF8.GetBytes(payloadJson));
        var signingInput = header + "." + payload;
        var sig = _key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return signingInput + "." + Ids.Base64Url(sig);
    }

    public void Dispose() => _key.Dispose();
}
