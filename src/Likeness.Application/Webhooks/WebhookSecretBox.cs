using System.Security.Cryptography;
using System.Text;

namespace Likeness.Application.Webhooks;

/// <summary>
/// Seals webhook secrets for the store with AES-256-GCM under a key kept outside it (a 0600 file beside the ledger's
/// signing key), bound to the endpoint's id: a copy of the database alone cannot sign as Likeness, and a sealed secret
/// moved to another endpoint does not open.
/// </summary>
public sealed class WebhookSecretBox
{
    private const int NonceBytes = 12;
    private const int TagBytes = 16;
    private static readonly byte[] CheckLabel = Encoding.UTF8.GetBytes("likeness webhook key check v1");
    private readonly byte[] _key;

    public WebhookSecretBox(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length != 32)
        {
            throw new ArgumentException("A webhook secrets key is 32 bytes.", nameof(key));
        }

        _key = key;
    }

    /// <summary>
    /// A value the store keeps to tell whether a node holds the key the secrets were sealed with (HMAC of a fixed label;
    /// it reveals nothing of the key).
    /// </summary>
    public string KeyCheck => Convert.ToHexStringLower(HMACSHA256.HashData(_key, CheckLabel));

    public string Seal(string secret, string endpointId)
    {
        var plain = Encoding.UTF8.GetBytes(secret);
        var sealedBytes = new byte[NonceBytes + plain.Length + TagBytes];
        var nonce = sealedBytes.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagBytes);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceBytes, plain.Length), sealedBytes.AsSpan(NonceBytes + plain.Length), Encoding.UTF8.GetBytes(endpointId));
        return "v1." + Convert.ToBase64String(sealedBytes);
    }

    /// <summary>The secret, or null when it was not sealed under this key for this endpoint.</summary>
    public string? Open(string sealedSecret, string endpointId)
    {
        ArgumentNullException.ThrowIfNull(sealedSecret);
        if (!sealedSecret.StartsWith("v1.", StringComparison.Ordinal))
        {
            return null;
        }

        var bytes = Convert.FromBase64String(sealedSecret[3..]);
        if (bytes.Length < NonceBytes + TagBytes)
        {
            return null;
        }

        var length = bytes.Length - NonceBytes - TagBytes;
        var plain = new byte[length];
        using var aes = new AesGcm(_key, TagBytes);
        try
        {
            aes.Decrypt(bytes.AsSpan(0, NonceBytes), bytes.AsSpan(NonceBytes, length), bytes.AsSpan(NonceBytes + length), plain, Encoding.UTF8.GetBytes(endpointId));
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }

        return Encoding.UTF8.GetString(plain);
    }
}
