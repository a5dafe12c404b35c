using Likeness.Application.Licensing;
using Likeness.Application.Parties;
using Likeness.Application.Ports;
using Likeness.Application.Renders;

namespace Likeness.Application;

/// <summary>The kinds of change recorded for other nodes.</summary>
public static class ChangeKinds
{
    /// <summary>A licence's state changed: its snapshot is stale.</summary>
    public const string License = "license";

    /// <summary>A performer's consent or life changed: the snapshots of its licences and cached keys are stale.</summary>
    public const string Performer = "performer";

    /// <summary>The ledger's signing key was rotated (the id is the new key's): every node loads it from the key store.</summary>
    public const string LedgerKey = "ledger_key";
}

/// <summary>
/// Follows the changes other nodes committed (in commit order) and drops what this node keeps in memory about
/// them: licence snapshots and cached key lookups; after a key rotation it loads the new signing key. A node polls it every 100 ms, so a change reaches every node's
/// snapshot within about 100 ms of its commit.
/// </summary>
public sealed class ChangeFeed(IStore store, SnapshotCache snapshots, PartyService parties, KeyRing keys)
{
    private long _last = -1;

    /// <summary>Applies every change since the last call; returns how many. The first call only finds where the feed stands.</summary>
    public async Task<int> SyncAsync(CancellationToken ct = default)
    {
        if (Interlocked.Read(ref _last) < 0)
        {
            Interlocked.Exchange(ref _last, await store.ReadAsync(s => s.LatestChange(), ct));
            return 0;
        }

        var changes = await store.ReadAsync(s => s.ReadChanges(Interlocked.Read(ref _last), 10_000), ct);
        foreach (var c in changes)
        {
            if (c.Kind == ChangeKinds.License)
            {
                snapshots.Invalidate(c.Id);
            }
            else if (c.Kind == ChangeKinds.LedgerKey)
            {
                // A node whose key store lacks the new key signs nothing until it has it (KeyRing.InForce tries again).
                keys.Sync(c.Id);
            }
            else
            {
                snapshots.InvalidatePerformer(c.Id);
                parties.ForgetCachedParties();
            }

            Interlocked.Exchange(ref _last, c.Seq);
        }

        return changes.Count;
    }
}
