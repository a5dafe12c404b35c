using System.Diagnostics.CodeAnalysis;

namespace Likeness.Ledger.Verification;

/// <summary>What a verification proved about the log.</summary>
/// <param name="Checkpoint">The server's checkpoint, now worth trusting.</param>
/// <param name="CheckpointNote">Its signed note, to keep as the next trusted checkpoint.</param>
public sealed record VerifiedLog(Checkpoint Checkpoint, string CheckpointNote)
{
    public string Origin => Checkpoint.Origin;

    public long Size => Checkpoint.Size;

    public byte[] Root => Checkpoint.Root;

    /// <summary>The size of the trusted checkpoint the log was proven consistent with; null when none was given.</summary>
    public long? ConsistentWith { get; init; }

    /// <summary>How many entries were hashed and replayed; null when the entries were not read.</summary>
    public long? EntriesReplayed { get; init; }

    /// <summary>Renders completed in the replayed story; null when the entries were not read.</summary>
    public long? RendersCompleted { get; init; }

    /// <summary>The hex key id of the key that signed the checkpoint: the pinned key, or one the log rotated to from it.</summary>
    public required string SignedBy { get; init; }

    /// <summary>How many key rotations were followed from the pinned key to <see cref="SignedBy"/>.</summary>
    public int RotationsFollowed { get; init; }
}

/// <summary>The outcome of a verification: what it proved, or the first thing found wrong. Exactly one is set.</summary>
public sealed class LogVerification
{
    private LogVerification(VerifiedLog? log, LogFinding? finding)
    {
        Log = log;
        Finding = finding;
    }

    public VerifiedLog? Log { get; }

    public LogFinding? Finding { get; }

    [MemberNotNullWhen(true, nameof(Log))]
    [MemberNotNullWhen(false, nameof(Finding))]
    public bool Ok => Log is not null;

    public static LogVerification Verified(VerifiedLog log) => new(log, null);

    public static LogVerification Failed(LogFinding finding) => new(null, finding);
}
