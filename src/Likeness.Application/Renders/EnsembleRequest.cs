using Likeness.Application.Common;
using Likeness.Application.Contracts;
using Likeness.Domain.Common;
using Likeness.Domain.Decisions;

namespace Likeness.Application.Renders;

/// <summary>One contributor as requested: her licence, role and share (basis points).</summary>
internal readonly record struct RequestedContributor(string LicenseId, ContributorRole Role, int Share);

/// <summary>
/// Validates a render request naming several contributors (docs/DOMAIN.md, "Renders with several performers") and gives
/// each contributor's facts: the render's, with her share of the seconds, her role's modality, and puppetry when the render
/// has a driver.
/// </summary>
internal static class EnsembleRequest
{
    /// <summary>The most contributors one render names (a crowd is several renders).</summary>
    public const int MaxContributors = 16;

    /// <summary>The contributors, and the request as recorded (its derivation puppetry when a driver takes part).</summary>
    public static (RequestedContributor[] Contributors, RenderBody Body) Parse(RenderBody body)
    {
        if (body.LicenseId is not null)
        {
            throw AppProblem.BadRequest("invalid_contributors", "A render names either licenseId or contributors, not both.", "licenseId");
        }

        var given = body.Contributors ?? [];
        if (given.Length is < 2 or > MaxContributors)
        {
            throw AppProblem.BadRequest("invalid_contributors", $"A render with several performers names 2 to {MaxContributors} contributors (one performer: use licenseId).", "contributors");
        }

        var contributors = new RequestedContributor[given.Length];
        for (var i = 0; i < given.Length; i++)
        {
            var c = given[i] ?? throw AppProblem.BadRequest("invalid_contributors", "A contributor is an object.", $"contributors[{i}]");
            if (string.IsNullOrWhiteSpace(c.LicenseId) || c.LicenseId.Length > 100)
            {
                throw AppProblem.BadRequest("invalid_text", "licenseId is required.", $"contributors[{i}].licenseId");
            }

            if (c.Share is < 1 or > EnsembleShares.Whole)
            {
                throw AppProblem.BadRequest("out_of_range", "A share is 1 to 10000 basis points.", $"contributors[{i}].share");
            }

            contributors[i] = new RequestedContributor(c.LicenseId, FieldRules.Code<ContributorRole>(c.Role, $"contributors[{i}].role"), c.Share);
        }

        if (contributors.Sum(c => c.Share) != EnsembleShares.Whole)
        {
            throw AppProblem.BadRequest("invalid_contributors", "The contributors' shares sum to 10000 basis points.", "contributors");
        }

        if (contributors.Select(c => c.LicenseId).Distinct(StringComparer.Ordinal).Count() != contributors.Length)
        {
            throw AppProblem.BadRequest("invalid_contributors", "Each contributor is named once (one licence each).", "contributors");
        }

        var driven = contributors.Any(c => c.Role == ContributorRole.Driver);
        if (driven && contributors.All(c => c.Role == ContributorRole.Driver))
        {
            throw AppProblem.BadRequest("invalid_contributors", "A driver drives another contributor's likeness; name at least one who is not a driver.", "contributors");
        }

        if (driven && body.Derivation is not null && body.Derivation != Vocabulary<Derivation>.Name(Derivation.Puppetry))
        {
            throw AppProblem.BadRequest("invalid_contributors", "A render with a driver is puppetry; derivation is puppetry or omitted.", "derivation");
        }

        return (contributors, driven ? body with { Derivation = Vocabulary<Derivation>.Name(Derivation.Puppetry) } : body);
    }

    /// <summary>The facts one contributor is decided on: her reservation as the seconds, her role, and her role's modality.</summary>
    public static RenderFacts For(in RenderFacts render, ContributorRole role, long reservedMillis) => render with
    {
        RequestedMillis = reservedMillis,
        Role = role,
        Modality = role switch
        {
            ContributorRole.Voice => Modality.Voice,
            ContributorRole.Body => Modality.Body,
            _ => render.Modality,
        },
    };
}
