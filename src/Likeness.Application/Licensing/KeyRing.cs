using System.Security.Cryptography;
using System.Text;
using Likeness.Application.Common;
using Likeness.Application.Ports;

namespace Likeness.Application.Licensing;

/// <summary>
/// The server's ECDSA P-256 signing key, kept in the store (created by <c>likeness init</c>). It signs licence
/// tokens (JWS ES256) and ledger checkpoints; its public key is published at <c>GET /v1/ledger/key</c>.
/// </summary>
public sealed class KeyRing : IDisposable
{
    public const string SettingName = "signing_key_pkcs8";

    private readonly ECDsa _key;

    private KeyRing(ECDsa key, string origin)
    {
        _key = key;
        Origin = origin;
        PublicKeySpki = key.ExportSubjectPublicKeyInfo();
        KeyId = Convert.ToHexStringLower(SHA256.HashData(PublicKeySpki).AsSpan(0, 4));
    }

    /// <summary>The log origin and key name, e.g. <c>likeness.local/ledger</c>.</summary>
    public string Origin { get; }

    public byte[] PublicKeySpki { get; }

    /// <summary>Hex of the first four bytes of SHA-256 of the SPKI (the checkpoint key id).</summary>
    public string KeyId { get; }

    /// <summary>Loads the key from the store; creates and saves one when the store has none.</summary>
    public static KeyRing LoadOrCreate(IStoreSession s, string origin)
    {
        var stored = s.GetSetting(SettingName);
        ECDsa key;
        if (stored is null)
        {
            key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            s.SetSetting(SettingName, Convert.ToBase64String(key.ExportPkcs8PrivateKey()));
        }
        else
        {
            key = ECDsa.Create();
            key.ImportPkcs8PrivateKey(Convert.FromBase64String(stored), out _);
        }

        return new KeyRing(key, origin);
    }

    /// <summary>ASN.1 DER ECDSA signature (RFC 3279), as checkpoints use.</summary>
    public byte[] SignDer(byte[] data) => _key.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);

    /// <summary>A compact JWS (ES256) over <paramref name="payloadJson"/>; verifiable with the published key.</summary>
    public string SignJws(string payloadJson)
    {
        var header = Ids.Base64Url(Encoding.UTF8.GetBytes($"{{\"alg\":\"ES256\",\"kid\":\"{KeyId}\",\"typ\":\"likeness-license+jwt\"}}"));
        var payload = Ids.Base64Url(Encoding.UTF8.GetBytes(payloadJson));
        var signingInput = header + "." + payload;
        var sig = _key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return signingInput + "." + Ids.Base64Url(sig);
    }

    /// <summary>Verifies a compact JWS made by <see cref="SignJws"/> against a public key; returns the payload JSON or null.</summary>
    public static string? VerifyJws(string token, byte[] publicKeySpki)
    {
        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            return null;
        }

        using var key = ECDsa.Create();
        key.ImportSubjectPublicKeyInfo(publicKeySpki, out _);
        try
        {
            var sig = System.Buffers.Text.Base64Url.DecodeFromChars(parts[2]);
            var ok = key.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), sig, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
            return ok ? Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(parts[1])) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public void Dispose() => _key.Dispose();
}
