namespace Likeness.Application;

/// <summary>Settings of one Likeness node.</summary>
public sealed record LikenessOptions
{
    /// <summary>The ledger origin and key name.</summary>
    public string Origin { get; init; } = "likeness.local/ledger";

    /// <summary>How long a render's reservation holds before it lapses and its budget is released.</summary>
    public TimeSpan ReservationTtl { get; init; } = TimeSpan.FromMinutes(15);
}
