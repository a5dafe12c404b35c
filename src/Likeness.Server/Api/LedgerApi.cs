using Likeness.Application;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Likeness.Server.Api;

/// <summary>The ledger's public key (also the key licence tokens are signed with).</summary>
public static class LedgerApi
{
    public static IEndpointRouteBuilder MapLedgerApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/ledger/key", (LikenessCore core) => TypedResults.Ok(new LedgerKeyView(
            core.Keys.Origin, core.Keys.Origin, core.Keys.KeyId, "ecdsa-p256", Convert.ToBase64String(core.Keys.PublicKeySpki)))).WithTags("Ledger");
        return app;
    }
}

/// <summary>The published signing key.</summary>
public sealed record LedgerKeyView(string Origin, string KeyName, string KeyId, string Algorithm, string PublicKeySpki);
