using System.Globalization;
using System.Text.Json.Nodes;

namespace Likeness.Tests.Support.Fuzz;

/// <summary>
/// The cast the fuzz cases act on, created over HTTP: performers (one with consent and licences, one whose records the
/// cases may change, one dead), the people around them, a studio with licences in each state, renders, and one valid
/// request per route (<see cref="Routes"/>). Targets are chosen so that a valid body is refused only after it is
/// validated (an approved request to approve again): a mutation that turns out valid then changes nothing.
/// </summary>
public sealed class FuzzCast
{
    private const string Description =
        "Dubbing of the character Captain Iris Vale into Japanese for the video game Skyward Tides, in-game dialogue and cut-scenes only, new lines approved by the performer.";

    private const string Hex = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private readonly ILikenessEndpoint _server;
    private readonly DateTimeOffset _now;
    private readonly Dictionary<string, string> _ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _keys = new(StringComparer.Ordinal);

    private FuzzCast(ILikenessEndpoint server, DateTimeOffset now)
    {
        _server = server;
        _now = now;
    }

    /// <summary>One valid example per route the cast can reach.</summary>
    public IReadOnlyList<RouteExample> Routes { get; private set; } = [];

    /// <summary>Creates the cast on <paramref name="server"/>, whose clock reads <paramref name="now"/>.</summary>
    public static async Task<FuzzCast> CreateAsync(ILikenessEndpoint server, DateTimeOffset now)
    {
        var cast = new FuzzCast(server, now);
        await cast.SetUpAsync();
        return cast;
    }

    private string Id(string name) => _ids[name];

    private string Key(string name) => _keys[name];

    private async Task<JsonNode> Call(string who, string method, string path, object? body, int expected)
    {
        var (status, answer) = await _server.Client(who == "operator" ? _server.OperatorKey : Key(who)).SendAsync(new HttpMethod(method), path, body);
        return status == expected ? answer ?? new JsonObject() : throw new InvalidOperationException($"Setting up the fuzz cast: {method} {path} got {status}: {answer?.ToJsonString()}");
    }

    private async Task Party(string name, string kind, params string[] represents)
    {
        var p = await Call("operator", "POST", "/v1/parties", new { kind, name = "Fuzz " + name, represents = represents.Select(Id).ToArray() }, 201);
        _ids[name] = p["id"]!.GetValue<string>();
        _keys[name] = p["apiKey"]!.GetValue<string>();
    }

    /// <summary>A fresh ECDSA P-256 public key as a JWK.</summary>
    private static JsonObject Jwk()
    {
        using var key = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        var q = key.ExportParameters(false).Q;
        return new JsonObject { ["kty"] = "EC", ["crv"] = "P-256", ["x"] = System.Buffers.Text.Base64Url.EncodeToString(q.X), ["y"] = System.Buffers.Text.Base64Url.EncodeToString(q.Y) };
    }

    private JsonObject Use() => new()
    {
        ["modality"] = "voice",
        ["purposes"] = new JsonArray("videoGame", "dubbing"),
        ["territories"] = new JsonArray("JP", "EU"),
        ["languages"] = new JsonArray("ja", "en"),
        ["from"] = _now.AddDays(-1).ToString("O", CultureInfo.InvariantCulture),
        ["to"] = _now.AddDays(365).ToString("O", CultureInfo.InvariantCulture),
        ["maxSecondsPerDeliverable"] = 60,
        ["maxSyntheticSeconds"] = 360000,
        ["maxRenders"] = 100000,
        ["contentCategories"] = new JsonArray("violence"),
        ["derivation"] = "newPerformance",
        ["realtime"] = false,
    };

    private static JsonObject Money(long minor) => new() { ["currency"] = "USD", ["minor"] = minor };

    private static JsonObject Compensation() => new()
    {
        ["perRender"] = Money(2500),
        ["perSecond"] = Money(150),
        ["minimumGuarantee"] = Money(100000),
        ["realtimeFactorBps"] = 15000,
        ["purposeFactors"] = new JsonArray(new JsonObject { ["purpose"] = "videoGame", ["factorBps"] = 12000 }),
        ["territoryFactors"] = new JsonArray(new JsonObject { ["territory"] = "JP", ["factorBps"] = 11000 }),
    };

