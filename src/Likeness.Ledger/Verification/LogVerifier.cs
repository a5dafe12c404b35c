using System.Text;

namespace Likeness.Ledger.Verification;

/// <summary>
/// Verifies a log from the outside, trusting nothing but a pinned key and, optionally, a checkpoint it trusted
/// before (the shape of Tessera's client: a library over fetch functions, so the CLI, an SDK and the tests share
/// one loop and differ only in transport). It opens the latest checkpoint with the key, or with a key the log
/// rotated to from it (each <c>key.rotated</c> entry signed by the key before it, and in the log), reads every level-0 tile
/// and recomputes the root, checks the trusted checkpoint is a prefix (by its root and the server's consistency
/// proof), and with entry bundles checks every entry against its leaf and replays the story. What it finds wrong
/// is a returned <see cref="LogFinding"/>; it throws only when a fetch function does.
/// </summary>
public sealed class LogVerifier(LogFetchers fetch, PinnedKey key)
{
    /// <summary>
    /// Verifies the log's latest checkpoint, consistent with <paramref name="trustedNote"/> when one is given; reports each
    /// tile and entry bundle read to <paramref name="progress"/>.
    /// </summary>
    public async Task<LogVerification> VerifyAsync(string? trustedNote = null, IProgress<LogProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var note = Encoding.UTF8.GetString(await fetch.Checkpoint(cancellationToken));
        LogVerification Fail(LogFinding finding) => LogVerification.Failed(finding with { ServerNote = note, TrustedNote = trustedNote });

        // The keys the pinned one vouched for, rotation by rotation; whether each rotation is in the log is checked on the leaves.
        IReadOnlyList<LoggedEntry> rotations = fetch.KeyRotations is { } fetchRotations ? await fetchRotations(cancellationToken) : [];
        var (chain, chainFinding) = KeyChain.Follow(key, rotations);
        if (chainFinding is not null)
        {
            return Fail(chainFinding);
        }

        if (!KeyChain.TryOpen(chain, note, out var checkpoint, out var signer, out var problem))
        {
            var rotated = chain.Count > 1 ? $" nor by the {chain.Count - 1} key(s) the log rotated to from it" : "";
            return Fail(new LogFinding(LogFindingKind.BadSignature, null, $"the server's checkpoint is not signed by the pinned key{rotated}: {problem}"));
        }

        Checkpoint? trusted = null;
        if (trustedNote is not null)
        {
            if (!KeyChain.TryOpen(chain, trustedNote, out trusted, out _, out problem))
            {
                return Fail(new LogFinding(LogFindingKind.BadTrustedCheckpoint, null, $"the trusted checkpoint does not verify: {problem}"));
            }

            if (trusted.Size > checkpoint.Size)
            {
                // The first entry the trusted log had and this one lacks.
                return Fail(new LogFinding(LogFindingKind.Fork, checkpoint.Size, "fork detected: the log shrank"));
            }

            if (trusted.Size == checkpoint.Size && !trusted.Root.AsSpan().SequenceEqual(checkpoint.Root))
            {
                return Fail(new LogFinding(LogFindingKind.Fork, null, "fork detected: two checkpoints of one size with different roots"));
            }
        }

        var (leaves, tileFinding) = await LeafTiles.ReadAsync(fetch, checkpoint, trusted, progress, cancellationToken);
        if (tileFinding is not null)
        {
            return Fail(tileFinding);
        }

        if (KeyChain.CheckAnnouncements(chain, signer, rotations, checkpoint, leaves) is { } keyFinding)
        {
            return Fail(keyFinding);
        }

        // The leaves already show the prefix; the proof is checked too, so a server that cannot prove what it serves is caught.
        if (trusted is { Size: > 0 } && trusted.Size < checkpoint.Size)
        {
            var proof = await fetch.ConsistencyProof(trusted.Size, checkpoint.Size, cancellationToken);
            if (ProofVerifier.Consistency(trusted.Size, checkpoint.Size, trusted.Root, checkpoint.Root, proof) is { } why)
            {
                return Fail(new LogFinding(LogFindingKind.BadConsistencyProof, null, $"the server's consistency proof from {trusted.Size} to {checkpoint.Size} fails: {why}"));
            }
        }

        LedgerAudit? audit = null;
        if (fetch.EntryBundle is { } bundles)
        {
            (audit, var entryFinding) = await EntryReplay.RunAsync(bundles, fetch.MaxConcurrentFetches, leaves, progress, cancellationToken);
            if (entryFinding is not null)
            {
                return Fail(entryFinding);
            }

            if (audit is not null && fetch.KeyRotations is not null && KeyChain.CheckListed(audit.KeyRotations, rotations) is { } unlisted)
            {
                return Fail(unlisted);
            }
        }

        return LogVerification.Verified(new VerifiedLog(checkpoint, note)
        {
            ConsistentWith = trusted?.Size,
            EntriesReplayed = audit?.Count,
            RendersCompleted = audit?.Completed,
            SignedBy = signer.KeyId,
            RotationsFollowed = chain.IndexOf(signer),
        });
    }

    /// <summary>
    /// Checks offline that <paramref name="leafHash"/> is entry <paramref name="index"/> of the log whose signed
    /// checkpoint is <paramref name="checkpointNote"/>, by its inclusion proof and the pinned key alone.
    /// </summary>
    public static LogVerification VerifyInclusion(string checkpointNote, PinnedKey key, long index, byte[] leafHash, IReadOnlyList<byte[]> proof)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!key.TryOpen(checkpointNote, out var checkpoint, out var problem))
        {
            return LogVerification.Failed(new LogFinding(LogFindingKind.BadSignature, null, $"the proof's checkpoint does not verify: {problem}") { ServerNote = checkpointNote });
        }

        return ProofVerifier.Inclusion(index, checkpoint.Size, leafHash, proof, checkpoint.Root) is { } why
            ? LogVerification.Failed(new LogFinding(LogFindingKind.NotIncluded, index, $"entry {index} is not proven in the log of size {checkpoint.Size}: {why}") { ServerNote = checkpointNote })
            : LogVerification.Verified(new VerifiedLog(checkpoint, checkpointNote) { SignedBy = KeyRotation.KeyIdOf(key.Spki) });
    }
}
