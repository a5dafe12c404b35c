namespace Likeness.Ledger.Verification;

/// <summary>What a verification reads: the level-0 hash tiles, then (for an auditor) the entry bundles.</summary>
public enum LogStage
{
    Tiles,
    Entries,
}

/// <summary><paramref name="Done"/> of <paramref name="Total"/> tiles or entry bundles read and checked, for a progress display.</summary>
public sealed record LogProgress(LogStage Stage, long Done, long Total);