    private JsonObject Request(string performer) => new()
    {
        ["performerId"] = Id(performer),
        ["project"] = "Skyward Tides",
        ["description"] = Description,
        ["uses"] = new JsonArray(Use()),
        ["compensation"] = Compensation(),
    };

    /// <summary>A plan: a short screenplay with one character cast to the performer, and what its requests ask for.</summary>
    private JsonObject Plan() => new()
    {
        ["project"] = "Skyward Tides",
        ["screenplay"] = "Title: Skyward Tides\n\nINT. BRIDGE - NIGHT\n\nIris grips the wheel.\n\nIRIS\nHold the course.\n\n[[tier: emulator for IRIS]]\n",
        ["cast"] = new JsonObject { ["IRIS"] = Id("performer"), ["MATE"] = null },
        ["release"] = new JsonObject
        {
            ["purposes"] = new JsonArray("videoGame"),
            ["territories"] = new JsonArray("JP"),
            ["languages"] = new JsonArray("ja"),
            ["from"] = _now.AddDays(-1).ToString("O", CultureInfo.InvariantCulture),
            ["to"] = _now.AddDays(365).ToString("O", CultureInfo.InvariantCulture),
        },
        ["compensation"] = new JsonObject { ["perSecond"] = new JsonObject { ["currency"] = "USD", ["minor"] = 150 } },
        ["rules"] = new JsonArray(new JsonObject
        {
            ["id"] = "studio/bridge",
            ["scope"] = "scene",
            ["tier"] = "human",
            ["description"] = "The bridge set is built.",
            ["anyKeyword"] = new JsonArray("BRIDGE"),
            ["modalities"] = new JsonArray(),
            ["minWords"] = 0,
        }),
        ["wordsPerMinute"] = 150,
    };

    private JsonObject RenderBody() => new()
    {
        ["licenseId"] = Id("licence"),
        ["modality"] = "voice",
        ["purpose"] = "dubbing",
        ["territory"] = "JP",
        ["language"] = "ja",
        ["requestedSeconds"] = 10,
        ["contentCategories"] = new JsonArray(),
        ["prompt"] = "Captain Vale orders the crew to raise the sails.",
        ["derivation"] = "newPerformance",
        ["deliverable"] = "line-0001",
        ["realtime"] = false,
    };

    private static JsonObject Consent() => (JsonObject)JsonNode.Parse("""
        {
          "permission": [
            { "uid": "games", "action": "render",
              "constraint": [
                { "leftOperand": "modality", "operator": "isAnyOf", "rightOperand": ["voice", "face"] },
                { "leftOperand": "purpose", "operator": "isAnyOf", "rightOperand": ["videoGame", "dubbing"] },
                { "leftOperand": "spatial", "operator": "isA", "rightOperand": "WORLD" },
                { "leftOperand": "language", "operator": "isA", "rightOperand": "ja" },
                { "leftOperand": "elapsedTime", "operator": "lteq", "rightOperand": "PT60S" } ],
              "duty": [ { "action": "inform" },
                { "action": "obtainConsent", "constraint": [ { "leftOperand": "contentCategory", "operator": "isAnyOf", "rightOperand": ["religious"] } ] } ] }
          ],
          "prohibition": [
            { "uid": "no-politics", "action": "render",
              "constraint": [ { "leftOperand": "contentCategory", "operator": "isAnyOf", "rightOperand": ["political", "sexual"] } ] }
          ]
        }
        """)!;

    private async Task<string> RequestAsync(string performer) =>
        (await Call("studio", "POST", "/v1/license-requests", Request(performer), 201))["id"]!.GetValue<string>();

    private async Task<string> LicenceAsync(string performer)
    {
        var request = await RequestAsync(performer);
        return (await Call(performer, "POST", $"/v1/license-requests/{request}/approve", new { note = "ok" }, 201))["id"]!.GetValue<string>();
    }

