using System.Security.Cryptography;
using System.Text;
using Likeness.Application.Common;

namespace Likeness.Application.Vault;

/// <summary>
/// The top of the vault's key hierarchy: the master key (a 0600 file beside the signing key, never in the store) wraps
/// each performer's key-encryption key, which wraps each asset's data key (docs/CUSTODY.md).
/// </summary>
public sealed class VaultKeys
{
    private static readonly byte[] CheckLabel = Encoding.UTF8.GetBytes("likeness vault master key check v1");
    private readonly byte[] _master;

    public VaultKeys(byte[] masterKey)
    {
        ArgumentNullException.ThrowIfNull(masterKey);
        if (masterKey.Length != VaultCipher.KeyBytes)
        {
            throw new ArgumentException("A vault master key is 32 bytes.", nameof(masterKey));
        }

        _master = masterKey;
    }

    /// <summary>What the store keeps to tell whether a node holds the master key the vault was sealed under (an HMAC of a label).</summary>
    public string KeyCheck => Convert.ToHexStringLower(HMACSHA256.HashData(_master, CheckLabel));

    /// <summary>A new key-encryption key for <paramref name="performerId"/>, wrapped by the master key.</summary>
    public VaultKeyRecord NewPerformerKey(string performerId, DateTimeOffset at) =>
        new(performerId, VaultCipher.Wrap(_master, VaultCipher.NewKey(), KekOwner(performerId)), at);

    /// <summary>A new data key for <paramref name="assetId"/>, wrapped by the performer's key-encryption key.</summary>
    public byte[] NewDataKey(VaultKeyRecord performerKey, string assetId) =>
        VaultCipher.Wrap(PerformerKey(performerKey), VaultCipher.NewKey(), DekOwner(assetId));

    /// <summary>An asset's data key, unwrapped through the performer's key; an unexpected error when either does not open.</summary>
    public byte[] DataKey(VaultKeyRecord performerKey, byte[] wrappedDataKey, string assetId) =>
        VaultCipher.Unwrap(PerformerKey(performerKey), wrappedDataKey, DekOwner(assetId))
        ?? throw new CryptographicException($"The data key of {assetId} does not open under its performer's key.");

    /// <summary>
    /// A performer's key replaced under <paramref name="next"/>: a fresh key-encryption key wrapped by the next master key,
    /// and each of her data keys (<paramref name="dataKeys"/>, by asset) unwrapped and wrapped again under it, in order.
    /// Content is not touched: the data keys themselves stay.
    /// </summary>
    public (VaultKeyRecord Key, byte[][] DataKeys) Rotate(VaultKeyRecord key, VaultKeys next, IReadOnlyList<(string AssetId, byte[] Wrapped)> dataKeys, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(next);
        ArgumentNullException.ThrowIfNull(dataKeys);
        var oldKek = PerformerKey(key);
        var newKek = VaultCipher.NewKey();
        var rewrapped = dataKeys.Select(d => VaultCipher.Wrap(newKek, VaultCipher.Unwrap(oldKek, d.Wrapped, DekOwner(d.AssetId))
            ?? throw new CryptographicException($"The data key of {d.AssetId} does not open under its performer's key."), DekOwner(d.AssetId))).ToArray();
        return (new VaultKeyRecord(key.PerformerId, VaultCipher.Wrap(next._master, newKek, KekOwner(key.PerformerId)), at), rewrapped);
    }

    private byte[] PerformerKey(VaultKeyRecord k) =>
        VaultCipher.Unwrap(_master, k.WrappedKey, KekOwner(k.PerformerId))
        ?? throw new CryptographicException($"The key of {k.PerformerId} does not open under this master key.");

    private static string KekOwner(string performerId) => "kek:" + performerId;

    private static string DekOwner(string assetId) => "dek:" + assetId;
}

/// <summary>A sealed chunk that does not open: damaged, truncated, moved or reordered. Names the chunk.</summary>
public sealed class SealedChunkException : Exception
{
    public SealedChunkException(string assetId, long chunk)
        : base($"Chunk {chunk} of {assetId} does not open: the sealed content is damaged, cut short or out of order.")
    {
        AssetId = assetId;
        Chunk = chunk;
    }

    public SealedChunkException()
    {
        AssetId = "";
    }

    public SealedChunkException(string message)
        : base(message)
    {
        AssetId = "";
    }

    public SealedChunkException(string message, Exception innerException)
        : base(message, innerException)
    {
        AssetId = "";
    }

    public string AssetId { get; }

    public long Chunk { get; }

    /// <summary>The refusal a reader gets when the damage is found before any byte was sent.</summary>
    public AppProblem ToProblem() => new(409, "content_damaged", Message, extensions: new Dictionary<string, object?> { ["chunk"] = Chunk });
}
