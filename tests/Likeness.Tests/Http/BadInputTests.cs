using Likeness.Tests.Support;
using Xunit;

namespace Likeness.Tests.Http;

/// <summary>Whatever a client sends, the answer is a 4xx problem naming what is wrong, never a 5xx, and nothing is half-written.</summary>
public sealed class BadInputTests() : WorldTests(Provider.Sqlite)
{

    private static readonly string[] Garbage =
    [
        "", "null", "[]", "{", "{\"x\":1}", "\"text\"", "42", "{\"licenseId\":{}}", "{\"name\":\"" + new string('x', 5000) + "\"}",
        "{\"kind\":\"performer\",\"name\":\"a\",\"name\":\"b\"}",
    ];

    public static TheoryData<string, string> Routes() => new()
    {
        { "POST", "/v1/parties" },
        { "POST", "/v1/performers/{performer}/death" },
        { "POST", "/v1/performers/{performer}/assets" },
        { "PUT", "/v1/performers/{performer}/consent" },
        { "POST", "/v1/license-requests" },
        { "POST", "/v1/license-requests/{request}/approve" },
        { "POST", "/v1/license-requests/{request}/veto" },
        { "POST", "/v1/license-requests/{request}/counter" },
        { "POST", "/v1/license-requests/{request}/accept" },
        { "POST", "/v1/licenses/{license}/revoke" },
        { "POST", "/v1/renders" },
        { "POST", "/v1/renders/{render}/complete" },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Garbage_bodies_get_a_4xx_problem_on_every_route(string method, string route)
    {
        var path = route.Replace("{performer}", W.Performer.Id, StringComparison.Ordinal).Replace("{request}", W.RequestId, StringComparison.Ordinal)
            .Replace("{license}", W.LicenseId, StringComparison.Ordinal).Replace("{render}", "rnd_missing", StringComparison.Ordinal);
        var key = method == "PUT" || path.Contains("/approve", StringComparison.Ordinal) || path.Contains("/veto", StringComparison.Ordinal) || path.Contains("/counter", StringComparison.Ordinal) || path.EndsWith("/assets", StringComparison.Ordinal) || path.EndsWith("/revoke", StringComparison.Ordinal)
            ? W.Performer.Key
            : path.EndsWith("/death", StringComparison.Ordinal) || path == "/v1/parties" ? W.Operator.Key : W.Studio.Key;
        foreach (var body in Garbage)
        {
            var before = await StateAsync();
            var (status, problem) = await Server.Client(key).SendAsync(new HttpMethod(method), path, body);
            var allowedOk = body is "{}" or "" && (path.EndsWith("/approve", StringComparison.Ordinal) || path.EndsWith("/accept", StringComparison.Ordinal));
            var shown = body[..Math.Min(body.Length, 40)];
            Assert.True(status is >= 400 and < 500 || allowedOk, $"{method} {path} with {shown}: {status}");
            if (status >= 400)
            {
                Assert.NotNull(problem?["code"]);
                Assert.NotNull(problem?["type"]);

                // Nothing half-written: a refused request leaves the ledger and every row the cast owns as they were.
                Assert.Equal(before, await StateAsync());
            }
        }
    }

    [Fact]
    public async Task The_state_check_sees_a_write()
    {
        // The check above is only worth something if a real write changes what it compares.
        var before = await StateAsync();
        var (status, _) = await W.As(W.Performer).SendAsync(HttpMethod.Put, $"/v1/performers/{W.Performer.Id}/consent", System.Text.Json.JsonSerializer.Serialize(World.DefaultConsent));
        Assert.Equal(200, status);
        Assert.NotEqual(before, await StateAsync());
    }

    /// <summary>
    /// What a refused request must not change, read from the store: the ledger's length and the change feed, the row count of
    /// every main table (<see cref="Support.Fuzz.StoreCounts"/>), and the cast's own rows as they stand (status, versions,
    /// budgets), since an update changes no count.
    /// </summary>
    private async Task<string> StateAsync() => await Support.Fuzz.StoreCounts.ReadAsync(Store) + " | " + await Store.ReadAsync(s =>
    {
        var request = s.GetRequest(W.RequestId);
        var license = s.GetLicense(W.LicenseId);
        return string.Join(
            " | ",
            $"consent v{s.GetCurrentConsent(W.Performer.Id)?.Version}",
            $"request {request?.Status} {request?.UpdatedAt:O} {request?.LedgerIndex}",
            $"license {license?.StoredStatus} {license?.RevocationEffectiveAt:O} {license?.EstateConfirmed} {license?.LedgerIndex}",
            "budgets " + string.Join(",", s.GetBudgets(W.LicenseId).Select(b => $"{b.SecondsUsedMillis}/{b.SecondsReservedMillis}/{b.RendersUsed}/{b.RendersReserved}")),
            $"died {s.GetParty(W.Performer.Id)?.DiedOn}");
    });

    public static TheoryData<string, string> BadRenders() => new()
    {
        { "{\"licenseId\":\"L\",\"modality\":\"smell\",\"purpose\":\"dubbing\",\"territory\":\"JP\",\"language\":\"ja\",\"requestedSeconds\":1}", "modality" },
        { "{\"licenseId\":\"L\",\"modality\":\"voice\",\"purpose\":\"dubbing\",\"territory\":\"EU\",\"language\":\"ja\",\"requestedSeconds\":1}", "territory" },
        { "{\"licenseId\":\"L\",\"modality\":\"voice\",\"purpose\":\"dubbing\",\"territory\":\"JP\",\"language\":\"xx-!!\",\"requestedSeconds\":1}", "language" },
        { "{\"licenseId\":\"L\",\"modality\":\"voice\",\"purpose\":\"dubbing\",\"territory\":\"JP\",\"language\":\"ja\",\"requestedSeconds\":-1}", "requestedSeconds" },
        { "{\"licenseId\":\"L\",\"modality\":\"voice\",\"purpose\":\"dubbing\",\"territory\":\"JP\",\"language\":\"ja\",\"requestedSeconds\":0.0001}", "requestedSeconds" },
        { "{\"licenseId\":\"L\",\"modality\":\"voice\",\"purpose\":\"dubbing\",\"territory\":\"JP\",\"language\":\"ja\",\"requestedSeconds\":1e30}", "$.requestedSeconds" },
        { "{\"licenseId\":\"L\",\"modality\":\"voice\",\"purpose\":\"dubbing\",\"territory\":\"JP\",\"language\":\"ja\",\"requestedSeconds\":\"10\"}", "$.requestedSeconds" },
        { "{\"licenseId\":\"L\",\"modality\":\"voice\",\"purpose\":\"dubbing\",\"territory\":\"JP\",\"language\":\"ja\",\"requestedSeconds\":1,\"colour\":\"red\"}", "$.colour" },
        { "{\"licenseId\":\"L\",\"modality\":\"voice\",\"purpose\":\"dubbing\",\"territory\":\"JP\",\"language\":\"ja\",\"requestedSeconds\":1,\"contentCategories\":[\"gossip\"]}", "contentCategories[0]" },
        { "{\"modality\":\"voice\",\"purpose\":\"dubbing\",\"territory\":\"JP\",\"language\":\"ja\",\"requestedSeconds\":1}", "licenseId" },
    };

    [Theory]
    [MemberData(nameof(BadRenders))]
    public async Task A_bad_render_request_names_the_field(string body, string field)
    {
        var (status, problem) = await W.As(W.Studio).SendAsync(HttpMethod.Post, "/v1/renders", body.Replace("\"L\"", $"\"{W.LicenseId}\"", StringComparison.Ordinal));
        Assert.Equal(400, status);
        Assert.Equal(field, problem!["field"]!.GetValue<string>());
    }

    public static TheoryData<string, string> BadPolicies() => new()
    {
        { "{\"permission\":[{\"action\":\"render\",\"constraint\":[{\"leftOperand\":\"mood\",\"operator\":\"eq\",\"rightOperand\":\"x\"}]}]}", "permission[0].constraint[0].leftOperand" },
        { "{\"permission\":[{\"action\":\"render\",\"constraint\":[{\"leftOperand\":\"purpose\",\"operator\":\"near\",\"rightOperand\":\"dubbing\"}]}]}", "permission[0].constraint[0].operator" },
        { "{\"permission\":[{\"action\":\"render\",\"constraint\":[{\"leftOperand\":\"elapsedTime\",\"operator\":\"lteq\",\"rightOperand\":\"60 seconds\"}]}]}", "permission[0].constraint[0].rightOperand" },
        { "{\"permission\":[{\"action\":\"render\",\"constraint\":[{\"leftOperand\":\"spatial\",\"operator\":\"isA\",\"rightOperand\":\"ATLANTIS\"}]}]}", "permission[0].constraint[0].rightOperand" },
        { "{\"permission\":[{\"action\":\"render\",\"constraint\":[{\"leftOperand\":\"modality\",\"operator\":\"lt\",\"rightOperand\":\"voice\"}]}]}", "permission[0].constraint[0].operator" },
        { "{\"permission\":[{\"action\":\"render\",\"colour\":1}]}", "permission[0].colour" },
        { "{\"prohibition\":[{\"action\":\"render\",\"duty\":[]}]}", "prohibition[0].duty" },
        { "{\"permission\":[{\"action\":\"fly\"}]}", "permission[0].action" },
        { "{\"permission\":[{\"action\":\"render\",\"duty\":[{\"action\":\"dance\"}]}]}", "permission[0].duty[0].action" },
        { "{\"permission\":[{\"action\":\"render\",\"constraint\":[{\"leftOperand\":\"language\",\"operator\":\"eq\",\"rightOperand\":\"klingon-!\"}]}]}", "permission[0].constraint[0].rightOperand" },
    };

    [Theory]
    [MemberData(nameof(BadPolicies))]
    public async Task A_bad_consent_policy_names_the_field_and_writes_no_version(string policy, string field)
    {
        var (status, problem) = await W.As(W.Performer).SendAsync(HttpMethod.Put, $"/v1/performers/{W.Performer.Id}/consent", policy);
        Assert.Equal(400, status);
        Assert.Equal(field, problem!["field"]!.GetValue<string>());
        var (_, current) = await W.As(W.Performer).GetJsonAsync($"/v1/performers/{W.Performer.Id}/consent");
        Assert.Equal(1, current!["version"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("/v1/licenses/{license}/usage?limit=0", "limit")]
    [InlineData("/v1/licenses/{license}/usage?limit=501", "limit")]
    [InlineData("/v1/licenses/{license}/usage?limit=ten", "limit")]
    [InlineData("/v1/licenses/{license}/usage?limit=-1", "limit")]
    [InlineData("/v1/licenses/{license}/usage?cursor=not-a-cursor", "cursor")]
    [InlineData("/v1/performers/{performer}/usage?cursor=%00%00", "cursor")]
    [InlineData("/v1/performers/{performer}/consent?format=xml", "format")]
    public async Task A_bad_query_parameter_is_a_400_naming_it(string route, string field)
    {
        var path = route.Replace("{license}", W.LicenseId, StringComparison.Ordinal).Replace("{performer}", W.Performer.Id, StringComparison.Ordinal);
        var (status, problem) = await W.As(W.Performer).GetJsonAsync(path);
        Assert.Equal(400, status);
        Assert.Equal(field, problem!["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task Usage_pages_follow_the_cursor_newest_first()
    {
        var studio = W.As(W.Studio);
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var (_, r) = await studio.PostAsync("/v1/renders", World.RenderBody(W.LicenseId, 1));
            var id = r!["renderId"]!.GetValue<string>();
            await studio.PostAsync($"/v1/renders/{id}/complete", new { actualSeconds = 1, outputSha256 = new string('a', 64) });
            ids.Add(id);
            Server.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var (status, page) = await studio.GetJsonAsync($"/v1/licenses/{W.LicenseId}/usage?limit=2" + (cursor is null ? "" : "&cursor=" + cursor));
            Assert.Equal(200, status);
            seen.AddRange(page!["items"]!.AsArray().Select(x => x!["renderId"]!.GetValue<string>()));
            cursor = page["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null);
        ids.Reverse();
        Assert.Equal(ids, seen);
    }

    [Fact]
    public async Task An_oversized_body_is_refused_with_a_problem()
    {
        // Expect: 100-continue, as a client sending a large body should: the server answers 413 from the declared length
        // before the body is sent, so the test reads the answer instead of racing the server's close of the connection.
        var big = "{\"name\":\"" + new string('x', 2 * 1024 * 1024) + "\"}";
        using var client = Server.Client(W.Operator.Key);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/parties") { Content = new StringContent(big, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.ExpectContinue = true;
        using var response = await client.SendAsync(request);
        Assert.Equal(413, (int)response.StatusCode);
        var problem = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("body_too_large", problem!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_openapi_document_describes_every_route_with_its_parameters()
    {
        var (status, doc) = await Server.Client(null).GetJsonAsync("/openapi/v1.json");
        Assert.Equal(200, status);
        Assert.StartsWith("3.1", doc!["openapi"]!.GetValue<string>(), StringComparison.Ordinal);
        var paths = doc["paths"]!.AsObject();
        foreach (var route in new[] { "/v1/renders", "/v1/renders/{id}/complete", "/v1/license-requests/{id}/approve", "/v1/performers/{id}/consent", "/v1/ledger/proofs/inclusion", "/v1/statements" })
        {
            Assert.True(paths.ContainsKey(route), route);
        }

        foreach (var (path, operations) in paths)
        {
            foreach (var (method, operation) in operations!.AsObject())
            {
                var names = (operation!["parameters"] as System.Text.Json.Nodes.JsonArray ?? []).Select(p => p!["name"]!.GetValue<string>()).ToList();
                Assert.True(!path.Contains("{id}", StringComparison.Ordinal) || names.Contains("id"), $"{method} {path} does not declare its id");
            }
        }
    }

    [Fact]
    public async Task Unknown_routes_and_wrong_methods_are_problems_too()
    {
        var (s1, p1) = await W.As(W.Studio).GetJsonAsync("/v1/nothing-here");
        Assert.Equal(404, s1);
        Assert.Equal("not_found", p1!["code"]!.GetValue<string>());
        var (s2, _) = await W.As(W.Studio).SendAsync(HttpMethod.Delete, "/v1/renders");
        Assert.Equal(405, s2);
    }
}
