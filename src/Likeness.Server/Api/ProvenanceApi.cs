using System.Text;
using Likeness.Application.Contracts;
using Likeness.Server.Http;
using Likeness.Server.Http.OpenApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Likeness.Server.Api;

/// <summary>C2PA credentials (docs/PROVENANCE.md): the operator's trust anchor, and signing a render's claim.</summary>
public static class ProvenanceApi
{
    public static IEndpointRouteBuilder MapProvenanceApi(this IEndpointRouteBuilder app)
    {
        // The root is public: whoever meets a credentialed file checks it against this root without an account.
        app.MapGroup("/v1/provenance").WithTags("Provenance").MapRawQuery<string>(
            "/trust-anchors",
            s => Task.FromResult(Results.Text(s.Core.Credentials.TrustAnchorsPem, "application/x-pem-file", Encoding.ASCII)),
            RouteAccess.Public,
            "application/x-pem-file");
        app.MapGroup("/v1/renders").WithTags("Provenance")
            .MapCommand<CredentialBody, CredentialView>("/{id}/credential", (s, body, idem) => s.Core.Credentials.SignAsync(s.Caller, s.Id, body, idem, s.Aborted));
        return app;
    }
}
