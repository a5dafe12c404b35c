using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Likeness.Domain.Policy;
using Likeness.Tests.Support;
using Xunit;

namespace Likeness.Tests.Http;

/// <summary>
/// Consent as ODRL 2.2 JSON-LD, in and out (issue 14): asked for with <c>Accept: application/ld+json</c>, it names the
/// ODRL context, the Likeness profile, a policy IRI and the performer as assigner; the same document put back is
/// accepted unchanged and means the same; <c>isA</c> is ODRL's class membership, so it applies only where the values
/// have classes (regions, language tags).
/// </summary>
public abstract class OdrlHttpTests(Provider provider) : WorldTests(provider)
{
    private async Task<(int Status, string? Type, string Body)> GetAsync(string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/performers/{W.Performer.Id}/consent");
        request.Headers.Accept.ParseAdd(accept);
        using var response = await W.As(W.Performer).SendAsync(request);
        return ((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Accept_ld_json_gets_odrl_with_its_context_profile_uid_and_assigner()
    {
        var (status, type, body) = await GetAsync("application/ld+json");
        Assert.Equal(200, status);
        Assert.Equal("application/ld+json", type);
        var doc = JsonNode.Parse(body)!;
        Assert.Equal("http://www.w3.org/ns/odrl.jsonld", doc["@context"]![0]!.GetValue<string>());
        Assert.Equal(OdrlWriter.ProfileIri, doc["profile"]!.GetValue<string>());
        Assert.Equal("Set", doc["@type"]!.GetValue<string>());
        Assert.StartsWith($"urn:likeness:consent:{W.Performer.Id}:v", doc["uid"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal($"urn:likeness:party:{W.Performer.Id}", doc["assigner"]!.GetValue<string>());
        Assert.NotEmpty(doc["permission"]!.AsArray());

        var (_, jsonType, _) = await GetAsync("application/json");
        Assert.Equal("application/json", jsonType);
        var (_, preferred, _) = await GetAsync("application/json;q=0.5, application/ld+json");
        Assert.Equal("application/ld+json", preferred);
    }

    [Fact]
    public async Task The_odrl_document_put_back_unchanged_is_accepted_and_means_the_same()
    {
        var (_, _, before) = await GetAsync("application/json");
        var (_, _, odrl) = await GetAsync("application/ld+json");
        using var put = new HttpRequestMessage(HttpMethod.Put, $"/v1/performers/{W.Performer.Id}/consent")
        {
            Content = new StringContent(odrl, Encoding.UTF8, new MediaTypeHeaderValue("application/ld+json")),
        };
        using var response = await W.As(W.Performer).SendAsync(put);
        Assert.True((int)response.StatusCode == 200, await response.Content.ReadAsStringAsync());

        var (_, _, after) = await GetAsync("application/json");
        var policy = (string json) => JsonNode.Parse(json)!["policy"]!.ToJsonString();
        Assert.Equal(policy(before), policy(after));
        Assert.Equal(JsonNode.Parse(before)!["version"]!.GetValue<int>() + 1, JsonNode.Parse(after)!["version"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("modality", "\"voice\"")]
    [InlineData("purpose", "\"dubbing\"")]
    [InlineData("contentCategory", "\"violence\"")]
    [InlineData("derivation", "\"puppetry\"")]
    public async Task IsA_on_a_vocabulary_without_classes_is_a_400_naming_the_operator(string operand, string value)
    {
        var body = $$"""{"permission":[{"uid":"p","action":"render","constraint":[{"leftOperand":"{{operand}}","operator":"isA","rightOperand":{{value}}}]}]}""";
        var (status, problem) = await W.As(W.Performer).SendAsync(HttpMethod.Put, $"/v1/performers/{W.Performer.Id}/consent", body);
        Assert.True(status == 400, problem?.ToJsonString());
        Assert.Equal("permission[0].constraint[0].operator", problem!["field"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("spatial", "\"EU\"")]
    [InlineData("language", "\"en\"")]
    public async Task IsA_on_regions_and_language_tags_is_class_membership(string operand, string value)
    {
        var body = $$"""{"permission":[{"uid":"p","action":"render","constraint":[{"leftOperand":"{{operand}}","operator":"isA","rightOperand":{{value}}}]}]}""";
        var (status, answer) = await W.As(W.Performer).SendAsync(HttpMethod.Put, $"/v1/performers/{W.Performer.Id}/consent", body);
        Assert.True(status == 200, answer?.ToJsonString());
    }
}

/// <summary>The same tests on the embedded SQLite store.</summary>
public sealed class OdrlHttpTestsOnSqlite() : OdrlHttpTests(Provider.Sqlite);

/// <summary>The same tests on PostgreSQL.</summary>
public sealed class OdrlHttpTestsOnPostgres() : OdrlHttpTests(Provider.Postgres);
