using System.Text.Json.Nodes;
using Likeness.Tests.Support;
using Xunit;

namespace Likeness.Tests.Http;

/// <summary>
/// docs/ACCESS.md, cell by cell: each row of its tables is a route, each column a kind of party, each cell the class of
/// answer that party gets. The table is read from the document itself, so the page and the server agree or this fails.
/// </summary>
public sealed partial class AccessTableTests(AccessTableFixture f) : IClassFixture<AccessTableFixture>
{
    private const string Living = "Living performer";
    private const string AfterDeath = "After death";

    private static readonly string[] Columns = ["performer", "representative", "estate", "studio", "other studio", "union", "auditor", "operator", "stranger"];

    /// <summary>
    /// A request of a row: method, path and body; made fresh for each cell when the row changes state. A list's call says
    /// which of its items concern the row's performer (<see cref="Concerns"/>).
    /// </summary>
    private sealed record Call(HttpMethod Method, string Path, object? Body = null, Func<JsonNode, bool>? Concerns = null)
    {
        /// <summary>A body sent as these bytes with these content headers, rather than as JSON (the vault's upload parts).</summary>
        public (byte[] Bytes, Dictionary<string, string> Headers)? Raw { get; init; }
    }

    private static Call Get(string path) => new(HttpMethod.Get, path);

    /// <summary>A list filtered on the row's performer: an item concerns her when <paramref name="field"/> is <paramref name="value"/>.</summary>
    private static Call List(string path, string field, string value) =>
        new(HttpMethod.Get, path, Concerns: item => item[field]?.GetValue<string>() == value);

    private static Call Post(string path, object? body = null) => new(HttpMethod.Post, path, body ?? "{}");

    private static Call Put(string path, object body) => new(HttpMethod.Put, path, body);

