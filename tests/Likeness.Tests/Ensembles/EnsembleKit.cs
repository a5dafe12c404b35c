using System.Text.Json.Nodes;
using Likeness.Tests.Support;
using Xunit;

namespace Likeness.Tests.Ensembles;

/// <summary>Performers, consents and licences for renders with several performers, made through the API.</summary>
internal static class EnsembleKit
{
    /// <summary>A new performer (made by the operator) who writes <paramref name="consent"/> (the World's by default).</summary>
    public static async Task<Actor> PerformerAsync(World w, string name, object? consent = null)
    {
        var (status, body) = await w.As(w.Operator).PostAsync("/v1/parties", new { kind = "performer", name });
        Assert.Equal(201, status);
        var performer = new Actor(body!["id"]!.GetValue<string>(), body["apiKey"]!.GetValue<string>());
        await ConsentAsync(w, performer, consent ?? World.DefaultConsent);
        return performer;
    }

    /// <summary>The performer writes a new consent version.</summary>
    public static async Task ConsentAsync(World w, Actor performer, object consent)
    {
        var (status, body) = await w.As(performer).SendAsync(HttpMethod.Put, $"/v1/performers/{performer.Id}/consent", consent);
        Assert.True(status == 200, body?.ToJsonString());
    }

    /// <summary>A licence of <paramref name="performer"/> for the World's studio, requested and approved; its id.</summary>
    public static async Task<string> LicenceAsync(World w, Actor performer, object? use = null, object? compensation = null)
    {
        var (rs, request) = await w.As(w.Studio).PostAsync("/v1/license-requests", new
        {
            performerId = performer.Id,
            project = "Skyward Tides",
            description = World.Description,
            uses = new[] { use ?? World.Use() },
            compensation = compensation ?? new { perRender = new { currency = "USD", minor = 2500 }, perSecond = new { currency = "USD", minor = 150 } },
        });
        Assert.True(rs == 201, request?.ToJsonString());
        var (ls, license) = await w.As(performer).PostAsync($"/v1/license-requests/{request!["id"]}/approve", new { });
        Assert.True(ls == 201, license?.ToJsonString());
        return license!["id"]!.GetValue<string>();
    }

    /// <summary>A render request naming contributors (licence, role, share), otherwise the World's render.</summary>
    public static object Body(decimal seconds, params (string License, string Role, int Share)[] contributors) =>
        Body(seconds, [], null, contributors);

    public static object Body(decimal seconds, string[] categories, string? derivation, params (string License, string Role, int Share)[] contributors) => new
    {
        contributors = contributors.Select(c => new { licenseId = c.License, role = c.Role, share = c.Share }).ToArray(),
        modality = "voice",
        purpose = "dubbing",
        territory = "JP",
        language = "ja",
        requestedSeconds = seconds,
        contentCategories = categories,
        prompt = "Two captains sing the crew's farewell.",
        derivation,
        deliverable = "duet-0001",
    };

    /// <summary>A licence's first use's budget figures: (secondsUsed, secondsReserved, rendersUsed, rendersReserved).</summary>
    public static async Task<(decimal Used, decimal Reserved, long Renders, long RendersReserved)> BudgetAsync(World w, string licenseId)
    {
        var (status, license) = await w.As(w.Studio).GetJsonAsync($"/v1/licenses/{licenseId}");
        Assert.True(status == 200, license?.ToJsonString());
        var b = license!["budgets"]![0]!;
        return (b["secondsUsed"]!.GetValue<decimal>(), b["secondsReserved"]!.GetValue<decimal>(), b["rendersUsed"]!.GetValue<long>(), b["rendersReserved"]!.GetValue<long>());
    }

    /// <summary>Each contributor's reasons of a denial, as <c>position:code@rule</c>, in order.</summary>
    public static string[] Reasons(JsonNode? problem) =>
        [.. (problem?["contributors"] as JsonArray ?? []).SelectMany(c => (c!["reasons"] as JsonArray ?? [])
            .Select(r => $"{c["position"]!.GetValue<int>()}:{r!["code"]!.GetValue<string>()}@{r["rule"]!.GetValue<string>()}"))];
}
