using Likeness.Application.Common;
using Likeness.Application.Ports;

namespace Likeness.Application.Licensing;

/// <summary>One signing key the log has used: its id, its public key, and the <c>key.rotated</c> entry that announced it (null for the first).</summary>
public sealed record PublishedKey(string KeyId, string PublicKeySpki, long? AnnouncedAt);

/// <summary>
/// The public history of the ledger's signing keys, oldest first, kept in the store's settings (public keys only): the
/// last is the key in force. Every node reads it to know which key it must sign with; the rotations themselves are
/// ledger entries, so the history can be checked against the log.
/// </summary>
public static class PublishedKeys
{
    public const string SettingName = "ledger_keys";

    public static IReadOnlyList<PublishedKey> Read(IStoreSession s) =>
        s.GetSetting(SettingName) is { } json ? Json.DeserializeStored<PublishedKey[]>(json) : [];

    public static void Write(IStoreSession s, IReadOnlyList<PublishedKey> keys) => s.SetSetting(SettingName, Json.Serialize(keys));

    /// <summary>The key that signs a checkpoint of <paramref name="size"/> entries: the last one announced inside it.</summary>
    public static PublishedKey InForceAt(IReadOnlyList<PublishedKey> keys, long size) =>
        keys.Last(k => k.AnnouncedAt is not { } at || at < size);
}