    /// <summary>How each row of the document is called; a row of the document without one here fails.</summary>
    private Dictionary<string, Func<Task<Call>>> Rows(string section)
    {
        var w = f.W;
        var p = section == Living ? w.Performer.Id : f.Dead.Id;
        var use = new { performerId = p, project = "P", description = World.Description, uses = new[] { World.Use() } };
        Func<Task<Call>> Now(Call c) => () => Task.FromResult(c);
        var rows = new Dictionary<string, Func<Task<Call>>>(StringComparer.Ordinal)
        {
            ["GET /v1/parties/{id}"] = Now(Get($"/v1/parties/{p}")),
            ["GET /v1/statements"] = Now(Get($"/v1/statements?party={p}&period=2026-11")),
            ["PUT /v1/performers/{id}/consent"] = Now(Put($"/v1/performers/{p}/consent", World.DefaultConsent)),
            ["GET /v1/performers/{id}/consent"] = Now(Get($"/v1/performers/{p}/consent")),
            ["GET /v1/performers/{id}/usage"] = Now(Get($"/v1/performers/{p}/usage")),
            ["GET /v1/performers/{id}/valuation"] = Now(Get($"/v1/performers/{p}/valuation?scenario={Uri.EscapeDataString("{\"model\":{\"marketValue\":{\"currency\":\"USD\",\"minor\":1000000}}}")}")),
            ["GET /v1/ledger/tile/{path} (level tile)"] = Now(Get("/v1/ledger/tile/0/000.p/1")),
            ["GET /v1/me/performers"] = Now(List("/v1/me/performers?limit=100", "id", p)),
            ["GET /v1/performers/{id}/consent/versions"] = Now(Get($"/v1/performers/{p}/consent/versions")),
            ["GET /v1/performers/{id}/caps"] = Now(Get($"/v1/performers/{p}/caps")),
            // Her request from the World's studio (another studio may have requests of its own to her).
            ["GET /v1/license-requests"] = Now(section == Living
                ? List($"/v1/license-requests?performer={p}&limit=100", "id", w.RequestId)
                : List($"/v1/license-requests?performer={p}&limit=100", "performerId", p)),
            ["GET /v1/licenses"] = Now(List($"/v1/licenses?performer={p}&limit=100", "performerId", p)),
            ["POST /v1/plans"] = Now(Post("/v1/plans", Planning.PlanScripts.Body(p))),
            ["GET /v1/plans/{id}"] = async () => Get($"/v1/plans/{await f.PlanAsync(p)}"),
            ["POST /v1/plans/{id}/versions"] = async () => Post($"/v1/plans/{await f.PlanAsync(p)}/versions", new { screenplay = Planning.PlanScripts.Second }),
            ["GET /v1/plans/{id}/changes"] = async () => Get($"/v1/plans/{await f.PlanAsync(p)}/changes?from=1&to=1"),
            ["GET /v1/plans/{id}/drafts"] = async () => Get($"/v1/plans/{await f.PlanAsync(p)}/drafts"),
            ["POST /v1/plans/{id}/requests"] = async () => Post($"/v1/plans/{await f.PlanAsync(p)}/requests", new { performerId = p }),
        };
        VaultRows(section, rows);
        if (section == AfterDeath)
        {
            rows["POST /v1/licenses/{id}/estate-consent"] = Now(Post($"/v1/licenses/{f.DeadLicence}/estate-consent"));
            return rows;
        }

        rows["GET /v1/me"] = Now(Get("/v1/me"));
        rows["GET /v1/renders"] = async () =>
        {
            var since = Uri.EscapeDataString(f.Server.Clock.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            await f.RenderAsync();
            return List($"/v1/renders?license={w.LicenseId}&since={since}&limit=100", "licenseId", w.LicenseId);
        };
        rows["POST /v1/parties"] = Now(Post("/v1/parties", new { kind = "auditor", name = "Another Audit" }));
        rows["POST /v1/performers/{id}/death"] = async () => Post($"/v1/performers/{(await f.PartyAsync("performer", "Soon Gone")).Id}/death", new { diedOn = "2026-01-01" });
        rows["POST /v1/performers/{id}/assets"] = Now(Post($"/v1/performers/{p}/assets", new { name = "scan", modality = "face", tier = "staticReplica" }));
        rows["GET /v1/performers/{id}/assets"] = Now(Get($"/v1/performers/{p}/assets"));
        rows["POST /v1/license-requests"] = Now(Post("/v1/license-requests", use));
        rows["GET /v1/license-requests/{id}"] = Now(Get($"/v1/license-requests/{w.RequestId}"));
        rows["POST /v1/license-requests/{id}/approve"] = async () => Post($"/v1/license-requests/{await f.RequestAsync()}/approve");
        rows["POST /v1/license-requests/{id}/veto"] = async () => Post($"/v1/license-requests/{await f.RequestAsync()}/veto", new { reason = "no" });
        rows["POST /v1/license-requests/{id}/counter"] = async () => Post($"/v1/license-requests/{await f.RequestAsync()}/counter", new { uses = new[] { World.Use(maxSyntheticSeconds: 10) } });
        rows["POST /v1/license-requests/{id}/accept"] = async () => Post($"/v1/license-requests/{await f.CounteredAsync()}/accept");
        rows["GET /v1/licenses/{id}"] = Now(Get($"/v1/licenses/{w.LicenseId}"));
        rows["POST /v1/licenses/{id}/suspend"] = async () => Post($"/v1/licenses/{await f.LicenceAsync()}/suspend");
        rows["POST /v1/licenses/{id}/resume"] = async () => Post($"/v1/licenses/{await f.LicenceAsync(suspended: true)}/resume");
        rows["POST /v1/licenses/{id}/revoke"] = async () => Post($"/v1/licenses/{await f.LicenceAsync()}/revoke", new { noticeDays = 10 });
        rows["POST /v1/licenses/{id}/estate-consent"] = Now(Post($"/v1/licenses/{w.LicenseId}/estate-consent"));
        rows["GET /v1/licenses/{id}/usage"] = Now(Get($"/v1/licenses/{w.LicenseId}/usage"));
        rows["POST /v1/renders"] = Now(Post("/v1/renders", World.RenderBody(w.LicenseId, 1)));
        rows["GET /v1/renders/{id}"] = async () => Get($"/v1/renders/{await f.RenderAsync()}");
        rows["GET /v1/provenance/watermarks/{token}"] = async () => Get($"/v1/provenance/watermarks/{await f.WatermarkAsync()}");
        rows["POST /v1/provenance/identify"] = async () => Post("/v1/provenance/identify", new { fingerprint = await f.FingerprintAsync() });
        rows["POST /v1/renders/{id}/credential"] = async () => Post($"/v1/renders/{await f.RenderAsync()}/credential", Provenance.Samples.UntruthfulCredentialBody());
        rows["GET /v1/provenance/trust-anchors"] = Now(Get("/v1/provenance/trust-anchors"));
        rows["POST /v1/renders/{id}/complete"] = async () => Post($"/v1/renders/{await f.RenderAsync()}/complete", new { actualSeconds = 1, outputSha256 = new string('f', 64) });
        rows["POST /v1/renders/{id}/cancel"] = async () => Post($"/v1/renders/{await f.RenderAsync()}/cancel");
        rows["POST /v1/renders/{id}/approve"] = async () => Post($"/v1/renders/{await f.RenderAsync(pending: true)}/approve");
        rows["POST /v1/renders/{id}/reject"] = async () => Post($"/v1/renders/{await f.RenderAsync(pending: true)}/reject");
        rows["PUT /v1/performers/{id}/splits"] = Now(Put($"/v1/performers/{p}/splits", new { payees = new[] { new { party = w.Representative.Id, role = "agent", shareBps = 1000 } } }));
        rows["GET /v1/performers/{id}/splits"] = Now(Get($"/v1/performers/{p}/splits"));
        rows["PUT /v1/unions/{id}/rates"] = Now(Put($"/v1/unions/{f.Guild.Id}/rates", new { version = "2027", rates = new[] { new { purpose = "videoGame", modality = "voice", perRender = new { currency = "USD", minor = 1 } } } }));
        rows["GET /v1/unions/{id}/rates"] = Now(Get($"/v1/unions/{f.Guild.Id}/rates"));
        // The built-in rules loaded again: a new version that changes no term.
        rows["PUT /v1/post-mortem-terms"] = Now(Put("/v1/post-mortem-terms", new
        {
            rules = new object[]
            {
                new { jurisdiction = "default", initialYears = 10, renewalYears = 5, maximumYears = 70, evidenceYears = 2 },
                new { jurisdiction = "US-CA", initialYears = 70, renewalYears = 0, maximumYears = 70, evidenceYears = 0 },
            },
        }));
        rows["GET /v1/post-mortem-terms"] = Now(Get("/v1/post-mortem-terms"));
        rows["POST /v1/statements/close"] = Now(Post("/v1/statements/close", new { period = "2026-11" }));
        rows["GET /v1/statements/verify"] = Now(Get("/v1/statements/verify?period=2026-10"));
        rows["GET /v1/ledger/checkpoint"] = Now(Get("/v1/ledger/checkpoint"));
        rows["GET /v1/ledger/key"] = Now(Get("/v1/ledger/key"));
        rows["POST /v1/ledger/key/rotate"] = Now(Post("/v1/ledger/key/rotate", new { }));
        rows["GET /v1/ledger/entries/{id}"] = Now(Get($"/v1/ledger/entries/{f.LicenceEntry}"));
        rows["GET /v1/ledger/proofs/inclusion"] = Now(Get("/v1/ledger/proofs/inclusion?index=0"));
        rows["GET /v1/ledger/proofs/consistency"] = Now(Get("/v1/ledger/proofs/consistency?from=1"));
        rows["GET /v1/ledger/tile/entries/{path} (entry bundle)"] = Now(Get("/v1/ledger/tile/entries/000.p/1"));
        return rows;
    }

    /// <summary>Every cell of the document's tables: section, route, column, expected class, and whether a 409 counts as allowed.</summary>
    public static TheoryData<string, string, string, string, bool> Cells()
    {
        var data = new TheoryData<string, string, string, string, bool>();
        string? section = null;
        foreach (var line in File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "ACCESS.md")))
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                section = line[3..].Trim();
                continue;
            }

