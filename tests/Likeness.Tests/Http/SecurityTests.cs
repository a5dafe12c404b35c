using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Likeness.Application.Ports;
using Likeness.Storage.Relational;
using Likeness.Tests.Support;
using Xunit;

namespace Likeness.Tests.Http;

/// <summary>Issue 12's findings, each pinned: secrets kept secret, no 5xx for the inputs that gave one, HTTP hygiene.</summary>
public abstract class SecurityTests(Provider provider) : WorldTests(provider)
{
    private static async Task<(int Status, JsonNode? Body, HttpResponseMessage Response)> RawAsync(HttpClient c, HttpMethod method, string path, string? body, string contentType = "application/json", string? idempotencyKey = null)
    {
        using var req = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            req.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            req.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        if (idempotencyKey is not null)
        {
            req.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        var res = await c.SendAsync(req);
        var text = await res.Content.ReadAsStringAsync();
        return ((int)res.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text), res);
    }

    private static void AssertProblem(int expected, (int Status, JsonNode? Body, HttpResponseMessage Response) answer, string? field = null)
    {
        Assert.True(expected == answer.Status, $"expected {expected}, got {answer.Status}: {answer.Body?.ToJsonString()}");
        Assert.Equal("application/problem+json", answer.Response.Content.Headers.ContentType?.MediaType);
        var text = answer.Body!.ToJsonString();
        Assert.DoesNotMatch(@"Likeness\.[A-Z]|System\.[A-Z]|Exception|   at ", text);
        if (field is not null)
        {
            Assert.Equal(field, answer.Body["field"]?.GetValue<string>());
        }
    }

    [Fact]
    public async Task A_replayed_party_creation_answers_the_party_without_its_key()
    {
        var op = W.As(W.Operator);
        var first = await op.SendAsync(HttpMethod.Post, "/v1/parties", new { kind = "studio", name = "Replay Pictures" }, "create-replay");
        Assert.Equal(201, first.Status);
        var key = first.Body!["apiKey"]!.GetValue<string>();
        Assert.StartsWith("lk_", key, StringComparison.Ordinal);

        var again = await op.SendAsync(HttpMethod.Post, "/v1/parties", new { kind = "studio", name = "Replay Pictures" }, "create-replay");
        Assert.Equal(201, again.Status);
        Assert.Equal(first.Body["id"]!.GetValue<string>(), again.Body!["id"]!.GetValue<string>());
        Assert.Null(again.Body["apiKey"]);
        Assert.True(again.Body["apiKeyShownOnce"]!.GetValue<bool>());
        Assert.DoesNotContain(key, again.Body.ToJsonString(), StringComparison.Ordinal);

        // The key still works: it was kept hashed, not lost.
        Assert.Equal(200, (await Server.Client(key).GetJsonAsync($"/v1/parties/{first.Body["id"]}")).Status);
    }

