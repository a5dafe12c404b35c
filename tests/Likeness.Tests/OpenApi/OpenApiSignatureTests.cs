using Xunit;

namespace Likeness.Tests.OpenApi;

/// <summary>
/// Issue 14: the OpenAPI document describes the <c>Likeness-Signature</c> header on every act route (and on no other),
/// so a client written from it knows what to sign.
/// </summary>
public sealed class OpenApiSignatureTests(OpenApiDocumentFixture f) : IClassFixture<OpenApiDocumentFixture>
{
    private static readonly HashSet<string> Acts = new(StringComparer.Ordinal)
    {
        "PUT /v1/performers/{id}/consent", "POST /v1/license-requests/{id}/approve", "POST /v1/license-requests/{id}/veto",
        "POST /v1/license-requests/{id}/counter", "POST /v1/license-requests/{id}/accept", "POST /v1/licenses/{id}/suspend",
        "POST /v1/licenses/{id}/resume", "POST /v1/licenses/{id}/revoke", "POST /v1/licenses/{id}/estate-consent",
        "POST /v1/renders/{id}/approve", "POST /v1/renders/{id}/reject", "PUT /v1/performers/{id}/splits",
        "POST /v1/parties/{id}/keys", "POST /v1/parties/{id}/keys/revoke", "POST /v1/performers/{id}/representatives",
        "POST /v1/performers/{id}/representatives/remove",
    };

    [Fact]
    public void Every_act_route_and_only_those_describe_the_signature_header()
    {
        var signed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (method, path, operation) in f.Operations)
        {
            var header = (operation["parameters"]?.AsArray() ?? []).FirstOrDefault(p => p!["name"]?.GetValue<string>() == "Likeness-Signature");
            if (header is null)
            {
                continue;
            }

            signed.Add($"{method} {path}");
            Assert.Equal("header", header["in"]!.GetValue<string>());
            Assert.Contains("detached compact JWS", header["description"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Contains("signature_required", header["description"]!.GetValue<string>(), StringComparison.Ordinal);
        }

        Assert.Equal(Acts.Order(StringComparer.Ordinal), signed.Order(StringComparer.Ordinal));
    }
}
