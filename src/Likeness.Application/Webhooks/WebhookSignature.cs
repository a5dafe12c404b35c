using System.Security.Cryptography;
using System.Text;

namespace Likeness.Application.Webhooks;

/// <summary>
/// Standard Webhooks signing: a secret is <c>whsec_</c> and base64 of 32 random bytes; a signature is <c>v1,</c> and
/// base64 of HMAC-SHA256 under those bytes over <c>{webhook-id}.{webhook-timestamp}.{body}</c>. Several signatures (the
/// new and the previous secret during a rotation) are separated by spaces in one header.
/// </summary>
public static class WebhookSignature
{
    public const string SecretPrefix = "whsec_";

    /// <summary>A new secret, shown once to the endpoint's owner.</summary>
    public static string NewSecret() => SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>The <c>webhook-signature</c> header's value: one <c>v1,</c> signature per secret.</summary>
    public static string Header(string messageId, long timestamp, ReadOnlySpan<byte> body, IEnumerable<string> secrets)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        var prefix = Encoding.UTF8.GetBytes($"{messageId}.{timestamp}.");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        return string.Join(' ', secrets.Select(s => "v1," + Convert.ToBase64String(HMACSHA256.HashData(KeyOf(s), signed))));
    }

    private static byte[] KeyOf(string secret) =>
        Convert.FromBase64String(secret.StartsWith(SecretPrefix, StringComparison.Ordinal) ? secret[SecretPrefix.Length..] : secret);
}
