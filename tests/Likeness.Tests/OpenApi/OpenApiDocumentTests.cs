using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Likeness.Tests.Support;
using Xunit;

namespace Likeness.Tests.OpenApi;

/// <summary>
/// The OpenAPI document is enough to write a client from: every operation is named and summarised, says how it is
/// authenticated and every 4xx it can answer (as the problem schema), describes Idempotency-Key on commands and paging
/// on lists, and leaks no .NET names.
/// </summary>
public sealed partial class OpenApiDocumentTests(OpenApiDocumentFixture f) : IClassFixture<OpenApiDocumentFixture>
{
    // Routes anyone may call without a key: the ledger's reads a verifier fetches, and the problem types.
    private static readonly HashSet<string> Public = new(StringComparer.Ordinal)
    {
        "GET /v1/ledger/key", "GET /v1/ledger/checkpoint", "GET /v1/ledger/proofs/inclusion", "GET /v1/ledger/proofs/consistency", "GET /problems/{id}",
        "GET /v1/provenance/trust-anchors",
    };

    private static readonly HashSet<string> OptionallyAuthenticated = ["GET /v1/ledger/tile/{path}", "GET /v1/provenance/watermarks/{token}", "POST /v1/provenance/identify"];

    [Fact]
    public void Every_operation_has_a_unique_operation_id_and_a_summary()
    {
        Assert.True(f.Operations.Count > 40, $"only {f.Operations.Count} operations");
        var ids = f.Operations.Select(o => o.Operation["operationId"]?.GetValue<string>()).ToList();
        Assert.All(f.Operations, o => Assert.False(string.IsNullOrWhiteSpace(o.Operation["operationId"]?.GetValue<string>()), $"{o.Method} {o.Path} has no operationId"));
        Assert.All(f.Operations, o => Assert.False(string.IsNullOrWhiteSpace(o.Operation["summary"]?.GetValue<string>()), $"{o.Method} {o.Path} has no summary"));
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.Contains("postRenders", ids);
        Assert.Contains("getLicensesById", ids);
    }

    [Fact]
    public void The_bearer_scheme_guards_every_operation_but_the_public_ones()
    {
        var scheme = f.Document["components"]!["securitySchemes"]!["bearer"]!;
        Assert.Equal("http", scheme["type"]!.GetValue<string>());
        Assert.Equal("bearer", scheme["scheme"]!.GetValue<string>());
        foreach (var (method, path, operation) in f.Operations)
        {
            var route = $"{method} {path}";
            var requirements = (operation["security"] as JsonArray ?? []).Select(r => r!.AsObject()).ToList();
            if (Public.Contains(route))
            {
                Assert.True(requirements.Count == 0, $"{route} is public but asks for a key");
            }
            else if (OptionallyAuthenticated.Contains(route))
            {
                Assert.Contains(requirements, r => r.Count == 0);
                Assert.Contains(requirements, r => r.ContainsKey("bearer"));
            }
            else
            {
                Assert.True(requirements.Count == 1 && requirements[0].ContainsKey("bearer"), $"{route} does not ask for the bearer key");
                AssertProblem(route, operation, "401");
                AssertProblem(route, operation, "403");
            }
        }
    }

    [Fact]
    public void Every_command_describes_its_idempotency_key_and_its_refusals()
    {
        var commands = f.Operations.Where(o => o.Method is "POST" or "PUT").ToList();
        Assert.True(commands.Count > 20, $"only {commands.Count} commands");
        foreach (var (method, path, operation) in commands)
        {
            var route = $"{method} {path}";
            var header = (operation["parameters"] as JsonArray ?? []).SingleOrDefault(p => p!["name"]!.GetValue<string>() == "Idempotency-Key");
            Assert.True(header is not null, $"{route} does not describe Idempotency-Key");
            Assert.Equal("header", header!["in"]!.GetValue<string>());
            Assert.False(string.IsNullOrWhiteSpace(header["description"]?.GetValue<string>()), route);
            foreach (var status in new[] { "400", "401", "409", "413", "415", "429" })
            {
                AssertProblem(route, operation, status);
            }
        }
    }

    [Fact]
    public void Every_operation_documents_429_and_routes_with_an_id_document_404()
    {
        foreach (var (method, path, operation) in f.Operations)
        {
            AssertProblem($"{method} {path}", operation, "429");
            if (path.Contains("{id}", StringComparison.Ordinal))
            {
                AssertProblem($"{method} {path}", operation, "404");
            }
        }
    }

    [Fact]
    public void The_problem_schema_is_the_extended_one()
    {
        var properties = f.Document["components"]!["schemas"]!["Problem"]!["properties"]!.AsObject();
        foreach (var member in new[] { "type", "title", "status", "detail", "instance", "code", "field", "decision", "reasons" })
        {
            Assert.True(properties.ContainsKey(member), member);
        }

        var reason = properties["reasons"]!["items"]!["properties"]!.AsObject();
        Assert.True(reason.ContainsKey("code") && reason.ContainsKey("message") && reason.ContainsKey("rule"));
    }

    [Fact]
    public void Lists_describe_cursor_and_limit()
    {
        foreach (var route in new[] { "/v1/license-requests", "/v1/licenses", "/v1/renders", "/v1/performers/{id}/consent/versions", "/v1/licenses/{id}/usage", "/v1/me/performers" })
        {
            var operation = f.Operations.Single(o => o.Method == "GET" && o.Path == route).Operation;
            var names = (operation["parameters"] as JsonArray ?? []).Where(p => p!["in"]!.GetValue<string>() == "query").Select(p => p!["name"]!.GetValue<string>()).ToList();
            Assert.True(names.Contains("cursor") && names.Contains("limit"), $"{route} does not describe cursor and limit");
        }
    }

