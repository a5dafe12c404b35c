using System.Text.Json.Nodes;
using Xunit;

namespace Likeness.Tests.Support;

/// <summary>A party created through the API: its id and key.</summary>
public sealed record Actor(string Id, string Key);

/// <summary>A realistic cast created over HTTP: a performer with consent, the people around her, a studio with an active licence.</summary>
public sealed class World
{
    public const string Description =
        "Dubbing of the character Captain Iris Vale into Japanese for the video game Skyward Tides, in-game dialogue and cut-scenes only, new lines approved by the performer.";

    public static readonly object DefaultConsent = new
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
        },
        prohibition = new object[]
        {
            new { uid = "no-politics", action = "render", constraint = new object[] { new { leftOperand = "contentCategory", @operator = "isAnyOf", rightOperand = new[] { "political" } } } },
        },
    };

    public required ILikenessEndpoint Server { get; init; }
    public required Actor Operator { get; init; }
    public required Actor Performer { get; init; }
    public required Actor Representative { get; init; }
    public required Actor Studio { get; init; }
    public required Actor OtherStudio { get; init; }
    public required Actor Union { get; init; }
    public required Actor Auditor { get; init; }
    public required Actor Estate { get; init; }
    public required Actor OtherPerformer { get; init; }
    public required string RequestId { get; init; }
    public required string LicenseId { get; init; }

    /// <summary>A licence use; its window starts a day before <see cref="TestServer.Epoch"/> (tests on the real clock pass <paramref name="to"/> relative to now).</summary>
    public static object Use(decimal? maxSyntheticSeconds = 3600, long? maxRenders = 1000, decimal? maxDeliverable = 60, string[]? categories = null, DateTimeOffset? to = null) => new
    {
        modality = "voice",
        purposes = new[] { "videoGame", "dubbing" },
        territories = new[] { "JP", "EU" },
        languages = new[] { "ja", "en" },
        from = TestServer.Epoch.AddDays(-1),
        to = to ?? TestServer.Epoch.AddDays(365),
        maxSecondsPerDeliverable = maxDeliverable,
        maxSyntheticSeconds,
        maxRenders,
        contentCategories = categories ?? ["violence"],
        derivation = "newPerformance",
    };

    public static object RenderBody(string licenseId, decimal seconds = 10, string territory = "JP", string? prompt = null, string[]? categories = null) => new
    {
        licenseId,
        modality = "voice",
        purpose = "dubbing",
        territory,
        language = "ja",
        requestedSeconds = seconds,
        contentCategories = categories ?? [],
        prompt = prompt ?? "Captain Vale orders the crew to raise the sails.",
        derivation = "newPerformance",
        deliverable = "line-0001",
    };

    public static async Task<World> CreateAsync(ILikenessEndpoint server, object? consent = null, object? use = null)
    {
        var op = server.Client(server.OperatorKey);
        async Task<Actor> Party(string kind, string name, string[]? represents = null)
        {
            var (status, body) = await op.PostAsync("/v1/parties", new { kind, name, represents });
            Assert.Equal(201, status);
            return new Actor(body!["id"]!.GetValue<string>(), body["apiKey"]!.GetValue<string>());
        }

        var performer = await Party("performer", "Mara Quinn");
        var other = await Party("performer", "Someone Else");
        var rep = await Party("representative", "Halden Talent");
        await GrantAsync(server, performer, rep);
        var studio = await Party("studio", "Northlight Games");
        var otherStudio = await Party("studio", "Rival Pictures");
        var union = await Party("union", "SAG-AFTRA", [performer.Id]);
        var auditor = await Party("auditor", "Ledger Audit LLP");
        var estate = await Party("estate", "Estate of Mara Quinn", [performer.Id]);

        var (cs, _) = await server.Client(performer.Key).SendAsync(HttpMethod.Put, $"/v1/performers/{performer.Id}/consent", consent ?? DefaultConsent);
        Assert.Equal(200, cs);
        var (rs, request) = await server.Client(studio.Key).PostAsync("/v1/license-requests", new
        {
            performerId = performer.Id,
            project = "Skyward Tides",
            description = Description,
            uses = new[] { use ?? Use() },
            compensation = new { perRender = new { currency = "USD", minor = 2500 }, perSecond = new { currency = "USD", minor = 150 } },
        });
        Assert.Equal(201, rs);
        var requestId = request!["id"]!.GetValue<string>();
        var (ls, license) = await server.Client(performer.Key).PostAsync($"/v1/license-requests/{requestId}/approve", new { note = "ok" });
        Assert.True(ls == 201, license?.ToJsonString());
        return new World
        {
            Server = server,
            Operator = new Actor("", server.OperatorKey),
            Performer = performer,
            Representative = rep,
            Studio = studio,
            OtherStudio = otherStudio,
            Union = union,
            Auditor = auditor,
            Estate = estate,
            OtherPerformer = other,
            RequestId = requestId,
            LicenseId = license!["id"]!.GetValue<string>(),
        };
    }

    public HttpClient As(Actor a) => Server.Client(a.Key);

    /// <summary>Every power a performer can grant.</summary>
    public static readonly string[] AllPowers = ["consent", "approve", "counter", "veto", "renders", "statements"];

    /// <summary>
    /// The performer grants a representative powers (all of them unless named): her own act, the only way a
    /// representative comes to act for her.
    /// </summary>
    public static async Task GrantAsync(ILikenessEndpoint server, Actor performer, Actor representative, params string[] powers)
    {
        var (status, body) = await server.Client(performer.Key).PostAsync(
            $"/v1/performers/{performer.Id}/representatives", new { party = representative.Id, role = "agent", powers = powers.Length == 0 ? AllPowers : powers });
        Assert.True(status == 201, body?.ToJsonString());
    }

    /// <summary>Requests and approves another licence for the studio; returns its id.</summary>
    public async Task<string> LicenseAsync(object use, object? compensation, object? approval = null)
    {
        var (rs, request) = await As(Studio).PostAsync("/v1/license-requests", new { performerId = Performer.Id, project = "Skyward Tides", description = Description, uses = new[] { use }, compensation });
        Assert.True(rs == 201, request?.ToJsonString());
        var (ls, license) = await As(Performer).PostAsync($"/v1/license-requests/{request!["id"]}/approve", approval ?? new { });
        Assert.True(ls == 201, license?.ToJsonString());
        return license!["id"]!.GetValue<string>();
    }

    /// <summary>Authorizes and completes one render of <paramref name="seconds"/> seconds on a licence.</summary>
    public async Task RenderAsync(string licenseId, decimal seconds)
    {
        var (status, r) = await As(Studio).PostAsync("/v1/renders", RenderBody(licenseId, Math.Max(seconds, 1)));
        Assert.True(status == 201, r?.ToJsonString());
        var (cs, done) = await As(Studio).PostAsync($"/v1/renders/{r!["renderId"]}/complete", new { actualSeconds = seconds, outputSha256 = new string('e', 64) });
        Assert.True(cs == 200, done?.ToJsonString());
    }

    public static string Codes(JsonNode? problem) =>
        string.Join(",", (problem?["reasons"] as JsonArray ?? []).Select(r => r!["code"]!.GetValue<string>()).Order(StringComparer.Ordinal));
}
