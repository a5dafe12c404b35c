using Likeness.Application.Contracts;
using Likeness.Application.Ports;
using Likeness.Domain.Decisions;

namespace Likeness.Application.Renders;

/// <summary>Asks the operator's external classifier about a render's prompt and adds its verdict to the facts.</summary>
internal static class ExternalClassification
{
    /// <summary>
    /// The facts with the categories the classifier found added as detected ones, or marked
    /// <see cref="RenderFacts.ClassifierUnavailable"/> when it gave no answer. Without a classifier or a prompt, unchanged.
    /// </summary>
    public static async Task<(RenderFacts Facts, ExternalVerdict? Verdict)> ApplyAsync(IExternalClassifier? classifier, RenderBody body, RenderFacts facts, CancellationToken ct)
    {
        if (classifier is null || string.IsNullOrWhiteSpace(body.Prompt))
        {
            return (facts, null);
        }

        var verdict = await classifier.ClassifyAsync(body.Prompt, body.Language, ct);
        return (facts with { Categories = facts.Categories | verdict.Categories, ClassifierUnavailable = verdict.Failure is not null }, verdict);
    }
}