    [Fact]
    public async Task An_idempotency_key_is_forgotten_after_the_retention_and_swept()
    {
        var op = W.As(W.Operator);
        var first = await op.SendAsync(HttpMethod.Post, "/v1/parties", new { kind = "studio", name = "Old Key Films" }, "old-key");
        Assert.Equal(201, first.Status);
        Server.Clock.Advance(TimeSpan.FromDays(7) - TimeSpan.FromSeconds(1));
        var within = await op.SendAsync(HttpMethod.Post, "/v1/parties", new { kind = "studio", name = "Old Key Films" }, "old-key");
        Assert.Equal(first.Body!["id"]!.GetValue<string>(), within.Body!["id"]!.GetValue<string>());

        Server.Clock.Advance(TimeSpan.FromSeconds(2));
        var after = await op.SendAsync(HttpMethod.Post, "/v1/parties", new { kind = "studio", name = "Old Key Films" }, "old-key");
        Assert.Equal(201, after.Status);
        Assert.NotEqual(first.Body["id"]!.GetValue<string>(), after.Body!["id"]!.GetValue<string>());
        Assert.NotNull(after.Body["apiKey"]);

        // The sweeper's work: every record older than the retention goes; the one just made stays.
        Server.Clock.Advance(TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1));
        Assert.Equal(0, await Server.Server.Core.Mutations.ExpireKeysAsync());
        var left = await Store.ReadAsync(s => s.GetIdempotency(OperatorScope(s), "old-key"));
        Assert.NotNull(left);
        Server.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await Server.Server.Core.Mutations.ExpireKeysAsync());
        Assert.Null(await Store.ReadAsync(s => s.GetIdempotency(OperatorScope(s), "old-key")));
    }

    private static string OperatorScope(IStoreSession s) => s.GetPartyByKeyHash(s.GetSetting("operator_key_hash")!)!.Id;

    [Fact]
    public async Task A_prompt_is_kept_only_as_its_hash_and_the_classifiers_verdict()
    {
        const string prompt = "Captain Vale whispers the confidential twist: the navigator will kill the admiral at dawn.";
        var studio = W.As(W.Studio);
        var (status, pending) = await studio.PostAsync("/v1/renders", World.RenderBody(W.LicenseId, 10, prompt: prompt));
        Assert.Equal(202, status);
        var id = pending!["renderId"]!.GetValue<string>();
        var stored = await Store.ReadAsync(s => s.GetRender(id))!;
        Assert.DoesNotContain("confidential", stored!.RequestJson, StringComparison.Ordinal);
        var recorded = JsonNode.Parse(stored.RequestJson)!;
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(prompt))), recorded["promptSha256"]!.GetValue<string>());
        Assert.Equal("violence", recorded["promptCategories"]![0]!.GetValue<string>());

        // The performer side approves: the verdict is decided again without the prompt, and the render is reserved.
        var (approved, render) = await W.As(W.Performer).PostAsync($"/v1/renders/{id}/approve");
        Assert.Equal(200, approved);
        Assert.Equal("authorized", render!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Routes_that_answered_500_answer_a_400_naming_the_field()
    {
        var anyone = Server.Client(null);
        var tile = await RawAsync(anyone, HttpMethod.Get, "/v1/ledger/tile/0/x999/x999/x999/x999/x999/x999/x999/999", null);
        AssertProblem(400, tile, "path");
        Assert.Equal("invalid_tile_path", tile.Body!["code"]!.GetValue<string>());

        var statement = await RawAsync(W.As(W.Operator), HttpMethod.Get, $"/v1/statements?party={W.Performer.Id}&period=9999-12", null);
        AssertProblem(400, statement, "period");

        var performer = W.As(W.Performer);
        var consent = await RawAsync(performer, HttpMethod.Put, $"/v1/performers/{W.Performer.Id}/consent",
            """{"permission":[{"uid":"a\ud800b","action":"render"}]}""");
        AssertProblem(400, consent, "$.permission[0].uid");
        Assert.Equal("invalid_text", consent.Body!["code"]!.GetValue<string>());
    }

    public static TheoryData<string, string, string> NullsInArrays() => new()
    {
        { "/v1/license-requests", """{"performerId":"P","project":"p","description":"d","uses":[null]}""", "$.uses[0]" },
        { "/v1/license-requests", """{"performerId":"P","project":"p","description":"d","uses":[{"modality":"voice","purposes":["dubbing"],"territories":["JP",null],"languages":["ja"],"from":"2026-01-01T00:00:00Z","to":"2027-01-01T00:00:00Z"}]}""", "$.uses[0].territories[1]" },
        { "/v1/license-requests", """{"performerId":"P","project":"p","description":"d","uses":[{"modality":"voice","purposes":["dubbing"],"territories":["JP"],"languages":[null],"from":"2026-01-01T00:00:00Z","to":"2027-01-01T00:00:00Z"}]}""", "$.uses[0].languages[0]" },
        { "/v1/renders", """{"licenseId":"L","modality":"voice","purpose":"dubbing","territory":"JP","language":"ja","requestedSeconds":1,"contentCategories":[null]}""", "$.contentCategories[0]" },
        { "/v1/parties", """{"kind":"representative","name":"n","represents":[null]}""", "$.represents[0]" },
    };

    [Theory]
    [MemberData(nameof(NullsInArrays))]
    public async Task A_null_inside_an_array_is_a_400_naming_it(string path, string body, string field)
    {
        var caller = path switch { "/v1/parties" => W.As(W.Operator), _ => W.As(W.Studio) };
        var before = await LedgerSizeAsync();
        AssertProblem(400, await RawAsync(caller, HttpMethod.Post, path, body), field);
        Assert.Equal(before, await LedgerSizeAsync());
    }

    [Fact]
    public async Task Nulls_in_the_royalty_and_asset_arrays_are_400s_too()
    {
        var performer = W.As(W.Performer);
        AssertProblem(400, await RawAsync(performer, HttpMethod.Post, $"/v1/performers/{W.Performer.Id}/assets", """{"name":"Voice","modality":"voice","tier":"behavioralEmulator","provenance":[null]}"""), "$.provenance[0]");
        AssertProblem(400, await RawAsync(performer, HttpMethod.Put, $"/v1/performers/{W.Performer.Id}/splits", """{"payees":[null]}"""), "$.payees[0]");
        AssertProblem(400, await RawAsync(performer, HttpMethod.Put, $"/v1/performers/{W.Performer.Id}/splits", """{"heirs":[null]}"""), "$.heirs[0]");
        AssertProblem(400, await RawAsync(W.As(W.Operator), HttpMethod.Put, $"/v1/unions/{W.Union.Id}/rates", """{"version":"2026","rates":[null]}"""), "$.rates[0]");
        AssertProblem(400, await RawAsync(W.As(W.Studio), HttpMethod.Post, "/v1/license-requests",
            """{"performerId":"P","project":"p","description":"d","uses":[],"compensation":{"purposeFactors":[null],"territoryFactors":[null]}}"""), "$.compensation.purposeFactors[0]");
    }

    [Theory]
    [InlineData("Mara\u0000Quinn", "invalid_text")]
    [InlineData("Mara\u0007Quinn", "invalid_text")]
    [InlineData("Mara\u009BQuinn", "invalid_text")]
    [InlineData("Mara\u202EnniuQ", "invalid_text")]
    [InlineData("Mara\u2066Quinn", "invalid_text")]
    [InlineData("Mara\nQuinn", "invalid_text")]
    public async Task Control_characters_and_bidirectional_overrides_are_refused_in_names(string name, string code)
    {
        var before = await LedgerSizeAsync();
        var answer = await RawAsync(W.As(W.Operator), HttpMethod.Post, "/v1/parties", new JsonObject { ["kind"] = "performer", ["name"] = name }.ToJsonString());
        AssertProblem(400, answer);
        Assert.Equal(code, answer.Body!["code"]!.GetValue<string>());
        Assert.Equal(before, await LedgerSizeAsync());
    }

    [Fact]
    public async Task A_description_may_hold_line_breaks_but_not_other_controls()
    {
        var studio = W.As(W.Studio);
        var body = (string description) => new JsonObject
        {
            ["performerId"] = W.Performer.Id,
            ["project"] = "Skyward Tides",
            ["description"] = description,
            ["uses"] = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(new[] { World.Use() })),
        }.ToJsonString();
        Assert.Equal(201, (await RawAsync(studio, HttpMethod.Post, "/v1/license-requests", body(World.Description + "\nSecond paragraph.\tTabbed."))).Status);
        AssertProblem(400, await RawAsync(studio, HttpMethod.Post, "/v1/license-requests", body(World.Description + "\u0000")), "$.description");
    }

    [Fact]
    public async Task Messages_never_name_a_dotnet_type()
    {
        var studio = W.As(W.Studio);
        AssertProblem(400, await RawAsync(studio, HttpMethod.Post, "/v1/renders", "[1,2,3]"), "$");
        AssertProblem(400, await RawAsync(studio, HttpMethod.Post, "/v1/renders", "\"text\""), "$");
        AssertProblem(400, await RawAsync(studio, HttpMethod.Post, "/v1/renders", """{"licenseId":{"a":1}}"""));
        AssertProblem(400, await RawAsync(studio, HttpMethod.Post, "/v1/renders", """{"licenseId":"L","modality":"voice","purpose":"dubbing","territory":"JP","language":"ja","requestedSeconds":true}"""));
        AssertProblem(400, await RawAsync(studio, HttpMethod.Post, "/v1/renders", new string('[', 10_000) + new string(']', 10_000)));
    }

    [Fact]
    public async Task The_rates_entry_hashes_its_free_text_label()
    {
        var label = "SAG-AFTRA 2026 confidential draft";
        var answer = await W.As(W.Operator).SendAsync(HttpMethod.Put, $"/v1/unions/{W.Union.Id}/rates",
            new { version = label, rates = new[] { new { purpose = "dubbing", modality = "voice", perRender = new { currency = "USD", minor = 100 } } } });
        Assert.Equal(200, answer.Status);
        var entries = await Store.ReadAsync(s => s.ReadLedgerEntries(0, (int)s.LedgerEntryCount()));
        var rates = entries.Select(e => JsonNode.Parse(e)!).Single(e => e["kind"]!.GetValue<string>() == "rates.loaded");
        Assert.DoesNotContain("confidential", rates.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(label))), rates["labelSha256"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_charset_other_than_utf8_is_a_415()
    {
        var answer = await RawAsync(W.As(W.Studio), HttpMethod.Post, "/v1/renders", System.Text.Json.JsonSerializer.Serialize(World.RenderBody(W.LicenseId)), "application/json; charset=iso-8859-1");
        AssertProblem(415, answer);
        Assert.Equal(201, (await RawAsync(W.As(W.Studio), HttpMethod.Post, "/v1/renders", System.Text.Json.JsonSerializer.Serialize(World.RenderBody(W.LicenseId)), "application/json; charset=UTF-8")).Status);
    }

    [Fact]
    public async Task Answers_say_how_to_authenticate_carry_no_server_header_and_are_not_cached()
    {
        var none = await RawAsync(Server.Client(null), HttpMethod.Get, $"/v1/parties/{W.Performer.Id}", null);
        AssertProblem(401, none);
        Assert.Equal("Bearer", none.Response.Headers.WwwAuthenticate.Single().Scheme);
        var wrong = await RawAsync(Server.Client("lk_wrong"), HttpMethod.Get, $"/v1/parties/{W.Performer.Id}", null);
        Assert.Contains("invalid_token", wrong.Response.Headers.WwwAuthenticate.Single().Parameter, StringComparison.Ordinal);

        var created = await RawAsync(W.As(W.Operator), HttpMethod.Post, "/v1/parties", """{"kind":"studio","name":"Cache Films"}""");
        Assert.Equal(201, created.Status);
        Assert.True(created.Response.Headers.CacheControl!.NoStore);
        Assert.Empty(created.Response.Headers.Server);
        Assert.False(created.Response.Headers.Contains("Server"));
    }

    [Fact]
    public async Task Oversized_targets_and_headers_are_problem_details()
    {
        var anyone = W.As(W.Performer);
        AssertProblem(414, await RawAsync(anyone, HttpMethod.Get, "/v1/parties/" + new string('x', 9_000), null));
        using var req = new HttpRequestMessage(HttpMethod.Get, $"/v1/parties/{W.Performer.Id}");
        req.Headers.Add("X-Padding", new string('p', 40_000));
        using var res = await anyone.SendAsync(req);
        Assert.Equal(431, (int)res.StatusCode);
        Assert.Equal("application/problem+json", res.Content.Headers.ContentType?.MediaType);
        // A body announced above 1 MiB is refused before it is read (a raw socket: the client never sends it).
        using var tcp = new System.Net.Sockets.TcpClient();
        var uri = new Uri(Server.Url);
        await tcp.ConnectAsync(uri.Host, uri.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"POST /v1/performers/{W.Performer.Id}/assets HTTP/1.1\r\nHost: {uri.Authority}\r\nAuthorization: Bearer {W.Performer.Key}\r\nContent-Type: application/json\r\nContent-Length: 2000000\r\n\r\n"));
        var buffer = new byte[4096];
        var read = await stream.ReadAsync(buffer);
        var head = Encoding.ASCII.GetString(buffer, 0, read);
        Assert.StartsWith("HTTP/1.1 413", head, StringComparison.Ordinal);
        Assert.Contains("application/problem+json", head, StringComparison.Ordinal);
        AssertProblem(400, await RawAsync(anyone, HttpMethod.Get, $"/v1/performers/{W.Performer.Id}/usage?cursor=%01", null), "cursor");
    }

    [Theory]
    [InlineData("/v1/parties/%00", 400)]
    [InlineData("/v1/parties/\u00ff\u00fe", 400)]
    [InlineData("/v1/parties/\u0001x", 400)]
    [InlineData("long", 414)]
    public async Task Requests_that_are_not_valid_http_still_get_problem_details(string target, int status)
    {
        target = target == "long" ? "/v1/parties/" + new string('x', 40_000) : target;
        using var tcp = new System.Net.Sockets.TcpClient();
        var uri = new Uri(Server.Url);
        await tcp.ConnectAsync(uri.Host, uri.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.Latin1.GetBytes($"GET {target} HTTP/1.1\r\nHost: {uri.Authority}\r\nConnection: close\r\n\r\n"));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var answer = await reader.ReadToEndAsync();
        Assert.StartsWith($"HTTP/1.1 {status}", answer, StringComparison.Ordinal);
        Assert.Contains("Content-Type: application/problem+json", answer, StringComparison.OrdinalIgnoreCase);
        var body = JsonNode.Parse(answer[(answer.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..])!;
        Assert.Equal(status, body["status"]!.GetValue<int>());
    }

    private Task<long> LedgerSizeAsync() => Store.ReadAsync(s => s.LedgerEntryCount());
}

