using Likeness.Domain.Common;

namespace Likeness.Domain.Decisions;

/// <summary>
/// Everything a decision looks at about one render, already parsed: no strings to compare on the hot path
/// except the language tag.
/// </summary>
public readonly record struct RenderFacts
{
    public required Modality Modality { get; init; }
    public required Purpose Purpose { get; init; }

    /// <summary>Index of the country (see <see cref="Geography.Countries"/>).</summary>
    public required int Country { get; init; }

    /// <summary>BCP 47 tag, already validated.</summary>
    public required string Language { get; init; }

    /// <summary>Length of the deliverable asked for, in milliseconds.</summary>
    public required long RequestedMillis { get; init; }

    /// <summary>Declared and detected content categories, as a mask: what prohibitions and approvals look at.</summary>
    public uint Categories { get; init; }

    /// <summary>The categories the studio declared (the rest of <see cref="Categories"/> the classifier found): decisions judge both alike; the record keeps them apart.</summary>
    public uint DeclaredCategories { get; init; }

    /// <summary>
    /// True when the operator's external classifier was asked about the prompt and gave no answer (failed or timed out):
    /// what it would have found is unknown, so the render goes to per-instance approval.
    /// </summary>
    public bool ClassifierUnavailable { get; init; }

    public Derivation Derivation { get; init; }
    public AgeModification AgeModification { get; init; }
    public bool Realtime { get; init; }

    /// <summary>The performer's role in the render: a contributor's own in an ensemble, <c>likeness</c> for a single render.</summary>
    public ContributorRole Role { get; init; }

    /// <summary>When the render is asked for, Unix milliseconds.</summary>
    public required long AtUnixMillis { get; init; }
}

/// <summary>What one licence use has consumed so far; the evaluator adds the render on top.</summary>
public readonly record struct UseBudget(long SecondsUsedMillis, long SecondsReservedMillis, long RendersUsed, long RendersReserved)
{
    public long SecondsCommittedMillis => SecondsUsedMillis + SecondsReservedMillis;
    public long RendersCommitted => RendersUsed + RendersReserved;
}
