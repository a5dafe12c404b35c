using System.Globalization;

namespace Likeness.Ledger.Verification;

/// <summary>What kind of wrong a verifier found.</summary>
public enum LogFindingKind
{
    /// <summary>The server's checkpoint is not signed by the pinned key, nor by a key the log rotated to from it (or is not a checkpoint).</summary>
    BadSignature,

    /// <summary>
    /// A key rotation does not hold: it is not signed by the key it replaces (forged), it is malformed, it is not the
    /// log's entry at its index, the server's list omits one the entries hold, or a checkpoint is signed by a key
    /// announced only after it.
    /// </summary>
    BadKeyRotation,

    /// <summary>The checkpoint is signed by a key the log had already retired (a later rotation lies inside it).</summary>
    RetiredKey,

    /// <summary>The trusted checkpoint the caller gave does not open with the pinned key.</summary>
    BadTrustedCheckpoint,

    /// <summary>The log and the trusted checkpoint disagree: it shrank, or its first entries no longer give the trusted root.</summary>
    Fork,

    /// <summary>A hash tile has the wrong size, or the tiles do not reproduce the checkpoint's root.</summary>
    BadTile,

    /// <summary>The server's consistency proof does not link the trusted checkpoint to the new one.</summary>
    BadConsistencyProof,

    /// <summary>An entry's bytes changed: it hashes to no leaf of the log.</summary>
    EntryChanged,

    /// <summary>An entry is gone: the server's entries skip it (or end before it).</summary>
    EntryRemoved,

    /// <summary>An entry sits at another index than the log put it.</summary>
    EntryMoved,

    /// <summary>An entry the log never had was inserted, pushing the log's entries along.</summary>
    EntryInserted,

    /// <summary>An entry bundle is malformed, or withheld after the first was served.</summary>
    BadEntryBundle,

    /// <summary>The entries, replayed by <see cref="LedgerAudit"/>, tell a story that does not hold.</summary>
    BrokenStory,

    /// <summary>An inclusion proof does not show the entry in the checkpoint's tree.</summary>
    NotIncluded,
}

/// <summary>
/// One finding: its kind, the first bad index where the evidence locates one (null when it cannot, e.g. a bad
/// signature or two roots for one size), and a one-line message for people. The notes are the evidence a caller
/// may keep or pass on (a fork is proven by both).
/// </summary>
public sealed record LogFinding(LogFindingKind Kind, long? FirstBadIndex, string Message)
{
    /// <summary>The server's checkpoint note, when one was fetched.</summary>
    public string? ServerNote { get; init; }

    /// <summary>The trusted checkpoint note, when one was given.</summary>
    public string? TrustedNote { get; init; }

    /// <summary>The message, with the first bad index when there is one.</summary>
    public override string ToString() =>
        FirstBadIndex is { } i ? $"{Message}; first bad index {i.ToString(CultureInfo.InvariantCulture)}" : Message;
}