/// <summary>The same tests on SQLite, plus what only a file shows.</summary>
public sealed class SecurityTestsOnSqlite() : SecurityTests(Provider.Sqlite)
{
    [Fact]
    public async Task No_api_key_is_anywhere_in_the_database_or_its_wal()
    {
        var op = W.As(W.Operator);
        var keys = new List<string> { W.Performer.Key, W.Studio.Key, W.Representative.Key, W.Estate.Key, W.Union.Key, W.Auditor.Key };
        for (var i = 0; i < 5; i++)
        {
            var (status, party) = await op.SendAsync(HttpMethod.Post, "/v1/parties", new { kind = "studio", name = $"Studio {i}" }, $"studio-{i}");
            Assert.Equal(201, status);
            keys.Add(party!["apiKey"]!.GetValue<string>());
            await op.SendAsync(HttpMethod.Post, "/v1/parties", new { kind = "studio", name = $"Studio {i}" }, $"studio-{i}");
        }

        await W.RenderAsync(W.LicenseId, 3);
        foreach (var file in new[] { "likeness.db", "likeness.db-wal", "likeness.db-shm" }.Select(f => Path.Combine(Server.Dir, f)).Where(File.Exists))
        {
            var bytes = await ReadSharedAsync(file);
            foreach (var key in keys)
            {
                Assert.True(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(key)) < 0, $"an API key is in {Path.GetFileName(file)}");
            }
        }
    }

    private static async Task<byte[]> ReadSharedAsync(string file)
    {
        await using var f = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var ms = new MemoryStream();
        await f.CopyToAsync(ms);
        return ms.ToArray();
    }

    [Fact]
    public async Task Key_guessing_is_held_off_with_429_and_retry_after()
    {
        // One failure a minute after a burst of 20: the test runs well inside the minute.
        await using var guarded = await TestServer.StartAsync(Provider.Sqlite, adjust: s => s with { RateLimits = new Likeness.Server.Security.RateLimits { AuthFailuresPerMinute = 1 } });
        var statuses = new List<int>();
        for (var i = 0; i < 60; i++)
        {
            using var res = await guarded.Client($"lk_guess_{i}").GetAsync("/v1/parties/pty_x");
            statuses.Add((int)res.StatusCode);
            if (res.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.NotNull(res.Headers.RetryAfter);
                Assert.Equal("application/problem+json", res.Content.Headers.ContentType?.MediaType);
            }
        }

        Assert.Equal(20, statuses.Count(s => s == 401));
        Assert.Equal(40, statuses.Count(s => s == 429));

        // A valid key from the same address is not let in either until the address has waited.
        using var valid = await guarded.Client(guarded.OperatorKey).GetAsync("/v1/parties/pty_x");
        Assert.Equal(HttpStatusCode.TooManyRequests, valid.StatusCode);
        guarded.DeleteFiles();
    }

    [Fact]
    public async Task A_key_over_its_rate_gets_429_and_others_do_not()
    {
        await using var limited = await TestServer.StartAsync(Provider.Sqlite, adjust: s => s with { RateLimits = new Likeness.Server.Security.RateLimits { PerKey = 5 } });
        try
        {
            var world = await World.CreateAsync(limited);
            var limits = new List<int>();
            for (var i = 0; i < 30; i++)
            {
                limits.Add((await world.As(world.Studio).GetJsonAsync($"/v1/licenses/{world.LicenseId}")).Status);
            }

            Assert.Contains(429, limits);
            using var refused = await world.As(world.Studio).GetAsync($"/v1/licenses/{world.LicenseId}");
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.NotNull(refused.Headers.RetryAfter);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            Assert.Equal("rate_limited", JsonNode.Parse(await refused.Content.ReadAsStringAsync())!["code"]!.GetValue<string>());

            // The same key written another way is the same bucket; another key is not.
            using var other = new HttpClient { BaseAddress = new Uri(limited.Url) };
            other.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "bearer   " + world.Studio.Key + "  ");
            Assert.Equal(HttpStatusCode.TooManyRequests, (await other.GetAsync($"/v1/licenses/{world.LicenseId}")).StatusCode);
            Assert.Equal(200, (await world.As(world.Performer).GetJsonAsync($"/v1/licenses/{world.LicenseId}")).Status);
        }
        finally
        {
            limited.DeleteFiles();
        }
    }

    [Fact]
    public async Task A_made_up_authorization_header_buys_nothing_on_a_public_route()
    {
        await using var limited = await TestServer.StartAsync(Provider.Sqlite, adjust: s => s with { RateLimits = new Likeness.Server.Security.RateLimits { PerAddress = 5 } });
        try
        {
            var statuses = new List<int>();
            for (var i = 0; i < 30; i++)
            {
                using var c = limited.Client($"lk_made_up_{i}");
                using var res = await c.GetAsync("/v1/ledger/key");
                statuses.Add((int)res.StatusCode);
            }

            Assert.Contains(429, statuses);
            Assert.Equal(HttpStatusCode.OK, (await limited.Client(null).GetAsync("/healthz")).StatusCode);
        }
        finally
        {
            limited.DeleteFiles();
        }
    }

    [Fact]
    public async Task The_serve_command_takes_a_pem_certificate_and_refuses_a_bad_one_in_one_line()
    {
        var dir = Directory.CreateTempSubdirectory("likeness-https-").FullName;
        try
        {
            using var ecdsa = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
            var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=localhost", ecdsa, System.Security.Cryptography.HashAlgorithmName.SHA256);
            using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
            var certFile = Path.Combine(dir, "cert.pem");
            var keyFile = Path.Combine(dir, "key.pem");
            await File.WriteAllTextAsync(certFile, cert.ExportCertificatePem());
            await File.WriteAllTextAsync(keyFile, ecdsa.ExportPkcs8PrivateKeyPem());
            var db = Path.Combine(dir, "tls.db");
            var key = await NodeProcess.InitAsync(db);
            await using (var node = await NodeProcess.StartAsync(db, key, "--cert", certFile, "--cert-key", keyFile))
            {
                Assert.StartsWith("https://", node.Url, StringComparison.Ordinal);
                using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, c, _, _) => c!.Thumbprint == cert.Thumbprint };
                using var client = new HttpClient(handler) { BaseAddress = new Uri(node.Url) };
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
            }

            var (exit, _, error) = await CliProcess.RunAsync("serve", "--db", db, "--urls", "https://127.0.0.1:0", "--cert", Path.Combine(dir, "missing.pem"), "--cert-key", keyFile);
            Assert.NotEqual(0, exit);
            Assert.Single(error.Trim().Split('\n'));
            Assert.Contains("certificate", error, StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task Serves_https_with_a_pem_certificate()
    {
        using var rsa = System.Security.Cryptography.RSA.Create(2048);
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=localhost", rsa, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
        using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        await using var secure = await TestServer.StartAsync(Provider.Sqlite, adjust: s => s with { Urls = "https://127.0.0.1:0", Certificate = cert });
        try
        {
            using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, c, _, _) => c!.Thumbprint == cert.Thumbprint };
            using var client = new HttpClient(handler) { BaseAddress = new Uri(secure.Url) };
            Assert.StartsWith("https://", secure.Url, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        }
        finally
        {
            secure.DeleteFiles();
        }
    }
}

/// <summary>The same tests on PostgreSQL (where NUL in text used to be a 500).</summary>
public sealed class SecurityTestsOnPostgres() : SecurityTests(Provider.Postgres);
