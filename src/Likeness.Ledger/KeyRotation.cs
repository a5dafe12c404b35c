using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Likeness.Ledger;

/// <summary>
/// A <c>key.rotated</c> ledger entry: the log's new signing key (its name, key id and DER SPKI), with a signature by
/// the key it replaces over <see cref="Message"/>. Whoever trusts the old key can so trust the new one without asking
/// the operator: the entry is in the log the checkpoints commit to, and only the old key could have signed it.
/// </summary>
public sealed record KeyRotation(string KeyName, string PreviousKeyId, string KeyId, byte[] Spki, byte[] Signature)
{
    public const string Kind = "key.rotated";

    /// <summary>The hex key id of a key (the checkpoint key id: the first four bytes of SHA-256 of its SPKI).</summary>
    public static string KeyIdOf(byte[] spki) => Convert.ToHexStringLower(Checkpoint.KeyId(spki));

    /// <summary>The bytes the previous key signs: a fixed label (so no other signed text can pass for one), then the ids and the new key.</summary>
    public static byte[] Message(string keyName, string previousKeyId, string keyId, byte[] spki) =>
        Encoding.UTF8.GetBytes($"likeness key rotation v1\n{keyName}\n{previousKeyId}\n{keyId}\n{Convert.ToBase64String(spki)}\n");

    /// <summary>Signs the rotation from the key <paramref name="previousSpki"/> (by <paramref name="signDer"/>, ASN.1 DER ECDSA) to <paramref name="spki"/>.</summary>
    public static KeyRotation Sign(string keyName, byte[] previousSpki, Func<byte[], byte[]> signDer, byte[] spki)
    {
        ArgumentNullException.ThrowIfNull(signDer);
        var previous = KeyIdOf(previousSpki);
        var id = KeyIdOf(spki);
        return new KeyRotation(keyName, previous, id, spki, signDer(Message(keyName, previous, id, spki)));
    }

    /// <summary>Whether the key <paramref name="previousSpki"/> signed this rotation, and the key ids say what the keys are.</summary>
    public bool IsSignedBy(byte[] previousSpki)
    {
        if (PreviousKeyId != KeyIdOf(previousSpki) || KeyId != KeyIdOf(Spki))
        {
            return false;
        }

        using var key = ECDsa.Create();
        try
        {
            key.ImportSubjectPublicKeyInfo(previousSpki, out _);
            return key.VerifyData(Message(KeyName, PreviousKeyId, KeyId, Spki), Signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    /// <summary>Reads a <c>key.rotated</c> entry; false with the reason when the bytes are not one.</summary>
    public static bool TryRead(byte[] entry, [NotNullWhen(true)] out KeyRotation? rotation, [NotNullWhen(false)] out string? problem)
    {
        rotation = null;
        try
        {
            using var doc = JsonDocument.Parse(entry);
            var e = doc.RootElement;
            string S(string name) => e.GetProperty(name).GetString() ?? throw new FormatException($"'{name}' is null");
            if (S("kind") != Kind)
            {
                problem = $"the entry is a {S("kind")}, not a {Kind}";
                return false;
            }

            rotation = new KeyRotation(S("keyName"), S("previousKeyId"), S("keyId"), Convert.FromBase64String(S("publicKeySpki")), Convert.FromBase64String(S("signature")));
            problem = null;
            return true;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or FormatException or InvalidOperationException)
        {
            problem = $"not a well-formed {Kind} entry: {e.Message}";
            return false;
        }
    }
}