    private async Task<string> RenderAsync(bool complete)
    {
        var r = await Call("studio", "POST", "/v1/renders", RenderBody(), 201);
        var id = r["renderId"]!.GetValue<string>();
        if (complete)
        {
            await Call("studio", "POST", $"/v1/renders/{id}/complete", new { actualSeconds = 5, outputSha256 = Hex }, 200);
        }

        return id;
    }

    /// <summary>A studio's endpoint with one delivery in its log (a test event), and a deleted endpoint.</summary>
    private async Task WebhooksAsync()
    {
        var hook = new { url = "https://hooks.example.com/fuzz", events = new[] { "statement.closed" } };
        _ids["webhook"] = (await Call("studio", "POST", "/v1/webhooks", hook, 201))["id"]!.GetValue<string>();
        _ids["deleted webhook"] = (await Call("studio", "POST", "/v1/webhooks", hook, 201))["id"]!.GetValue<string>();
        await Call("studio", "DELETE", $"/v1/webhooks/{Id("deleted webhook")}", null, 200);
        await Call("studio", "POST", $"/v1/webhooks/{Id("webhook")}/test", new { }, 202);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var log = await Call("studio", "GET", $"/v1/webhooks/{Id("webhook")}/deliveries", null, 200);
            if (log["items"]!.AsArray().FirstOrDefault() is { } delivery)
            {
                _ids["delivery"] = delivery["id"]!.GetValue<string>();
                return;
            }

            _ = DateTime.UtcNow < deadline ? 0 : throw new InvalidOperationException("Setting up the fuzz cast: the test event was never fanned out.");
            await Task.Delay(20); // polls: the outbox is fanned out in the background
        }
    }

    private async Task SetUpAsync()
    {
        await Party("performer", "performer");
        await Party("changeable", "performer");
        await Party("mortal", "performer");
        await Party("representative", "representative");
        await Party("signer", "performer");
        foreach (var principal in new[] { "performer", "changeable" })
        {
            await Call(principal, "POST", $"/v1/performers/{Id(principal)}/representatives", new { party = Id("representative"), role = "agent", powers = new[] { "consent", "approve" } }, 201);
        }

        await Party("studio", "studio");
        await Party("union", "union", "performer");
        await Party("guild", "union", "changeable");
        await Party("auditor", "auditor");
        await Party("estate", "estate", "performer", "mortal");
        await Call("operator", "POST", $"/v1/performers/{Id("mortal")}/death", new { diedOn = Day(-30) }, 200);
        await Call("performer", "PUT", $"/v1/performers/{Id("performer")}/consent", Consent(), 200);
        await Call("changeable", "PUT", $"/v1/performers/{Id("changeable")}/consent", Consent(), 200);

        var approved = await RequestAsync("performer");
        _ids["approved request"] = approved;
        _ids["licence"] = (await Call("performer", "POST", $"/v1/license-requests/{approved}/approve", new { note = "ok" }, 201))["id"]!.GetValue<string>();
        _ids["open request"] = await RequestAsync("changeable");
        _ids["suspended licence"] = await LicenceAsync("performer");
        await Call("performer", "POST", $"/v1/licenses/{Id("suspended licence")}/suspend", new { }, 200);
        _ids["revoked licence"] = await LicenceAsync("performer");
        await Call("performer", "POST", $"/v1/licenses/{Id("revoked licence")}/revoke", new { noticeDays = 0 }, 200);
        _ids["plan"] = (await Call("studio", "POST", "/v1/plans", Plan(), 201))["id"]!.GetValue<string>();
        _ids["completed render"] = await RenderAsync(complete: true);
        _ids["open render"] = await RenderAsync(complete: false);
        await WebhooksAsync();
        Routes = Examples();
    }

    private string Day(int days) => _now.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private string Month(int months) => _now.AddMonths(months).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static string Time(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>A page cursor as the server writes one: base64url of the key (a version, an id, or ticks, a bar and an id).</summary>
    private static string Cursor(string key) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(key)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string Cursor(DateTimeOffset at, string id) => Cursor(at.UtcTicks.ToString(CultureInfo.InvariantCulture) + "|" + id);

    private static QueryParam Q(string name, string value, QueryKind kind, bool required = false) => new(name, value, kind, required);

    private List<RouteExample> Examples()
    {
        var refused = new[] { 409 };
        var limit = Q("limit", "10", QueryKind.Number);
        var asset = JsonNode.Parse($$"""
            {"name":"Studio voice scan","modality":"voice","tier":"behavioralEmulator","sha256":"{{Hex}}","sizeBytes":1048576,
             "provenance":[{"source":"Session recordings 2025","licence":"CC-BY-4.0","sha256":"{{Hex}}"}]}
            """);
        var counter = new JsonObject
        {
            ["uses"] = new JsonArray(Use()),
            ["compensation"] = Compensation(),
            ["project"] = "Skyward Tides II",
            ["description"] = Description,
            ["note"] = "Longer window, same rate.",
            ["rateOverride"] = false,
        };
        var splits = new JsonObject
        {
            ["payees"] = new JsonArray(new JsonObject { ["party"] = Id("representative"), ["role"] = "agent", ["shareBps"] = 1000 }),
            ["heirs"] = new JsonArray(new JsonObject { ["party"] = Id("estate"), ["shareBps"] = 10000 }),
            ["pensionAndHealth"] = new JsonObject { ["union"] = Id("guild"), ["rateBps"] = 500 },
        };
        var rates = new JsonObject
        {
            ["version"] = "fuzz-1",
            ["rates"] = new JsonArray(new JsonObject { ["purpose"] = "videoGame", ["modality"] = "voice", ["perRender"] = Money(1), ["perSecond"] = Money(1) }),
        };
        RouteExample E(string method, string template, string? who, string? id = null, JsonNode? body = null, IReadOnlyList<QueryParam>? query = null, int[]? ok = null, bool emptyOk = false, string? asset = null) => new()
        {
            Method = method,
            Template = template,
            Key = who is null ? null : who == "operator" ? _server.OperatorKey : Key(who),
            Id = id,
            Values = asset is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["asset"] = asset },
            Body = body,
            Query = query ?? [],
            ValidStatuses = ok ?? (method == "GET" ? [200] : [200, 201]),
            EmptyBodyOk = emptyOk,
        };
        var note = () => new JsonObject { ["note"] = "Checked against the script." };
        var reason = () => new JsonObject { ["reason"] = "Strike action." };
        return
        [
            E("POST", "/v1/parties", "operator", body: new JsonObject { ["kind"] = "union", ["name"] = "Fuzz Guild", ["represents"] = new JsonArray(Id("changeable")) }, ok: [201]),

            // The signer's first key is registered by the valid example; every later one must be signed (403 unsigned).
            E("POST", "/v1/parties/{id}/keys", "signer", Id("signer"), new JsonObject { ["jwk"] = Jwk() }, ok: [201, 403]),
            E("GET", "/v1/parties/{id}/keys", "signer", Id("signer")),
            E("POST", "/v1/parties/{id}/keys/revoke", "studio", Id("studio"), new JsonObject { ["kid"] = "no-such-key" }, ok: [404]),
            E("POST", "/v1/performers/{id}/representatives", "changeable", Id("changeable"), new JsonObject
            {
                ["party"] = Id("representative"), ["role"] = "agent", ["powers"] = new JsonArray("consent", "approve"), ["until"] = Time(_now.AddYears(5)),
            }, ok: [201]),
            E("GET", "/v1/performers/{id}/representatives", "performer", Id("performer")),
            E("POST", "/v1/performers/{id}/representatives/remove", "performer", Id("performer"), new JsonObject { ["party"] = Id("studio") }, ok: [404]),
            E("GET", "/v1/parties/{id}", "operator", Id("performer")),
            E("POST", "/v1/performers/{id}/death", "operator", Id("mortal"), new JsonObject { ["diedOn"] = Day(-10) }, ok: refused),
            E("POST", "/v1/performers/{id}/assets", "changeable", Id("changeable"), asset, ok: [201]),
            E("GET", "/v1/performers/{id}/assets", "performer", Id("performer")),
            new RouteExample
            {
                Method = "PUT", Template = "/v1/performers/{id}/consent", Key = Key("changeable"), Id = Id("changeable"), Body = Consent(), OwnParser = true,
            },
            E("GET", "/v1/performers/{id}/consent", "performer", Id("performer"), query: [Q("format", "json", QueryKind.Code)]),
            E("GET", "/v1/performers/{id}/consent/versions", "performer", Id("performer"), query: [limit, Q("cursor", Cursor("9"), QueryKind.Opaque)]),
            E("GET", "/v1/performers/{id}/caps", "performer", Id("performer")),
            E("GET", "/v1/me", "studio"),
            E("GET", "/v1/me/performers", "representative", query: [limit, Q("cursor", Cursor("prf_0"), QueryKind.Opaque)]),
            E("GET", "/v1/license-requests", "studio", query: [Q("status", "pending", QueryKind.Code), limit, Q("cursor", Cursor(_now.AddYears(-1), "lrq_0"), QueryKind.Opaque)]),
            E("GET", "/v1/licenses", "studio", query:
            [
                Q("status", "active", QueryKind.Code), Q("expiringBefore", Time(_now.AddDays(400)), QueryKind.Time), limit,
                Q("cursor", Cursor(_now.AddYears(-1), "lic_0"), QueryKind.Opaque),
            ]),
            E("GET", "/v1/renders", "studio", query:
            [
                Q("status", "completed", QueryKind.Code), Q("since", Time(_now.AddDays(-1)), QueryKind.Time), limit,
                Q("cursor", Cursor(_now.AddYears(-1), "rnd_0"), QueryKind.Opaque),
            ]),
            E("POST", "/v1/license-requests", "studio", body: Request("changeable"), ok: [201]),
            E("GET", "/v1/license-requests/{id}", "studio", Id("approved request")),
            E("POST", "/v1/license-requests/{id}/approve", "performer", Id("approved request"),
                new JsonObject { ["note"] = "Approved as written.", ["attestation"] = new JsonObject { ["by"] = "counsel", ["name"] = "Jo Marsh", ["opinionSha256"] = new string('a', 64) }, ["rateOverride"] = false }, ok: refused, emptyOk: true),
            E("POST", "/v1/license-requests/{id}/veto", "performer", Id("approved request"), new JsonObject { ["reason"] = "Not this project." }, ok: refused),
            new RouteExample
            {
                Method = "POST", Template = "/v1/license-requests/{id}/counter", Key = Key("changeable"), Id = Id("open request"), Body = counter,
                Renew = () => RequestAsync("changeable"),
            },
            E("POST", "/v1/license-requests/{id}/accept", "studio", Id("approved request"), note(), ok: refused, emptyOk: true),
            E("GET", "/v1/licenses/{id}", "studio", Id("licence")),
            E("POST", "/v1/licenses/{id}/suspend", "performer", Id("suspended licence"), reason(), ok: refused, emptyOk: true),
            E("POST", "/v1/licenses/{id}/resume", "performer", Id("licence"), reason(), ok: refused, emptyOk: true),
            E("POST", "/v1/licenses/{id}/revoke", "performer", Id("revoked licence"), new JsonObject { ["noticeDays"] = 30 }, ok: refused),
            E("POST", "/v1/licenses/{id}/estate-consent", "estate", Id("licence"), reason(), ok: [403], emptyOk: true),
            E("GET", "/v1/licenses/{id}/usage", "studio", Id("licence"), query: [limit]),
            E("GET", "/v1/performers/{id}/usage", "performer", Id("performer"), query: [limit]),
            E("POST", "/v1/renders", "studio", body: RenderBody(), ok: [201]),
            E("GET", "/v1/renders/{id}", "studio", Id("open render")),
            E("POST", "/v1/renders/{id}/complete", "studio", Id("completed render"), new JsonObject { ["actualSeconds"] = 1.5m, ["outputSha256"] = Hex }, ok: refused),
            E("POST", "/v1/renders/{id}/cancel", "studio", Id("completed render"), note(), ok: refused, emptyOk: true),
            E("POST", "/v1/renders/{id}/approve", "performer", Id("completed render"), note(), ok: refused, emptyOk: true),
            E("POST", "/v1/renders/{id}/reject", "performer", Id("completed render"), note(), ok: refused, emptyOk: true),
            E("PUT", "/v1/performers/{id}/splits", "changeable", Id("changeable"), splits),
            E("GET", "/v1/performers/{id}/splits", "performer", Id("performer")),
            E("PUT", "/v1/unions/{id}/rates", "operator", Id("guild"), rates),
            E("GET", "/v1/unions/{id}/rates", "union", Id("union"), ok: [200, 404]),
            E("GET", "/v1/statements", "performer", query: [Q("party", Id("performer"), QueryKind.Id, true), Q("period", Month(0), QueryKind.Period, true), Q("format", "json", QueryKind.Code)]),
            E("POST", "/v1/statements/close", "operator", body: new JsonObject { ["period"] = Month(0) }, ok: refused),
            E("GET", "/v1/statements/verify", "auditor", query: [Q("period", Month(-1), QueryKind.Period, true)], ok: [409]),
            E("POST", "/v1/webhooks", "studio", body: new JsonObject { ["url"] = "https://hooks.example.com/fuzz", ["events"] = new JsonArray("statement.closed") }, ok: [201, 409]),
            E("GET", "/v1/webhooks", "studio"),
            E("GET", "/v1/webhooks/{id}", "studio", Id("webhook")),
            E("DELETE", "/v1/webhooks/{id}", "studio", Id("deleted webhook"), new JsonObject(), ok: [404], emptyOk: true),
            E("POST", "/v1/webhooks/{id}/rotate-secret", "studio", Id("webhook"), new JsonObject(), emptyOk: true),
            E("POST", "/v1/webhooks/{id}/test", "studio", Id("webhook"), new JsonObject(), ok: [202], emptyOk: true),
            E("GET", "/v1/webhooks/{id}/deliveries", "studio", Id("webhook"), query: [limit, Q("cursor", Cursor(_now.AddYears(-1), "dlv_0"), QueryKind.Opaque)]),
            E("POST", "/v1/webhook-deliveries/{id}/replay", "studio", Id("delivery"), new JsonObject(), ok: [202], emptyOk: true),
            E("GET", "/v1/ledger/key", null),

            // A studio may not rotate the key: the body is still read first, and no case may change the key.
            E("POST", "/v1/ledger/key/rotate", "studio", body: new JsonObject(), ok: [403], emptyOk: true),
            E("GET", "/v1/ledger/checkpoint", null),
            E("GET", "/v1/ledger/entries/{id}", "auditor", "0"),
            E("GET", "/v1/ledger/proofs/inclusion", null, query: [Q("index", "0", QueryKind.Number, true), Q("treeSize", "1", QueryKind.Number)], ok: [200, 400, 404, 409]),
            E("GET", "/v1/ledger/proofs/consistency", null, query: [Q("from", "1", QueryKind.Number, true), Q("to", "1", QueryKind.Number)], ok: [200, 400, 404, 409]),
            E("GET", "/v1/ledger/tile/{path}", "auditor", "0/000.p/1", ok: [200, 404]),

            // Provenance: a claim that is not a Likeness claim is refused after it is read; the watermark look-up is limited per address.
            E("GET", "/v1/provenance/trust-anchors", null),
            E("POST", "/v1/renders/{id}/credential", "studio", Id("open render"), new JsonObject { ["claim"] = "AAAA", ["assertions"] = "AAAA", ["signatureLength"] = 1024 }, ok: [400, 409]),
            E("GET", "/v1/provenance/watermarks/{token}", null, "0000000000000001", ok: [404, 429]),
            E("POST", "/v1/provenance/identify", null, body: new JsonObject { ["fingerprint"] = Convert.ToBase64String(new byte[48]) }, ok: [200, 429]),
            E("GET", "/v1/performers/{id}/valuation", "performer", Id("performer"), ok: [200, 400]),

            // Plans: the studio's own; a version or a request sent from it is a real change, as a new plan is.
            E("POST", "/v1/plans", "studio", body: Plan(), ok: [201]),
            E("GET", "/v1/plans/{id}", "studio", Id("plan"), query: [Q("version", "1", QueryKind.Number)]),
            E("POST", "/v1/plans/{id}/versions", "studio", Id("plan"), new JsonObject { ["screenplay"] = "INT. DECK - DAY\n\nIRIS\nAll hands.\n", ["wordsPerMinute"] = 160 }, ok: [201, 409]),
            E("GET", "/v1/plans/{id}/changes", "studio", Id("plan"), query: [Q("from", "1", QueryKind.Number), Q("to", "1", QueryKind.Number)]),
            E("GET", "/v1/plans/{id}/drafts", "studio", Id("plan"), query: [Q("version", "1", QueryKind.Number)]),
            E("POST", "/v1/plans/{id}/requests", "studio", Id("plan"), new JsonObject { ["performerId"] = Id("performer"), ["version"] = 1 }, ok: [201]),

            // Strikes: the studio may not declare one (refused after the body is read); no strike has the id asked for.
            E("POST", "/v1/unions/{id}/strikes", "studio", Id("guild"), new JsonObject { ["studio"] = Id("studio"), ["from"] = Time(_now.AddDays(1)) }, ok: [403, 404]),
            E("GET", "/v1/unions/{id}/strikes", "union", Id("union")),
            E("GET", "/v1/strikes/{id}", "union", "stk_0", ok: [404]),
            E("POST", "/v1/strikes/{id}/waivers", "union", "stk_0", new JsonObject { ["project"] = "Skyward Tides" }, ok: [404]),
            E("POST", "/v1/strikes/{id}/end", "union", "stk_0", new JsonObject { ["reason"] = "Agreement reached." }, ok: [404], emptyOk: true),
            E("POST", "/v1/performers/{id}/post-mortem-term/renew", "estate", Id("performer"), new JsonObject(), ok: [403, 404, 409], emptyOk: true),
            E("PUT", "/v1/post-mortem-terms", "operator", null, new JsonObject
            {
                ["rules"] = new JsonArray(
                    new JsonObject { ["jurisdiction"] = "default", ["initialYears"] = 10, ["renewalYears"] = 5, ["maximumYears"] = 70, ["evidenceYears"] = 2 },
                    new JsonObject { ["jurisdiction"] = "US-CA", ["initialYears"] = 70, ["renewalYears"] = 0, ["maximumYears"] = 70, ["evidenceYears"] = 0 }),
            }),
            E("GET", "/v1/post-mortem-terms", "studio"),

            // The custody vault: no asset has the id asked for, so every valid request is refused after it is read.
            E("PUT", "/v1/performers/{id}/assets/{asset}/content", "studio", Id("performer"), new JsonObject(), ok: [400, 403, 404, 411, 415], emptyOk: true, asset: "ast_0"),
            E("GET", "/v1/performers/{id}/assets/{asset}/content/upload", "performer", Id("performer"), ok: [404], asset: "ast_0"),
            E("GET", "/v1/performers/{id}/assets/{asset}/content", "performer", Id("performer"), ok: [404], asset: "ast_0"),
            E("POST", "/v1/performers/{id}/assets/{asset}/shred", "performer", Id("performer"), new JsonObject { ["reason"] = "She asked." }, ok: [404], emptyOk: true, asset: "ast_0"),
            E("POST", "/v1/performers/{id}/assets/{asset}/lineage", "performer", Id("performer"), new JsonObject
            {
                ["sources"] = new JsonArray(new JsonObject { ["kind"] = "recording", ["name"] = "Session 1", ["sha256"] = Hex, ["capturedAt"] = Time(_now.AddDays(-2)) }),
            }, ok: [404], asset: "ast_0"),
            E("GET", "/v1/assets/{id}/lineage", "performer", "ast_0", ok: [404]),
            E("POST", "/v1/renders/{id}/asset-grants", "studio", Id("completed render"), new JsonObject { ["asset"] = "ast_0" }, ok: [404, 409]),
            E("GET", "/v1/asset-downloads/{id}", "studio", "agt_0", ok: [404, 410]),
            E("GET", "/v1/performers/{id}/asset-releases", "performer", Id("performer")),
            E("POST", "/v1/asset-grants/{id}/deletion", "studio", "agr_0", new JsonObject(), ok: [404], emptyOk: true),
        ];
    }
}
