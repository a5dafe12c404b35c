using Likeness.Application.Common;
using Likeness.Application.Contracts;
using Likeness.Application.Licensing;
using Likeness.Domain.Common;
using Likeness.Domain.Content;
using Likeness.Domain.Decisions;
using Likeness.Domain.Geography;
using Likeness.Domain.Language;

namespace Likeness.Application.Renders;

/// <summary>Validates a render request and turns it into <see cref="RenderFacts"/>; the prompt is judged for sensitive content.</summary>
public static class RenderFactsParser
{
    public const int MaxPromptLength = 20_000;

    public static RenderFacts Parse(RenderBody b, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(b.LicenseId) || b.LicenseId.Length > 100)
        {
            throw AppProblem.BadRequest("invalid_text", "licenseId is required.", "licenseId");
        }

        if (!Countries.TryGetIndex(b.Territory, out var country))
        {
            throw AppProblem.BadRequest("unknown_code", $"'{b.Territory}' is not an ISO 3166-1 alpha-2 country code (a render happens in one country).", "territory");
        }

        if (!LanguageTag.IsValid(b.Language))
        {
            throw AppProblem.BadRequest("unknown_code", $"'{b.Language}' is not a BCP 47 language tag.", "language");
        }

        if (b.Prompt is { Length: > MaxPromptLength })
        {
            throw AppProblem.BadRequest("out_of_range", $"The prompt is at most {MaxPromptLength} characters.", "prompt");
        }

        if (b.Deliverable is { Length: > 200 })
        {
            throw AppProblem.BadRequest("out_of_range", "The deliverable name is at most 200 characters.", "deliverable");
        }

        var declared = (b.ContentCategories ?? []).Select((c, i) => FieldRules.Code<ContentCategory>(c, $"contentCategories[{i}]"))
            .Aggregate(0u, (m, c) => m | ContentCategories.Bit(c));
        return new RenderFacts
        {
            Modality = FieldRules.Code<Modality>(b.Modality, "modality"),
            Purpose = FieldRules.Code<Purpose>(b.Purpose, "purpose"),
            Country = country,
            Language = b.Language,
            RequestedMillis = FieldRules.Seconds(b.RequestedSeconds, "requestedSeconds", allowZero: false),
            DeclaredCategories = declared,
            Categories = declared | PromptClassifier.Classify(b.Prompt, b.Language),
            Derivation = b.Derivation is null ? Derivation.NewPerformance : FieldRules.Code<Derivation>(b.Derivation, "derivation"),
            AgeModification = b.AgeModification is null ? AgeModification.None : FieldRules.Code<AgeModification>(b.AgeModification, "ageModification"),
            Realtime = b.Realtime ?? false,
            AtUnixMillis = now.ToUnixTimeMilliseconds(),
        };
    }
}
