using System.Text;
using Likeness.Application.Contracts;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Likeness.Server.Http.OpenApi;

/// <summary>
/// What the whole document shares: its title and introduction (with every problem code and the address that
/// describes it), its servers (without a trailing slash) and tags (described), the bearer security scheme, and the
/// schemas operations refer to (the problem; the consent policy, which a consent version also holds).
/// </summary>
public sealed class DocumentComponents : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo { Title = "Likeness", Version = "v1", Description = Introduction() };
        foreach (var server in document.Servers ?? [])
        {
            server.Url = server.Url?.TrimEnd('/');
        }

        foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
        {
            tag.Description ??= tag.Name is { } name ? TagDescriptions.GetValueOrDefault(name) : null;
        }

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

    private static readonly Dictionary<string, string> TagDescriptions = new(StringComparer.Ordinal)
    {
        ["Parties and assets"] = "Parties (performers, representatives, estates, studios, unions, auditors), who a key is, and performers' assets.",
        ["Signed acts"] = "Parties' signing keys (acts on a performer's behalf carry a detached JWS in Likeness-Signature) and the powers a performer grants her representatives.",
        ["Consent"] = "A performer's consent policy, in our JSON shape or ODRL 2.2 JSON-LD, and its versions.",
        ["Licence requests"] = "A studio asks; the performer side approves, vetoes or counters.",
        ["Licences"] = "Granted licences: their terms, budgets and lifecycle.",
        ["Usage"] = "What was rendered under a licence or of a performer.",
        ["Renders"] = "Authorizing, approving and completing renders against a licence and the consent.",
        ["Ledger"] = "The signed, append-only transparency log and its proofs, readable by anyone.",
        ["Provenance"] = "C2PA content credentials: the operator's trust anchor, and signing a render's claim after checking it states the render truthfully.",
        ["Royalties"] = "Splits, union rate tables, statements and closed periods.",
        ["Planning"] = "Screenplay breakdowns by asset tier and what a likeness is worth (docs/PLANNING.md).",
        ["Strikes"] = "A union's strikes for its members against a studio or every studio: declared, waived per project, ended; each suspends and lifts only its own.",
        ["Webhooks"] = "A party's webhook endpoints (Standard Webhooks signatures) and their delivery logs, with replay.",
        ["Custody vault"] = "A performer's asset content, sealed (AES-256-GCM under keys the store never holds), uploaded in resumable parts, released only to a licensed render, and destroyed on time (crypto-shredding).",
        ["Problems"] = "What each problem code means.",
    };

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
