using System.Text.Json.Nodes;
using Likeness.Tests.Support;
using Xunit;

namespace Likeness.Tests.Http;

/// <summary>
/// docs/ACCESS.md's decisions beyond the table's cells: conflicts without rule ids for a studio holding no licence, a
/// union's answers without pay or token, a dead performer's key refused.
/// </summary>
public sealed class AccessDecisionTests() : WorldTests(Provider.Sqlite)
{
    private object Political => new
    {
        performerId = W.Performer.Id,
        project = "Campaign",
        description = World.Description,
        uses = new[] { World.Use(categories: ["political"]) },
    };

    private static string[] Rules(JsonNode? request) => [.. request!["conflicts"]!.AsArray().Select(c => c!["rule"]!.GetValue<string>())];

    [Fact]
    public async Task A_studio_without_a_licence_sees_codes_but_not_the_consent_rules()
    {
        var (status, created) = await W.As(W.OtherStudio).PostAsync("/v1/license-requests", Political);
        Assert.Equal(201, status);
        Assert.Contains("consent", Rules(created));
        Assert.DoesNotContain(Rules(created), r => r.StartsWith("consent/", StringComparison.Ordinal));
        Assert.All(created!["conflicts"]!.AsArray(), c => Assert.False(string.IsNullOrEmpty(c!["code"]!.GetValue<string>())));

        var id = created["id"]!.GetValue<string>();
        var (_, read) = await W.As(W.OtherStudio).GetJsonAsync($"/v1/license-requests/{id}");
        Assert.DoesNotContain(Rules(read), r => r.StartsWith("consent/", StringComparison.Ordinal));

        // The performer side sees which of her rules each conflict comes from.
        var (_, own) = await W.As(W.Performer).GetJsonAsync($"/v1/license-requests/{id}");
        Assert.Contains(Rules(own), r => r.StartsWith("consent/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_studio_holding_a_licence_sees_the_rules_it_is_bound_by()
    {
        var (status, created) = await W.As(W.Studio).PostAsync("/v1/license-requests", Political);
        Assert.Equal(201, status);
        Assert.Contains(Rules(created), r => r.StartsWith("consent/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_union_suspending_a_licence_gets_its_scope_not_its_pay()
    {
        var (status, licence) = await W.As(W.Union).PostAsync($"/v1/licenses/{W.LicenseId}/suspend");
        Assert.Equal(200, status);
        Assert.Equal("suspended", licence!["status"]!.GetValue<string>());
        Assert.Null(licence["token"]);
        Assert.Null(licence["terms"]!["compensation"]);

        // The performer side and the studio still see the whole licence.
        var (_, whole) = await W.As(W.Studio).GetJsonAsync($"/v1/licenses/{W.LicenseId}");
        Assert.NotNull(whole!["token"]);
        Assert.NotNull(whole["terms"]!["compensation"]);
    }

    [Fact]
    public async Task A_dead_performers_key_is_refused_as_an_unknown_key()
    {
        Assert.Equal(200, (await W.As(W.Performer).GetJsonAsync($"/v1/parties/{W.Performer.Id}")).Status);
        Assert.Equal(200, (await W.As(W.Operator).PostAsync($"/v1/performers/{W.Performer.Id}/death", new { diedOn = "2026-10-01" })).Status);
        var (status, problem) = await W.As(W.Performer).GetJsonAsync($"/v1/parties/{W.Performer.Id}");
        Assert.Equal(401, status);
        Assert.Equal("unauthenticated", problem!["code"]!.GetValue<string>());
        Assert.Equal(200, (await W.As(W.Estate).GetJsonAsync($"/v1/parties/{W.Performer.Id}")).Status);
    }
}