    [Fact]
    public void Filters_and_required_query_parameters_are_described()
    {
        JsonObject Parameter(string path, string name) =>
            (f.Operations.Single(o => o.Method == "GET" && o.Path == path).Operation["parameters"] as JsonArray ?? [])
                .Single(p => p!["name"]!.GetValue<string>() == name && p["in"]!.GetValue<string>() == "query")!.AsObject();

        Assert.Contains("pendingApproval", Parameter("/v1/renders", "status")["schema"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Contains("revocationPending", Parameter("/v1/licenses", "status")["schema"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Contains("countered", Parameter("/v1/license-requests", "status")["schema"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.True(Parameter("/v1/statements", "period")["required"]!.GetValue<bool>());
        Assert.True(Parameter("/v1/ledger/proofs/inclusion", "index")["required"]!.GetValue<bool>());
    }

    [Fact]
    public void The_consent_body_and_the_terms_have_real_schemas()
    {
        var put = f.Operations.Single(o => o.Method == "PUT" && o.Path == "/v1/performers/{id}/consent").Operation;
        Assert.Equal("#/components/schemas/ConsentPolicy", put["requestBody"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>());
        var schemas = f.Document["components"]!["schemas"]!;
        var constraint = schemas["ConsentPolicy"]!["properties"]!["permission"]!["items"]!["properties"]!["constraint"]!["items"]!["properties"]!;
        Assert.Contains("isAnyOf", constraint["operator"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Contains("elapsedTime", constraint["leftOperand"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Equal("#/components/schemas/ConsentPolicy", schemas["ConsentView"]!["properties"]!["policy"]!["$ref"]!.GetValue<string>());
        Assert.NotNull(schemas["UseBody"]!["properties"]!["territories"]);
        Assert.NotNull(schemas["CompensationBody"]!["properties"]);
    }

    [Fact]
    public void No_description_leaks_doc_comment_markup_or_dotnet_names()
    {
        foreach (var text in Descriptions(f.Document))
        {
            Assert.DoesNotContain("&lt;", text, StringComparison.Ordinal);
            Assert.DoesNotContain("&gt;", text, StringComparison.Ordinal);
            Assert.DoesNotContain("cref", text, StringComparison.Ordinal);
            Assert.False(DotnetName().IsMatch(text), $"a .NET name in: {text}");
        }

        Assert.False(f.Document["components"]!["schemas"]!.AsObject().ContainsKey("JsonObject"));
        Assert.All(f.Document["tags"]!.AsArray(), t => Assert.False(string.IsNullOrWhiteSpace(t!["description"]?.GetValue<string>()), t!["name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task The_docs_page_is_served_with_its_assets_from_the_server()
    {
        using var client = f.Server.Client(null);
        using var page = await client.GetAsync(new Uri("/docs", UriKind.Relative));
        Assert.Equal(200, (int)page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        var script = Regex.Match(html, "<script src=\"([^\"]+)\"").Groups[1].Value;
        using var asset = await client.GetAsync(new Uri(page.RequestMessage!.RequestUri!, script));
        Assert.Equal(200, (int)asset.StatusCode);
    }

    [Fact]
    public async Task A_problem_type_names_an_address_that_describes_its_code()
    {
        using var client = f.Server.Client("not-a-key");
        var (status, problem) = await client.GetJsonAsync("/v1/renders/rnd_missing");
        Assert.Equal(401, status);
        var type = problem!["type"]!.GetValue<string>();
        Assert.StartsWith("https://likeness.dev/problems/", type, StringComparison.Ordinal);
        var slug = type["https://likeness.dev/problems/".Length..];
        using var anyone = f.Server.Client(null);
        var page = await anyone.GetStringAsync(new Uri("/problems/" + slug, UriKind.Relative));
        Assert.Contains(problem["code"]!.GetValue<string>(), page, StringComparison.Ordinal);
        Assert.Contains(problem["code"]!.GetValue<string>(), f.Document["info"]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
        var (missing, _) = await anyone.GetJsonAsync("/problems/no-such-problem");
        Assert.Equal(404, missing);
    }

    [Fact]
    public void The_operator_routes_are_not_in_the_api_description()
    {
        // /healthz and /metrics are the operator's (docs/OPERATIONS.md), with answers that are not the API's JSON.
        var paths = f.Document["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.DoesNotContain("/healthz", paths);
        Assert.DoesNotContain("/metrics", paths);
    }

    private static void AssertProblem(string route, JsonObject operation, string status)
    {
        var response = operation["responses"]?[status];
        Assert.True(response is not null, $"{route} does not document {status}");
        Assert.Equal("#/components/schemas/Problem", response!["content"]?["application/problem+json"]?["schema"]?["$ref"]?.GetValue<string>());
    }

    private static IEnumerable<string> Descriptions(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Key is "description" or "summary" && p.Value is JsonValue v ? [v.GetValue<string>()] : Descriptions(p.Value)),
        JsonArray a => a.SelectMany(Descriptions),
        _ => [],
    };

    [GeneratedRegex(@"\b(Likeness|System|Microsoft)\.[A-Z]")]
    private static partial Regex DotnetName();
}
