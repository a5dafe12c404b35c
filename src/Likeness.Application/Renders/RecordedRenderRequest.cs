using System.Security.Cryptography;
using System.Text;
using Likeness.Application.Contracts;
using Likeness.Application.Ports;
using Likeness.Domain.Common;
using Likeness.Domain.Content;

namespace Likeness.Application.Renders;

/// <summary>
/// A render request as Likeness records it (and hashes into the ledger as <c>requestSha256</c>): what was asked, but
/// never the prompt. Scripts may be confidential, so only the prompt's SHA-256 (a studio can prove which prompt it sent)
/// and the classifier's verdict (the categories it found, which a per-instance approval decides on again) are kept.
/// </summary>
public sealed record RecordedRenderRequest(
    string LicenseId,
    string Modality,
    string Purpose,
    string Territory,
    string Language,
    decimal RequestedSeconds,
    string[]? ContentCategories = null,
    string? PromptSha256 = null,
    string[]? PromptCategories = null,
    string? Derivation = null,
    string? Deliverable = null,
    string? AgeModification = null,
    bool? Realtime = null,
    string? Prompt = null,
    PromptTrigger[]? PromptTriggers = null,
    string? ExternalClassifierFailure = null)
{
    /// <summary>
    /// The request to record, given the categories the prompt classifier found in it, with the lexicon phrases that
    /// found them (the lexicon's words, not the prompt's: the prompt is not kept).
    /// </summary>
    /// <remarks>
    /// The external classifier's verdict, when the operator has one, adds its phrases (language <c>external</c>) or the
    /// reason it gave no answer.
    /// </remarks>
    public static RecordedRenderRequest Of(RenderBody b, uint promptCategories, ExternalVerdict? external = null)
    {
        PromptTrigger[] triggers = promptCategories == 0 || b.Prompt is null ? [] : [.. PromptTrigger.Of(PromptClassifier.Explain(b.Prompt, b.Language)), .. external?.Triggers ?? []];
        return new(
            b.LicenseId!, b.Modality, b.Purpose, b.Territory, b.Language, b.RequestedSeconds, b.ContentCategories,
            b.Prompt is null ? null : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(b.Prompt))),
            promptCategories == 0 ? null : Domain.Content.ContentCategories.Members(promptCategories).Select(Vocabulary<ContentCategory>.Name).ToArray(),
            b.Derivation, b.Deliverable, b.AgeModification, b.Realtime, null,
            triggers.Length == 0 ? null : triggers.Distinct().ToArray(), external?.Failure);
    }

    /// <summary>The request without its prompt, to be decided again.</summary>
    public RenderBody ToBody() =>
        new(LicenseId, Modality, Purpose, Territory, Language, RequestedSeconds, ContentCategories, null, Derivation, Deliverable, AgeModification, Realtime);

    /// <summary>
    /// The classifier's verdict on the prompt, as a category mask. A request recorded before prompts were dropped still
    /// holds its <see cref="Prompt"/> (never written now): its verdict is the classifier's on it.
    /// </summary>
    public uint PromptMask() =>
        (PromptCategories ?? []).Aggregate(Prompt is null ? 0u : PromptClassifier.Classify(Prompt, Language), (m, c) => Vocabulary<ContentCategory>.TryParse(c, out var v) ? m | Domain.Content.ContentCategories.Bit(v) : m);
}

/// <summary>A lexicon phrase that made the classifier find a category in a prompt, and the lexicon's language.</summary>
public sealed record PromptTrigger(string Category, string Phrase, string Language)
{
    /// <summary>Each (category, phrase, language) once, in the order found.</summary>
    public static PromptTrigger[] Of(IEnumerable<PromptMatch> matches) =>
        matches.Select(m => new PromptTrigger(Vocabulary<ContentCategory>.Name(m.Category), m.Phrase, m.Language)).Distinct().ToArray();
}
