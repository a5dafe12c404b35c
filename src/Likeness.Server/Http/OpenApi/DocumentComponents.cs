using System.Text;
using Likeness.Application.Contracts;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Likeness.Server.Http.OpenApi;

/// <summary>
/// What the whole document shares: its title and introduction (with every problem code and the address that
/// describes it), the bearer security scheme, and the schemas operations refer to (the problem, the consent policy, which a consent version holds).
/// </summary>
public sealed class DocumentComponents : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo { Title = "Likeness", Version = "v1", Description = Introduction() };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SecurityScheme.Id] = SecurityScheme.Create();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[ProblemSchema.Id] = ProblemSchema.Create();
        document.Components.Schemas[ConsentPolicySchema.Id] = ConsentPolicySchema.Create();

        // A consent version's policy is the consent policy, not a free-form object.
        if (document.Components.Schemas.TryGetValue(nameof(ConsentView), out var view) && view is OpenApiSchema { Properties: { } properties })
        {
            properties["policy"] = new OpenApiSchemaReference(ConsentPolicySchema.Id, document);
        }

        return Task.CompletedTask;
    }

    private static string Introduction()
    {
        var text = new StringBuilder(
            """
            Consent, licensing and royalty ledger for digital replicas.

            Send `Authorization: Bearer <api key>`. Commands take an `Idempotency-Key`: a retry with the same key and
            body gets the first answer again. Lists page with `limit` and the `nextCursor` of the previous page.

            ## Problems

            Every refusal is an RFC 9457 problem (`application/problem+json`) with a stable `code`. Its `type` is
            `https://likeness.dev/problems/<code>` (underscores as hyphens); this server describes each at
            `/problems/<code>`.

            | code | status | meaning |
            | --- | --- | --- |

            """);
        foreach (var (code, type) in ProblemTypes.All)
        {
            text.Append("| [`").Append(code).Append("`](/problems/").Append(code.Replace('_', '-')).Append(") | ")
                .Append(type.Status).Append(" | ").Append(type.Meaning.Replace("|", "\\|", StringComparison.Ordinal)).Append(" |\n");
        }

        return text.ToString();
    }
}
