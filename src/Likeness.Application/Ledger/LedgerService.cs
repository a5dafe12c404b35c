using System.Text.Json.Nodes;
using Likeness.Application.Access;
using Likeness.Application.Common;
using Likeness.Application.Licensing;
using Likeness.Application.Model;
using Likeness.Application.Ports;
using Likeness.Domain.Common;
using Likeness.Ledger;

namespace Likeness.Application.Ledger;

/// <summary>
/// The ledger's sequencer and its read side. Entries are written by the use cases in the transaction of the
/// change they record; the sequencer integrates them in batches into hash tiles and signs a checkpoint, in one
/// transaction. Before it signs anything after a start it checks that the stored tiles still reproduce the last
/// checkpoint, so it never signs two checkpoints that are not consistent, also across a restart.
/// </summary>
public sealed class LedgerService(IStore store, TimeProvider clock, KeyRing keys)
{
    /// <summary>The most entries one integration takes.</summary>
    public const int MaxBatch = 65_536;

    private readonly TileNodeCache _nodes = new();
    private volatile bool _headVerified;

    /// <summary>
    /// Integrates what is pending and signs a checkpoint; returns the latest checkpoint (null while the log is empty),
    /// which covers every entry committed before the call (up to <see cref="MaxBatch"/> of them).
    /// </summary>
    /// <remarks>
    /// The work (reading the new entries, hashing them, building tiles, signing) is done on a read snapshot, beside the
    /// writer; the writer only stores the tiles and the checkpoint, and only if no checkpoint was stored since the
    /// snapshot. Committed entries never change, so the snapshot's view of them is the log's. When another integration
    /// (the sequencer's, planned on an older snapshot) stored a shorter checkpoint first, it integrates again from there.
    /// </remarks>
    public async Task<StoredCheckpoint?> IntegrateAsync(CancellationToken ct = default)
    {
        while (true)
        {
            var plan = await store.ReadAsync(Plan, ct);
            if (plan.Next is null)
            {
                return plan.Base;
            }

            var latest = await store.WriteAsync(s => Store(s, plan), ct);
            if (latest is null || latest.Size >= plan.Next.Size)
            {
                return latest;
            }
        }
    }

    private Integration Plan(IStoreSession s)
    {
        var latest = s.GetLatestCheckpoint();
        if (!_headVerified)
        {
            VerifyHead(s, latest);
            _headVerified = true;
        }

        var size = latest?.Size ?? 0;
        var pending = s.LedgerEntryCount() - size;
        if (pending <= 0)
        {
            return new Integration(latest, null, null);
        }

        // The leaf hashes stored beside the entries (an entry stored without one is hashed here).
        var leaves = s.ReadLedgerLeaves(size, (int)Math.Min(pending, MaxBatch)).Select(l => l.LeafHash ?? Hashes.Leaf(l.Entry)).ToList();

        // INVARIANT: a checkpoint is signed by the key the log announced last inside it, never by one it retired.
        var published = PublishedKeys.Read(s);
        var key = keys.InForce(published, size + leaves.Count) ?? throw keys.Unavailable(PublishedKeys.InForceAt(published, size + leaves.Count).KeyId);
        var (tiles, root) = TileIntegrator.Integrate(size, leaves, s.GetTile);
        var checkpoint = new Checkpoint(keys.Origin, size + leaves.Count, root);
        var stored = new StoredCheckpoint(checkpoint.Size, root, checkpoint.Sign(keys.Origin, key.PublicKeySpki, key.SignDer), clock.GetUtcNow());
        return new Integration(latest, tiles, stored);
    }

    /// <summary>Stores the planned tiles and checkpoint unless a checkpoint was stored since the plan's snapshot; returns the latest.</summary>
    private static StoredCheckpoint? Store(IStoreSession s, Integration plan)
    {
        var latest = s.GetLatestCheckpoint();
        if ((latest?.Size ?? 0) != (plan.Base?.Size ?? 0))
        {
            return latest;
        }

        foreach (var t in plan.Tiles!)
        {
            s.PutTile(t.Level, t.Index, t.Data);
        }

        s.InsertCheckpoint(plan.Next!);
        return plan.Next;
    }

