using System.Security.Cryptography;
using System.Text;
using Likeness.Application.Contracts;
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
    string? Prompt = null)
{
    /// <summary>The request to record, given the categories the prompt classifier found in it.</summary>
    public static RecordedRenderRequest Of(RenderBody b, uint promptCategories) => new(
        b.LicenseId, b.Modality, b.Purpose, b.Territory, b.Language, b.RequestedSeconds, b.ContentCategories,
        b.Prompt is null ? null : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(b.Prompt))),
        promptCategories == 0 ? null : Domain.Content.ContentCategories.Members(promptCategories).Select(Vocabulary<ContentCategory>.Name).ToArray(),
        b.Derivation, b.Deliverable, b.AgeModification, b.Realtime);

    /// <summary>The request without its prompt, to be decided again.</summary>
    public RenderBody ToBody() =>
        new(LicenseId, Modality, Purpose, Territory, Language, RequestedSeconds, ContentCategories, null, Derivation, Deliverable, AgeModification, Realtime);

    /// <summary>
    /// The classifier's verdict on the prompt, as a category mask. A request recorded before prompts were dropped still
    /// holds its <see cref="Prompt"/> (never written now): its verdict is the classifier's on it.
    /// </summary>
    public uint PromptMask() =>
        (PromptCategories ?? []).Aggregate(Prompt is null ? 0u : PromptClassifier.Classify(Prompt), (m, c) => Vocabulary<ContentCategory>.TryParse(c, out var v) ? m | Domain.Content.ContentCategories.Bit(v) : m);
}
