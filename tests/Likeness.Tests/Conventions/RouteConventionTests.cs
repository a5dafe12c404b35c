using Likeness.Server.Http;
using Likeness.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Likeness.Tests.Conventions;

/// <summary>
/// Every route of the real app is mapped through the shared helpers (EndpointExtensions), so authentication, strict
/// bodies, idempotency and problem details work the same everywhere (the web app's pages and assets carry its own mark,
/// <see cref="Likeness.Web.WebPage"/>, and sign in with a session instead); and the routes anyone may call without a key are
/// exactly the ones meant to be public.
/// </summary>
public sealed class RouteConventionTests : IAsyncLifetime
{
    // Endpoints no helper can map, and why.
    private static readonly Dictionary<string, string> Unmarked = new(StringComparer.Ordinal)
    {
        ["/openapi/{documentName}.json"] = "the framework's OpenAPI document, mapped by MapOpenApi",
        ["/docs/{documentName?}"] = "the API reference page, mapped by Scalar's MapScalarApiReference",
        ["/docs/scalar.js"] = "the API reference page's script, served from Scalar's package (no CDN)",
        ["/docs/scalar.aspnetcore.js"] = "the API reference page's start-up script, served from Scalar's package",
        ["/docs/favicon.svg"] = "the API reference page's icon, served from Scalar's package",
    };

    // The routes that answer without a key: what an outside verifier or a load balancer fetches.
    private static readonly (string Route, RouteAccess Access)[] Unauthenticated =
    [
        ("GET /healthz", RouteAccess.Public),
        ("GET /v1/ledger/key", RouteAccess.Public),
        ("GET /v1/ledger/checkpoint", RouteAccess.Public),
        ("GET /v1/ledger/proofs/inclusion", RouteAccess.Public),
        ("GET /v1/ledger/proofs/consistency", RouteAccess.Public),
        ("GET /v1/ledger/tile/{**path}", RouteAccess.OptionalCaller),
        ("GET /problems/{id}", RouteAccess.Public),
        ("GET /v1/provenance/trust-anchors", RouteAccess.Public),
        ("GET /v1/provenance/watermarks/{token}", RouteAccess.OptionalCaller),
        ("POST /v1/provenance/identify", RouteAccess.OptionalCaller),
    ];

    private TestServer _server = null!;

    public async Task InitializeAsync() => _server = await TestServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _server.DeleteFiles();
    }

    private List<(string Route, EndpointMetadataCollection Metadata)> Endpoints() =>
        _server.Server.App.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => ($"{string.Join(",", e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [])} {e.RoutePattern.RawText}", e.Metadata))
            .ToList();

    [Fact]
    public void Every_endpoint_is_mapped_through_the_shared_helpers()
    {
        var endpoints = Endpoints();
        Assert.True(endpoints.Count > 30, $"only {endpoints.Count} endpoints found");
        var unmarked = endpoints
            .Where(e => e.Metadata.GetMetadata<SharedRoute>() is null && e.Metadata.GetMetadata<Likeness.Web.WebPage>() is null && !Unmarked.ContainsKey(e.Route.Split(' ', 2)[1]))
            .Select(e => e.Route)
            .ToList();
        Assert.True(unmarked.Count == 0, "Mapped around EndpointExtensions: " + string.Join(", ", unmarked));
    }

    [Fact]
    public void Only_the_ledger_reads_and_the_health_check_answer_without_a_key()
    {
        var open = Endpoints()
            .Select(e => (e.Route, Access: e.Metadata.GetMetadata<SharedRoute>()?.Access))
            .Where(e => e.Access is RouteAccess.Public or RouteAccess.OptionalCaller)
            .Select(e => (e.Route, e.Access!.Value))
            .Order()
            .ToList();
        Assert.Equal(Unauthenticated.Order(), open);
    }

    [Fact]
    public void Commands_are_not_gets_and_queries_are()
    {
        foreach (var (route, metadata) in Endpoints())
        {
            if (metadata.GetMetadata<SharedRoute>() is { } mark)
            {
                // The liveness probe is a query the rate limits never hold back.
                Assert.True((mark.Kind is SharedRoute.Query or SharedRoute.Health) == route.StartsWith("GET ", StringComparison.Ordinal), route);
            }
        }
    }
}
