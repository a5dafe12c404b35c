namespace Likeness.Client;

/// <summary>
/// The answer of an offline check: what was proved (<see cref="Value"/>), or why not (<see cref="Problem"/>). A
/// failed check is an expected answer, not an exception.
/// </summary>
public sealed record OfflineCheck<T>(T? Value, string? Problem)
    where T : class
{
    /// <summary>True when the check passed.</summary>
    public bool IsValid => Problem is null && Value is not null;

    internal static OfflineCheck<T> Valid(T value) => new(value, null);

    internal static OfflineCheck<T> Invalid(string problem) => new(null, problem);
}