    /// <summary>An integration prepared on a snapshot: the checkpoint it extends, the tiles it writes, the checkpoint it signs.</summary>
    private sealed record Integration(StoredCheckpoint? Base, IReadOnlyList<TileUpdate>? Tiles, StoredCheckpoint? Next);

    /// <summary>
    /// INVARIANT: the tiles on disk reproduce the root of the last checkpoint; if they do not (the store was
    /// altered), the sequencer refuses to sign rather than publish a checkpoint inconsistent with the last one.
    /// </summary>
    private static void VerifyHead(IStoreSession s, StoredCheckpoint? latest)
    {
        if (latest is null || latest.Size == 0)
        {
            return;
        }

        byte[] root;
        try
        {
            root = TreeMath.Root(Tiles.Nodes(s.GetTile), latest.Size);
        }
        catch (InvalidOperationException e)
        {
            throw new LedgerCorruptException($"The stored tiles are incomplete for size {latest.Size}: {e.Message}");
        }

        if (!root.AsSpan().SequenceEqual(latest.Root))
        {
            throw new LedgerCorruptException($"The stored tiles no longer reproduce the checkpoint of size {latest.Size}; refusing to sign.");
        }
    }

    /// <summary>The entries appended and how many the latest checkpoint covers: two indexed reads, for the health check.</summary>
    public Task<LedgerStatus> StatusAsync(CancellationToken ct = default) =>
        store.ReadAsync(s => new LedgerStatus(s.LedgerEntryCount(), s.GetLatestCheckpoint()?.Size ?? 0), ct);

    /// <summary>The signing key in force, the keys before it, and the rotations that announced each.</summary>
    public Task<LedgerKeyView> KeyAsync(CancellationToken ct = default) => store.ReadAsync(s => LedgerKeys.View(s, keys.Origin), ct);

    /// <summary>The latest signed checkpoint's note text.</summary>
    public async Task<string> CheckpointAsync(CancellationToken ct = default) =>
        (await store.ReadAsync(s => s.GetLatestCheckpoint(), ct))?.Note
        ?? throw new AppProblem(404, "no_checkpoint", "The log has not signed a checkpoint yet.");

    /// <summary>One entry, to the parties it concerns and to auditors.</summary>
    public Task<LedgerEntryView> EntryAsync(PartyRecord caller, long index, CancellationToken ct = default) =>
        store.ReadAsync(
            s =>
            {
                var bytes = index >= 0 ? s.ReadLedgerEntries(index, 1).FirstOrDefault() : null;
                if (bytes is null)
                {
                    throw AppProblem.NotFound("ledger entry");
                }

                var decoded = JsonNode.Parse(bytes)!.AsObject();
                if (!Concerns(s, caller, decoded))
                {
                    throw AppProblem.NotFound("ledger entry");
                }

                return new LedgerEntryView(index, Convert.ToBase64String(bytes), decoded, Convert.ToBase64String(Hashes.Leaf(bytes)), ActOf(s, index));
            },
            ct);

    public Task<InclusionProofView> InclusionAsync(long index, long? treeSize, CancellationToken ct = default) =>
        store.ReadAsync(
            s =>
            {
                var size = CheckedSize(s, treeSize, "treeSize");
                if (index < 0 || index >= size)
                {
                    throw AppProblem.BadRequest("out_of_range", $"index is 0 to {size - 1} for a tree of {size}.", "index");
                }

                var nodes = _nodes.Nodes(s.GetTile);
                var proof = TreeMath.InclusionProof(nodes, index, size);
                return new InclusionProofView(size, index, Convert.ToBase64String(nodes(0, index)), proof.Select(Convert.ToBase64String).ToArray());
            },
            ct);

    public Task<ConsistencyProofView> ConsistencyAsync(long from, long? to, CancellationToken ct = default) =>
        store.ReadAsync(
            s =>
            {
                var size = CheckedSize(s, to, "to");
                if (from < 1 || from > size)
                {
                    throw AppProblem.BadRequest("out_of_range", $"from is 1 to {size}.", "from");
                }

                var proof = TreeMath.ConsistencyProof(_nodes.Nodes(s.GetTile), from, size);
                return new ConsistencyProofView(from, size, proof.Select(Convert.ToBase64String).ToArray());
            },
            ct);

