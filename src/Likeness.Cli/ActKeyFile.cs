using System.Security.Cryptography;
using System.Text;
using Likeness.Ledger.Acts;
using Likeness.Server.Secrets;

namespace Likeness.Cli;

/// <summary>
/// A party's act-signing key (ECDSA P-256, PKCS#8 PEM, a 0600 file): it signs each mutating request as a detached JWS
/// in <c>Likeness-Signature</c>. Not the ledger's signing key (<c>serve --signing-key</c>), which signs checkpoints.
/// </summary>
public sealed class ActKeyFile : IDisposable
{
    private readonly ECDsa _key;

    private ActKeyFile(ECDsa key)
    {
        _key = key;
        Public = PartyKey.FromSpki(key.ExportSubjectPublicKeyInfo());
    }

    /// <summary>The public half, with its key id (RFC 7638 thumbprint).</summary>
    public PartyKey Public { get; }

    /// <summary>Makes a new key and writes it to <paramref name="path"/> (0600); refuses to overwrite a file.</summary>
    public static ActKeyFile Create(string path)
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        if (!PrivateFile.TryCreate(path, key.ExportPkcs8PrivateKeyPem() + "\n"))
        {
            key.Dispose();
            throw new CliException($"{path} exists already: name a new file for the new key");
        }

        return new ActKeyFile(key);
    }

    /// <summary>Reads a key file written by <c>likeness keys new</c> (or any PKCS#8 P-256 PEM).</summary>
    public static ActKeyFile Load(string path)
    {
        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(File.ReadAllText(path));
            return new ActKeyFile(key);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or CryptographicException or FormatException)
        {
            key.Dispose();
            throw new CliException($"cannot read the act key {path}: {e.Message}");
        }
    }

    /// <summary>The <c>Likeness-Signature</c> of a request: its method, path (without the query), body and Idempotency-Key.</summary>
    public string Sign(string method, string path, string? body, string idempotencyKey) =>
        ActSignature.Sign(_key, Public.Kid, ActSignature.SignedForm(method, path, ActSignature.BodySha256(Encoding.UTF8.GetBytes(body ?? "")), idempotencyKey), DateTimeOffset.UtcNow);

    /// <summary>A union's AB 2602 attestation of a request's description of use (<see cref="UnionAttestation"/>).</summary>
    public string SignAttestation(string requestId, string description) =>
        ActSignature.Sign(_key, Public.Kid, UnionAttestation.SignedForm(requestId, description), DateTimeOffset.UtcNow);

    public void Dispose() => _key.Dispose();
}
