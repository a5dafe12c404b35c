using System.Diagnostics.CodeAnalysis;

namespace Likeness.Ledger.Verification;

/// <summary>A key a verifier may open checkpoints with: the pinned key, or one a rotation signed from it announced.</summary>
/// <param name="Key">The key, under the log's key name.</param>
/// <param name="KeyId">Its hex key id.</param>
/// <param name="Announcement">The <c>key.rotated</c> entry that announced the key; null for the pinned key.</param>
internal sealed record ChainedKey(PinnedKey Key, string KeyId, LoggedEntry? Announcement);

/// <summary>
/// Follows the log's key rotations from the pinned key: each one must replace the key then in force and be signed by
/// it, so the chain trusts nothing the pinned key did not vouch for, link by link. Rotations from before the pinned
/// key was in force (the reader pinned a later key) are passed over.
/// </summary>
internal static class KeyChain
{
    public static (List<ChainedKey> Keys, LogFinding? Finding) Follow(PinnedKey pinned, IReadOnlyList<LoggedEntry> rotations)
    {
        var keys = new List<ChainedKey> { new(pinned, KeyRotation.KeyIdOf(pinned.Spki), null) };
        var last = -1L;
        foreach (var r in rotations)
        {
            if (r.Index <= last)
            {
                return (keys, Bad(r.Index, "the server's key rotations are not in log order"));
            }

            last = r.Index;
            if (!KeyRotation.TryRead(r.Entry, out var rotation, out var problem))
            {
                return (keys, Bad(r.Index, problem));
            }

            var current = keys[^1];
            if (rotation.PreviousKeyId != current.KeyId)
            {
                if (keys.Count == 1)
                {
                    continue;
                }

                return (keys, Bad(r.Index, $"the rotation to key {rotation.KeyId} replaces key {rotation.PreviousKeyId}, but the key in force is {current.KeyId}"));
            }

            if (rotation.KeyName != pinned.Name)
            {
                return (keys, Bad(r.Index, $"the rotation names the key '{rotation.KeyName}', not the log's '{pinned.Name}'"));
            }

            if (!rotation.IsSignedBy(current.Key.Spki))
            {
                return (keys, Bad(r.Index, $"the rotation to key {rotation.KeyId} is not signed by key {current.KeyId}, which it replaces"));
            }

            keys.Add(new ChainedKey(new PinnedKey(pinned.Name, rotation.Spki), rotation.KeyId, r));
        }

        return (keys, null);
    }

    /// <summary>Opens a note with the newest key of the chain that signed it.</summary>
    public static bool TryOpen(List<ChainedKey> keys, string note, [NotNullWhen(true)] out Checkpoint? checkpoint, [NotNullWhen(true)] out ChainedKey? signer, [NotNullWhen(false)] out string? problem)
    {
        problem = null;
        for (var i = keys.Count - 1; i >= 0; i--)
        {
            if (keys[i].Key.TryOpen(note, out checkpoint, out var why))
            {
                signer = keys[i];
                return true;
            }

            problem ??= why;
        }

        checkpoint = null;
        signer = null;
        problem ??= "no key to open it with";
        return false;
    }

    /// <summary>
    /// Checks, against the log's leaves, what the chain rests on: every rotation inside the checkpoint is the log's
    /// entry at its index, the signing key was announced inside it, and no later rotation inside it retired that key.
    /// </summary>
    public static LogFinding? CheckAnnouncements(List<ChainedKey> keys, ChainedKey signer, IReadOnlyList<LoggedEntry> rotations, Checkpoint checkpoint, IReadOnlyList<byte[]> leaves)
    {
        foreach (var r in rotations.Where(r => r.Index < checkpoint.Size))
        {
            if (!Hashes.Leaf(r.Entry).AsSpan().SequenceEqual(leaves[(int)r.Index]))
            {
                return Bad(r.Index, $"the key rotation served as entry {r.Index} is not the log's entry {r.Index}");
            }
        }

        if (signer.Announcement is { } announced && announced.Index >= checkpoint.Size)
        {
            return Bad(announced.Index, $"the checkpoint of size {checkpoint.Size} is signed by key {signer.KeyId}, which the log announces only at entry {announced.Index}");
        }

        var retiring = keys.Skip(keys.IndexOf(signer) + 1).FirstOrDefault(k => k.Announcement!.Index < checkpoint.Size);
        return retiring is null
            ? null
            : new LogFinding(LogFindingKind.RetiredKey, retiring.Announcement!.Index,
                $"the checkpoint of size {checkpoint.Size} is signed by key {signer.KeyId}, which the log retired for key {retiring.KeyId} at entry {retiring.Announcement.Index}");
    }

    /// <summary>With the entries replayed: a rotation in the log that the server's list left out.</summary>
    public static LogFinding? CheckListed(IReadOnlyList<long> replayed, IReadOnlyList<LoggedEntry> rotations)
    {
        var listed = rotations.Select(r => r.Index).ToHashSet();
        foreach (var i in replayed)
        {
            if (!listed.Contains(i))
            {
                return Bad(i, $"entry {i} rotates the key, but the server's list of key rotations leaves it out");
            }
        }

        return null;
    }

    private static LogFinding Bad(long index, string message) => new(LogFindingKind.BadKeyRotation, index, message);
}