            if (section is not (Living or AfterDeath) || !line.StartsWith("| `", StringComparison.Ordinal))
            {
                continue;
            }

            var cells = line.Trim('|').Split('|').Select(c => c.Trim()).ToArray();
            var route = cells[0].Replace("`", "", StringComparison.Ordinal).Replace(" †", "", StringComparison.Ordinal);
            for (var i = 0; i < Columns.Length; i++)
            {
                data.Add(section, route, Columns[i], cells[i + 1], cells[0].Contains('†', StringComparison.Ordinal));
            }
        }

        return data;
    }

    [Fact]
    public void Every_row_of_the_document_is_called_and_every_route_is_in_the_document()
    {
        var documented = Cells().Select(c => ((string)c[0], (string)c[1])).Distinct().ToList();
        Assert.True(documented.Count > 40, $"only {documented.Count} rows read from ACCESS.md");
        foreach (var section in new[] { Living, AfterDeath })
        {
            var rows = Rows(section).Keys.ToHashSet(StringComparer.Ordinal);
            var inDoc = documented.Where(d => d.Item1 == section).Select(d => d.Item2).ToHashSet(StringComparer.Ordinal);
            Assert.Empty(inDoc.Except(rows));
            Assert.Empty(rows.Except(inDoc));
        }
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task A_cell_of_the_access_table(string section, string route, string party, string expected, bool conflictMeansAllowed)
    {
        var call = await Rows(section)[route]();
        var (status, body, type) = await SendAsync(Key(section, party), call);
        var where = $"{section}: {route} as {party} (expected {expected}) got {status}: {body?.ToJsonString()}";
        switch (expected)
        {
            case "yes":
                Assert.True(status is >= 200 and < 300 || (conflictMeansAllowed && status == 409), where);
                Assert.True(call.Concerns is null || body!["items"]!.AsArray().Any(i => call.Concerns(i!)), "something of hers: " + where);
                break;
            case "scope":
                Assert.True(status is >= 200 and < 300, where);
                AssertScope(route, body, call, where);
                break;
            case "none":
                Assert.True(status is >= 200 and < 300 && call.Concerns is not null, where);
                Assert.False(body!["items"]!.AsArray().Any(i => call.Concerns(i!)), "nothing of hers: " + where);
                break;
            case "no":
                Assert.True(status is 403 or 404, where);
                Assert.Equal("application/problem+json", type);
                break;
            case "401":
                Assert.True(status == 401, where);
                break;
            default:
                Assert.Fail($"unknown cell '{expected}' in {where}");
                break;
        }

        if (party == "stranger")
        {
            // A key that is not valid: 401 wherever a key is read; the public routes read none.
            var (invalid, _, _) = await SendAsync("lk_not-a-key", await Rows(section)[route]());
            Assert.True(expected == "401" ? invalid == 401 : invalid is 401 or (>= 200 and < 300), $"{where}; with an invalid key: {invalid}");
        }
    }

    /// <summary>What a party that sees only the scope must not get.</summary>
    private static void AssertScope(string route, JsonNode? body, Call call, string where)
    {
        if (call.Concerns is not null)
        {
            var items = body!["items"]!.AsArray().Select(i => i!).ToList();
            Assert.True(items.Any(call.Concerns), "something of hers: " + where);
            items.ForEach(i => AssertScope(route, i, new Call(call.Method, call.Path), where));
            return;
        }

        if (route.EndsWith("/assets", StringComparison.Ordinal))
        {
            // A licensee reads only the assets of the modalities it holds a licence for (the World's licences are voice).
            Assert.True(body is JsonArray assets && assets.All(a => a!["modality"]!.GetValue<string>() == "voice"), where);
            return;
        }

        if (route.EndsWith("/identify", StringComparison.Ordinal))
        {
            // Anyone learns the copy matches a registered synthetic output; only the render's parties and auditors see which.
            var match = body!["matches"]![0]!;
            Assert.True(match["synthetic"]!.GetValue<bool>() && match["render"] is null, where);
            return;
        }

        if (route.Contains("/watermarks/", StringComparison.Ordinal))
        {
            // Anyone learns the token is a registered synthetic output; only the render's parties and auditors see the render.
            Assert.True(body!["registered"]!.GetValue<bool>() && body["render"] is null, where);
            return;
        }

        if (route.Contains("/consent", StringComparison.Ordinal))
        {
            Assert.True(body!["policy"]!["permission"] is null or JsonArray { Count: 0 }, where);
            return;
        }

        Assert.True(body!["token"] is null, "no token: " + where);
        Assert.True(body["terms"]!["compensation"] is null, "no compensation: " + where);
        Assert.NotNull(body["terms"]!["uses"]);
    }

    private string? Key(string section, string party) => (section, party) switch
    {
        (Living, "performer") => f.W.Performer.Key,
        (Living, "representative") => f.W.Representative.Key,
        (Living, "estate") => f.W.Estate.Key,
        (AfterDeath, "performer") => f.Dead.Key,
        (AfterDeath, "representative") => f.DeadRepresentative.Key,
        (AfterDeath, "estate") => f.DeadEstate.Key,
        (_, "studio") => f.W.Studio.Key,
        (_, "other studio") => f.W.OtherStudio.Key,
        (_, "union") => f.W.Union.Key,
        (_, "auditor") => f.W.Auditor.Key,
        (_, "operator") => f.W.Operator.Key,
        _ => null,
    };

    private async Task<(int Status, JsonNode? Body, string? Type)> SendAsync(string? key, Call call)
    {
        using var client = f.Server.Client(key);
        using var req = new HttpRequestMessage(call.Method, call.Path);
        if (call.Raw is { } raw)
        {
            req.Content = new ByteArrayContent(raw.Bytes);
            foreach (var (name, value) in raw.Headers)
            {
                req.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }
        else if (call.Body is not null)
        {
            req.Content = new StringContent(call.Body as string ?? System.Text.Json.JsonSerializer.Serialize(call.Body, System.Text.Json.JsonSerializerOptions.Web), System.Text.Encoding.UTF8, "application/json");
        }

        using var res = await client.SendAsync(req);
        var text = await res.Content.ReadAsStringAsync();
        var type = res.Content.Headers.ContentType?.MediaType;
        return ((int)res.StatusCode, type is "application/json" or "application/problem+json" && text.Length > 0 ? JsonNode.Parse(text) : null, type);
    }
}
