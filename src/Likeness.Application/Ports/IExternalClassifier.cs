using Likeness.Application.Renders;

namespace Likeness.Application.Ports;

/// <summary>
/// The operator's external prompt classifier (docs/DOMAIN.md, "Content judged from the prompt"): asked about every render
/// with a prompt, beside the lexicons. It never throws for what the classifier or the network does: a failure or a
/// timeout is a verdict naming it, and the render then goes to per-instance approval.
/// </summary>
public interface IExternalClassifier
{
    /// <summary>The categories the classifier finds in <paramref name="prompt"/>, written in <paramref name="language"/>.</summary>
    Task<ExternalVerdict> ClassifyAsync(string prompt, string language, CancellationToken ct);
}

/// <summary>
/// What the external classifier answered: the categories it found (a mask) with the phrases it names, or why it gave no
/// answer (<see cref="Failure"/>, e.g. "timed out after 2000 ms").
/// </summary>
public sealed record ExternalVerdict(uint Categories, IReadOnlyList<PromptTrigger> Triggers, string? Failure)
{
    /// <summary>No answer: the render goes to per-instance approval.</summary>
    public static ExternalVerdict Unavailable(string why) => new(0, [], why);
}
