using Likeness.Application.Licensing;
using Likeness.Application.Ports;

namespace Likeness.Application.Ledger;

/// <summary>What <c>GET /v1/ledger/key</c> publishes, from the store's <see cref="PublishedKeys"/> and the rotation entries.</summary>
public static class LedgerKeys
{
    public const string Algorithm = "ecdsa-p256";

    public static LedgerKeyView View(IStoreSession s, string origin)
    {
        ArgumentNullException.ThrowIfNull(s);
        var keys = PublishedKeys.Read(s);
        var current = keys[^1];
        var previous = new RetiredKeyView[keys.Count - 1];
        var rotations = new List<KeyRotationView>(keys.Count - 1);
        for (var i = 0; i < keys.Count; i++)
        {
            if (i + 1 < keys.Count)
            {
                previous[i] = new RetiredKeyView(keys[i].KeyId, Algorithm, keys[i].PublicKeySpki, keys[i + 1].AnnouncedAt!.Value);
            }

            if (keys[i].AnnouncedAt is { } at)
            {
                rotations.Add(new KeyRotationView(at, keys[i].KeyId, Convert.ToBase64String(s.ReadLedgerEntries(at, 1)[0])));
            }
        }

        return new LedgerKeyView(origin, origin, current.KeyId, Algorithm, current.PublicKeySpki, previous, [.. rotations]);
    }
}