    /// <summary>A hash tile (public) or, with <paramref name="level"/> null, an entry bundle (auditors), at a checkpointed width.</summary>
    public Task<byte[]> TileAsync(PartyRecord? caller, int? level, long index, int width, CancellationToken ct = default)
    {
        if (level is null && caller?.Kind != PartyKind.Auditor)
        {
            throw caller is null ? new AppProblem(401, "unauthenticated", "Entry bundles are for auditors: send an auditor's key.") : AppProblem.Forbidden("Entry bundles are for auditors.");
        }

        return store.ReadAsync(
            s =>
            {
                var size = s.GetLatestCheckpoint()?.Size ?? 0;
                var first = index * Tiles.Width;
                if (level is null)
                {
                    if (first + width > size)
                    {
                        throw AppProblem.NotFound("tile");
                    }

                    return EntryBundle.Write(s.ReadLedgerEntries(first, width));
                }

                var tile = s.GetTile(level.Value, index);
                if (tile is null || tile.Length < width * Hashes.Size)
                {
                    throw AppProblem.NotFound("tile");
                }

                return tile.AsSpan(0, width * Hashes.Size).ToArray();
            },
            ct);
    }

    private static long CheckedSize(IStoreSession s, long? requested, string field)
    {
        var size = s.GetLatestCheckpoint()?.Size ?? 0;
        var n = requested ?? size;
        if (n < 1 || n > size)
        {
            throw AppProblem.BadRequest("out_of_range", $"{field} is 1 to the checkpointed size {size}.", field);
        }

        return n;
    }

    /// <summary>The signed act an entry records, with the signer's public key, so anyone it concerns checks it offline.</summary>
    private static Acts.ActView? ActOf(IStoreSession s, long index) =>
        s.Acts.GetAct(index) is { } act && s.Acts.GetKey(act.Kid) is { } key
            ? new Acts.ActView(act.PartyId, act.Kid, act.Signature, act.SignedForm, Convert.ToBase64String(key.Spki))
            : null;

    /// <summary>Whether an entry concerns the caller: it names the caller, a performer the caller acts for, or a licence, request or render of either.</summary>
    private static bool Concerns(IStoreSession s, PartyRecord caller, JsonObject entry)
    {
        if (caller.Kind == PartyKind.Auditor)
        {
            return true;
        }

        string? Id(string name) => entry[name] is JsonValue v && v.TryGetValue<string>(out var x) ? x : null;
        bool PartyOrPerformer(string? partyId) =>
            partyId is not null && (partyId == caller.Id || (s.GetParty(partyId) is { Kind: PartyKind.Performer } p && AccessRules.IsPerformerSide(caller, p)));

        if (PartyOrPerformer(Id("performer")) || PartyOrPerformer(Id("studio")) || Id("by") == caller.Id || Id("party") == caller.Id || Id("representative") == caller.Id)
        {
            return true;
        }

        var license = Id("license") is { } lid ? s.GetLicense(lid) : Id("render") is { } rid && s.GetRender(rid) is { } r ? s.GetLicense(r.LicenseId) : null;
        if (license is not null && (license.StudioId == caller.Id || PartyOrPerformer(license.PerformerId)))
        {
            return true;
        }

        // A render with several performers: its studio and each contributor's side read the entries that name them all.
        if (Id("render") is { } ensemble && Renders.EnsembleService.Names(ensemble) &&
            s.GetContributors(ensemble).Any(c => PartyOrPerformer(c.PerformerId) || s.GetLicense(c.LicenseId)?.StudioId == caller.Id))
        {
            return true;
        }

        return Id("request") is { } qid && s.GetRequest(qid) is { } q && (q.StudioId == caller.Id || PartyOrPerformer(q.PerformerId));
    }
}

/// <summary>The stored log no longer matches what it signed; the sequencer stops rather than sign.</summary>
public sealed class LedgerCorruptException : Exception
{
    public LedgerCorruptException(string message)
        : base(message)
    {
    }

    public LedgerCorruptException()
    {
    }

    public LedgerCorruptException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
