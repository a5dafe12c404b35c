using System.Globalization;
using System.Text.Json.Nodes;
using Likeness.Tests.Support;
using Xunit;

namespace Likeness.Tests.Caps;

/// <summary>Consents with caps and the licences several studios hold of the World's performer, as the cap tests use them.</summary>
internal static class CapTestKit
{
    /// <summary>The World's consent (its games permission and its prohibition) with the rules holding caps added.</summary>
    public static object Consent(params object[] capRules) => new
    {
        permission = new object[]
        {
            new
            {
                uid = "games", action = "render",
                constraint = new object[]
                {
                    new { leftOperand = "modality", @operator = "isAnyOf", rightOperand = new[] { "voice", "face" } },
                    new { leftOperand = "spatial", @operator = "isA", rightOperand = "WORLD" },
                },
                duty = new object[] { new { action = "inform" } },
            },
        }.Concat(capRules).ToArray(),
        prohibition = new object[]
        {
            new { uid = "no-politics", action = "render", constraint = new object[] { new { leftOperand = "contentCategory", @operator = "isAnyOf", rightOperand = new[] { "political" } } } },
        },
    };

    /// <summary>A rule capping synthetic seconds a month (or a year) over all her licences, or per studio.</summary>
    public static object SecondsCap(string uid, decimal seconds, string scope = "performer", string period = "month") => new
    {
        uid,
        action = "render",
        constraint = new object[] { new { leftOperand = "meteredTime", @operator = "lteq", rightOperand = string.Create(CultureInfo.InvariantCulture, $"PT{seconds}S"), scope, period } },
    };

    /// <summary>Writes a new consent version with these caps; its version.</summary>
    public static async Task<int> SetCapsAsync(World w, params object[] capRules)
    {
        var (status, body) = await w.As(w.Performer).SendAsync(HttpMethod.Put, $"/v1/performers/{w.Performer.Id}/consent", Consent(capRules));
        Assert.True(status == 200, body?.ToJsonString());
        return body!["version"]!.GetValue<int>();
    }

    /// <summary>A licence of the World's performer for <paramref name="studio"/>, requested and approved; its id.</summary>
    public static async Task<string> LicenceForAsync(World w, Actor studio)
    {
        var (rs, request) = await w.As(studio).PostAsync("/v1/license-requests", new
        {
            performerId = w.Performer.Id,
            project = "Skyward Tides",
            description = World.Description,
            uses = new[] { World.Use(maxSyntheticSeconds: 3600, maxRenders: null, to: DateTimeOffset.UtcNow.AddYears(1)) },
            compensation = new { perRender = new { currency = "USD", minor = 2500 } },
        });
        Assert.True(rs == 201, request?.ToJsonString());
        var (ls, license) = await w.As(w.Performer).PostAsync($"/v1/license-requests/{request!["id"]}/approve", new { });
        Assert.True(ls == 201, license?.ToJsonString());
        return license!["id"]!.GetValue<string>();
    }

    /// <summary>A new studio party, made by the operator.</summary>
    public static async Task<Actor> StudioAsync(World w, string name)
    {
        var (status, body) = await w.As(w.Operator).PostAsync("/v1/parties", new { kind = "studio", name });
        Assert.Equal(201, status);
        return new Actor(body!["id"]!.GetValue<string>(), body["apiKey"]!.GetValue<string>());
    }

    /// <summary>The performer's caps as her side reads them.</summary>
    public static async Task<JsonArray> CapsAsync(World w)
    {
        var (status, body) = await w.As(w.Performer).GetJsonAsync($"/v1/performers/{w.Performer.Id}/caps");
        Assert.True(status == 200, body?.ToJsonString());
        return body!["caps"]!.AsArray();
    }

    /// <summary>The one reason of a denial, as <c>code@rule</c>.</summary>
    public static string Reason(JsonNode? problem) =>
        string.Join(",", (problem?["reasons"] as JsonArray ?? []).Select(r => $"{r!["code"]!.GetValue<string>()}@{r["rule"]!.GetValue<string>()}"));

    /// <summary>
    /// 64 clients of the given studios (client n speaks for studio n mod their number, on its licence), each asking three
    /// times for a one-second render under its own Idempotency-Key; the permits and the denials' reasons.
    /// </summary>
    public static async Task<(int Permits, List<string> Denials)> RaceAsync(IReadOnlyList<(Actor Studio, string License)> studios, Func<int, Actor, HttpClient> client)
    {
        var permits = 0;
        var denials = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Task.WhenAll(Enumerable.Range(0, 64).Select(async n =>
        {
            var (studio, license) = studios[n % studios.Count];
            var c = client(n, studio);
            for (var i = 0; i < 3; i++)
            {
                var (status, body) = await c.PostAsync("/v1/renders", World.RenderBody(license, 1), $"cap-race-{n}-{i}");
                if (status == 201)
                {
                    Interlocked.Increment(ref permits);
                }
                else
                {
                    denials.Add(status == 403 ? World.Codes(body) : $"{status}: {body?.ToJsonString()}");
                }
            }
        }));
        return (permits, [.. denials]);
    }
}
