using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Likeness.Ledger;

/// <summary>
/// A signed tree head as a C2SP signed note (tlog-checkpoint): the origin, the size and the root on three lines,
/// an empty line, then signature lines <c>— name base64(keyID || signature)</c>. Likeness signs with ECDSA
/// P-256 (type 0x02): key ID = first 4 bytes of SHA-256 of the DER SubjectPublicKeyInfo, signature in ASN.1 DER
/// over the note text.
/// </summary>
public sealed record Checkpoint(string Origin, long Size, byte[] Root)
{
    private const string Dash = "\u2014 ";

    /// <summary>The note text that is signed.</summary>
    public string Body() => $"{Origin}\n{Size.ToString(CultureInfo.InvariantCulture)}\n{Convert.ToBase64String(Root)}\n";

    /// <summary>The 4-byte key ID of an ECDSA key: SHA-256 of its SPKI, truncated.</summary>
    public static byte[] KeyId(byte[] publicKeySpki) => SHA256.HashData(publicKeySpki).AsSpan(0, 4).ToArray();

    /// <summary>The signed note, signed by <paramref name="signDer"/> (ASN.1 DER ECDSA over the bytes it is given).</summary>
    public string Sign(string keyName, byte[] publicKeySpki, Func<byte[], byte[]> signDer)
    {
        var body = Body();
        var sig = signDer(Encoding.UTF8.GetBytes(body));
        var blob = new byte[4 + sig.Length];
        KeyId(publicKeySpki).CopyTo(blob, 0);
        sig.CopyTo(blob, 4);
        return $"{body}\n{Dash}{keyName} {Convert.ToBase64String(blob)}\n";
    }

    /// <summary>
    /// Parses a signed note and checks it: the signature of the named key must verify; signatures of other keys
    /// are ignored. Throws <see cref="FormatException"/> naming what is wrong.
    /// </summary>
    public static Checkpoint Open(string note, string keyName, byte[] publicKeySpki)
    {
        var split = note.IndexOf("\n\n", StringComparison.Ordinal);
        if (split < 0)
        {
            throw new FormatException("A signed note has its text, an empty line, and signature lines.");
        }

        var body = note[..(split + 1)];
        var lines = body.Split('\n');
        if (lines.Length != 4 || lines[3].Length != 0)
        {
            throw new FormatException("A checkpoint is three lines: origin, size, root.");
        }

        if (!long.TryParse(lines[1], NumberStyles.None, CultureInfo.InvariantCulture, out var size) ||
            lines[1] != size.ToString(CultureInfo.InvariantCulture))
        {
            throw new FormatException("The size is not a decimal number.");
        }

        byte[] root;
        try
        {
            root = Convert.FromBase64String(lines[2]);
        }
        catch (FormatException)
        {
            throw new FormatException("The root is not base64.");
        }

        if (root.Length != Hashes.Size)
        {
            throw new FormatException("The root is not 32 bytes.");
        }

        using var key = ECDsa.Create();
        key.ImportSubjectPublicKeyInfo(publicKeySpki, out _);
        var keyId = KeyId(publicKeySpki);
        var bodyBytes = Encoding.UTF8.GetBytes(body);
        foreach (var line in note[(split + 2)..].Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!line.StartsWith(Dash, StringComparison.Ordinal))
            {
                throw new FormatException("A signature line starts with an em dash and a space.");
            }

            var parts = line[Dash.Length..].Split(' ');
            if (parts.Length != 2 || parts[0] != keyName)
            {
                continue;
            }

            byte[] blob;
            try
            {
                blob = Convert.FromBase64String(parts[1]);
            }
            catch (FormatException)
            {
                continue;
            }

            if (blob.Length > 4 && blob.AsSpan(0, 4).SequenceEqual(keyId) &&
                key.VerifyData(bodyBytes, blob.AsSpan(4), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence))
            {
                if (lines[0] != keyName)
                {
                    throw new FormatException($"The origin '{lines[0]}' is not the key name '{keyName}'.");
                }

                return new Checkpoint(lines[0], size, root);
            }
        }

        throw new FormatException("No signature by the trusted key verifies.");
    }
}
