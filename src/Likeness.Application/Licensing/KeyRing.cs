using System.Security.Cryptography;
using System.Text;
using Likeness.Application.Ports;

namespace Likeness.Application.Licensing;

/// <summary>
/// The node's ECDSA P-256 signing key, read from an <see cref="ISigningKeyStore"/> (a 0600 key file, never the
/// database). It signs licence tokens (JWS ES256) and ledger checkpoints with the key the store's
/// <see cref="PublishedKeys"/> say is in force; after a rotation (on any node) it loads the new key from the key
/// store, and when it cannot, it signs nothing rather than sign with a retired key.
/// </summary>
public sealed class KeyRing : IDisposable
{
    /// <summary>Where versions before key files kept the private key (base64 PKCS#8), in the settings table.</summary>
    public const string LegacySettingName = "signing_key_pkcs8";

    private readonly ISigningKeyStore _files;
    private readonly Lock _swap = new();
    private volatile SigningKey _current;

    private KeyRing(string origin, ISigningKeyStore files, SigningKey current)
    {
        Origin = origin;
        _files = files;
        _current = current;
    }

    /// <summary>The log origin and key name, e.g. <c>likeness.local/ledger</c>.</summary>
    public string Origin { get; }

    /// <summary>Where the private key is kept, for people.</summary>
    public string Location => _files.Location;

    /// <summary>The key this node holds now.</summary>
    public SigningKey Current => _current;

    /// <summary>
    /// Loads the key in force, in one transaction: a private key still in the store (a version before key files)
    /// moves to the key store and leaves the database; a store without keys gets one (the key store's, or a new one),
    /// published as the first; a rotation interrupted after its commit is finished.
    /// </summary>
    public static async Task<KeyRing> OpenAsync(IStore store, ISigningKeyStore files, string origin, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var fresh = SigningKey.Generate();
        var current = await store.WriteAsync(s => Settle(s, files, fresh), ct);
        if (!ReferenceEquals(current, fresh))
        {
            fresh.Dispose();
        }

        return new KeyRing(origin, files, current);
    }

    private static SigningKey Settle(IStoreSession s, ISigningKeyStore files, SigningKey fresh)
    {
        if (s.GetSetting(LegacySettingName) is { } legacy)
        {
            // Idempotent: a second run (or a retry of this command) finds the file already holding the key.
            var stored = Convert.FromBase64String(legacy);
            if (SigningKey.KeyIdOf(files.CreateOrRead(stored)) != SigningKey.KeyIdOf(stored))
            {
                throw new SigningKeyUnavailableException(
                    $"The store holds a signing key and {files.Location} holds another; move that file away to let the store's key move there.");
            }

            s.DeleteSetting(LegacySettingName);
        }

        var published = PublishedKeys.Read(s);
        if (published.Count == 0)
        {
            var key = files.Read() is { } existing ? SigningKey.FromPkcs8(existing) : Created(files, fresh);
            PublishedKeys.Write(s, [new PublishedKey(key.KeyId, Convert.ToBase64String(key.PublicKeySpki), null)]);
            return key;
        }

        return Load(files, published[^1].KeyId) ?? throw Unavailable(files.Location, published[^1].KeyId);
    }

    private static SigningKey Created(ISigningKeyStore files, SigningKey fresh)
    {
        var kept = files.CreateOrRead(fresh.ExportPkcs8());
        return SigningKey.KeyIdOf(kept) == fresh.KeyId ? fresh : SigningKey.FromPkcs8(kept);
    }

    /// <summary>
    /// The key in force by <paramref name="published"/> (at <paramref name="size"/> entries when given), loading it from
    /// the key store when another node rotated; null when this node cannot get it (then it must not sign).
    /// </summary>
    public SigningKey? InForce(IReadOnlyList<PublishedKey> published, long? size = null)
    {
        var keyId = (size is { } n ? PublishedKeys.InForceAt(published, n) : published[^1]).KeyId;
        return _current.KeyId == keyId ? _current : Sync(keyId);
    }

    /// <summary>Makes this node hold key <paramref name="keyId"/> if the key store has it; null when it does not.</summary>
    public SigningKey? Sync(string keyId)
    {
        lock (_swap)
        {
            if (_current.KeyId == keyId)
            {
                return _current;
            }

            if (Load(_files, keyId) is not { } loaded)
            {
                return null;
            }

            // The key it replaces is not disposed: a signature may be under way with it; its finalizer frees it.
            _current = loaded;
            return loaded;
        }
    }

    /// <summary>After a rotation this node committed: the new key becomes the key file's and this node's.</summary>
    public void Adopt(SigningKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_swap)
        {
            _files.Replace(key.ExportPkcs8());
            _current = key;
        }
    }

    /// <summary>Stages a rotation's new key in the key store (see <see cref="ISigningKeyStore.Stage"/>).</summary>
    public void Stage(SigningKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        _files.Stage(key.ExportPkcs8());
    }

    /// <summary>The key store's current key if it is <paramref name="keyId"/>; else its staged key if it is (a rotation's commit went through, its file move did not): that one is made current.</summary>
    private static SigningKey? Load(ISigningKeyStore files, string keyId)
    {
        if (files.Read() is { } current && SigningKey.KeyIdOf(current) == keyId)
        {
            return SigningKey.FromPkcs8(current);
        }

        if (files.ReadStaged() is { } staged && SigningKey.KeyIdOf(staged) == keyId)
        {
            files.Replace(staged);
            return SigningKey.FromPkcs8(staged);
        }

        return null;
    }

    /// <summary>Why this node cannot sign: it lacks key <paramref name="keyId"/>, and what the operator does about it.</summary>
    public SigningKeyUnavailableException Unavailable(string keyId) => Unavailable(_files.Location, keyId);

    private static SigningKeyUnavailableException Unavailable(string location, string keyId) =>
        new($"The ledger's signing key is {keyId}, but {location} does not hold it: copy the key file (mode 0600) from a node that has it, or restore it from its backup.");

    /// <summary>Verifies a compact JWS made by <see cref="SigningKey.SignJws"/> against a public key; returns the payload JSON or null.</summary>
    public static string? VerifyJws(string token, byte[] publicKeySpki)
    {
        ArgumentNullException.ThrowIfNull(token);
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

    public void Dispose() => _current.Dispose();
}

/// <summary>This node does not hold the signing key the log has announced, so it signs nothing (it must not sign with another).</summary>
public sealed class SigningKeyUnavailableException : Exception
{
    public SigningKeyUnavailableException(string message)
        : base(message)
    {
    }

    public SigningKeyUnavailableException()
    {
    }

    public SigningKeyUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
