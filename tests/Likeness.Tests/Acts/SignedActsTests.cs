using System.Text.Json.Nodes;
using Likeness.Ledger.Acts;
using Likeness.Tests.Support;
using Xunit;

namespace Likeness.Tests.Acts;

/// <summary>
/// Issue 14: consent the performer can prove and the operator cannot fake. A representative acts for a performer only by
/// her grant, with the powers she named; once she registers a key, every act on her behalf is signed; a forged, misdirected,
/// stale or revoked signature is refused, and a signed act is recorded so anyone it concerns can check it offline.
/// </summary>
public abstract class SignedActsTests(Provider provider) : WorldTests(provider)
{
    private HttpClient Op => W.As(W.Operator);

    private async Task<Actor> PartyAsync(string kind, string name)
    {
        var (status, body) = await Op.PostAsync("/v1/parties", new { kind, name });
        Assert.True(status == 201, body?.ToJsonString());
        return new Actor(body!["id"]!.GetValue<string>(), body["apiKey"]!.GetValue<string>());
    }

    private async Task<string> OpenRequestAsync()
    {
        var (status, r) = await W.As(W.Studio).PostAsync("/v1/license-requests", new { performerId = W.Performer.Id, project = "P", description = World.Description, uses = new[] { World.Use() } });
        Assert.True(status == 201, r?.ToJsonString());
        return r!["id"]!.GetValue<string>();
    }

    private async Task<int> ConsentVersionAsync()
    {
        var (_, consent) = await W.As(W.Performer).GetJsonAsync($"/v1/performers/{W.Performer.Id}/consent");
        return consent!["version"]!.GetValue<int>();
    }

    private async Task RegisterAsync(Actor party, TestActKey key, TestActKey? signedBy = null)
    {
        var path = $"/v1/parties/{party.Id}/keys";
        var (status, body) = signedBy is null
            ? await W.As(party).PostAsync(path, key.Registration)
            : await signedBy.ActAsync(W.As(party), Server.Clock, HttpMethod.Post, path, key.Registration);
        Assert.True(status == 201, body?.ToJsonString());
        Assert.Equal(key.Kid, body!["kid"]!.GetValue<string>());
    }

    private static void AssertProblem(int expectedStatus, string code, (int Status, JsonNode? Body) answer)
    {
        Assert.True(answer.Status == expectedStatus, answer.Body?.ToJsonString());
        Assert.Equal(code, answer.Body!["code"]!.GetValue<string>());
    }

    private static readonly object Permissive = new { permission = new object[] { new { uid = "all", action = "render" } } };

    [Fact]
    public async Task The_operators_representative_can_neither_rewrite_her_consent_nor_approve_a_request()
    {
        // 1. The operator creates a representative "for" her: naming her is refused outright...
        var (named, refusal) = await Op.PostAsync("/v1/parties", new { kind = "representative", name = "Shadow Agency", represents = new[] { W.Performer.Id } });
        AssertProblem(400, "invalid_party", (named, refusal));

        // ...and a representative it creates otherwise holds no power over her.
        var shadow = await PartyAsync("representative", "Shadow Agency");
        var before = await ConsentVersionAsync();
        var requestId = await OpenRequestAsync();

        // 2. Its key tries to rewrite her consent and approve a studio's request: 403, saying why.
        var rewrite = await W.As(shadow).SendAsync(HttpMethod.Put, $"/v1/performers/{W.Performer.Id}/consent", Permissive);
        AssertProblem(403, "power_not_granted", rewrite);
        Assert.Contains("only by her own grant", rewrite.Body!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        AssertProblem(403, "power_not_granted", await W.As(shadow).PostAsync($"/v1/license-requests/{requestId}/approve", new { }));

        // Nothing changed: her consent is the version she wrote, the request still waits for her.
        Assert.Equal(before, await ConsentVersionAsync());
        var (_, request) = await W.As(W.Performer).GetJsonAsync($"/v1/license-requests/{requestId}");
        Assert.Equal("pending", request!["status"]!.GetValue<string>());

        // Even signed with a key of its own: a signature proves who acted, not that she let it.
        using var shadowKey = new TestActKey();
        await RegisterAsync(shadow, shadowKey);
        AssertProblem(403, "power_not_granted", await shadowKey.ActAsync(W.As(shadow), Server.Clock, HttpMethod.Put, $"/v1/performers/{W.Performer.Id}/consent", Permissive));
    }

    [Fact]
    public async Task Powers_are_checked_on_every_act_and_only_she_grants_or_removes_them()
    {
        var agent = await PartyAsync("representative", "Approvals Only LLP");
        await World.GrantAsync(Server, W.Performer, agent, "approve");

        var consent = await W.As(agent).SendAsync(HttpMethod.Put, $"/v1/performers/{W.Performer.Id}/consent", Permissive);
        AssertProblem(403, "power_not_granted", consent);
        Assert.Contains("'consent' power", consent.Body!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        AssertProblem(403, "power_not_granted", await W.As(agent).PostAsync($"/v1/license-requests/{await OpenRequestAsync()}/veto", new { reason = "no" }));
        var (approved, licence) = await W.As(agent).PostAsync($"/v1/license-requests/{await OpenRequestAsync()}/approve", new { });
        Assert.True(approved == 201, licence?.ToJsonString());

        // Neither the operator nor a representative grants; she lists and removes.
        var grant = new { party = agent.Id, role = "agent", powers = new[] { "consent" } };
        Assert.Equal(403, (await Op.PostAsync($"/v1/performers/{W.Performer.Id}/representatives", grant)).Status);
        Assert.Equal(403, (await W.As(W.Representative).PostAsync($"/v1/performers/{W.Performer.Id}/representatives", grant)).Status);
        var (_, grants) = await W.As(W.Performer).GetJsonAsync($"/v1/performers/{W.Performer.Id}/representatives");
        Assert.Contains(grants!.AsArray(), g => g!["party"]!.GetValue<string>() == agent.Id && g["powers"]!.AsArray().Single()!.GetValue<string>() == "approve");
        Assert.Equal(200, (await W.As(W.Performer).PostAsync($"/v1/performers/{W.Performer.Id}/representatives/remove", new { party = agent.Id })).Status);
        AssertProblem(403, "power_not_granted", await W.As(agent).PostAsync($"/v1/license-requests/{await OpenRequestAsync()}/approve", new { }));

        // Each grant and removal is in the ledger, named for her and the representative.
        var (_, me) = await W.As(agent).GetJsonAsync("/v1/me");
        Assert.Empty(me!["represents"]!.AsArray());
    }

    [Fact]
    public async Task Once_she_registers_a_key_unsigned_acts_on_her_behalf_are_refused_and_signed_ones_are_recorded()
    {
        using var hers = new TestActKey();
        await RegisterAsync(W.Performer, hers);
        var path = $"/v1/performers/{W.Performer.Id}/consent";

        AssertProblem(403, "signature_required", await W.As(W.Performer).SendAsync(HttpMethod.Put, path, Permissive));
        AssertProblem(403, "signature_required", await W.As(W.Representative).PostAsync($"/v1/license-requests/{await OpenRequestAsync()}/approve", new { }));

        var (status, written) = await hers.ActAsync(W.As(W.Performer), Server.Clock, HttpMethod.Put, path, Permissive);
        Assert.True(status == 200, written?.ToJsonString());
        var index = written!["ledgerIndex"]!.GetValue<long>();

        // The entry names the key and the signature's hash; the act is served beside it, and checks offline.
        var (es, entry) = await W.As(W.Performer).GetJsonAsync($"/v1/ledger/entries/{index}");
        Assert.True(es == 200, entry?.ToJsonString());
        var bytes = Convert.FromBase64String(entry!["entry"]!.GetValue<string>());
        var decoded = JsonNode.Parse(bytes)!;
        Assert.Equal(hers.Kid, decoded["signedWith"]!.GetValue<string>());
        var act = entry["act"]!;
        Assert.Null(ActSignature.CheckRecorded(
            decoded["signedWith"]!.GetValue<string>(), decoded["signatureSha256"]!.GetValue<string>(), act["signature"]!.GetValue<string>(),
            act["signedForm"]!.GetValue<string>(), hers.Public));
        Assert.StartsWith($"likeness act v1\nPUT\n{path}\n", act["signedForm"]!.GetValue<string>(), StringComparison.Ordinal);
        using var other = new TestActKey();
        Assert.NotNull(ActSignature.CheckRecorded(
            hers.Kid, decoded["signatureSha256"]!.GetValue<string>(), act["signature"]!.GetValue<string>(), act["signedForm"]!.GetValue<string>(), other.Public));

        // Her representative signs with a key of its own.
        using var agents = new TestActKey();
        await RegisterAsync(W.Representative, agents);
        var (approved, licence) = await agents.ActAsync(W.As(W.Representative), Server.Clock, HttpMethod.Post, $"/v1/license-requests/{await OpenRequestAsync()}/approve", new { });
        Assert.True(approved == 201, licence?.ToJsonString());
    }

    [Fact]
    public async Task Forged_misdirected_stale_and_revoked_signatures_are_refused()
    {
        using var hers = new TestActKey();
        await RegisterAsync(W.Performer, hers);
        var me = W.As(W.Performer);
        var path = $"/v1/performers/{W.Performer.Id}/consent";
        var body = TestActKey.Json(Permissive);
        var now = Server.Clock.GetUtcNow();

        // Forged: another key's signature naming hers.
        using var forger = new TestActKey();
        AssertProblem(401, "signature_invalid", await TestActKey.SendAsync(me, HttpMethod.Put, path, body, forger.Sign("PUT", path, body, "k1", now, hers.Kid), "k1"));

        // Her signature over another act: another path, another body, another Idempotency-Key.
        var other = $"/v1/performers/{W.OtherPerformer.Id}/consent";
        AssertProblem(401, "signature_invalid", await TestActKey.SendAsync(me, HttpMethod.Put, path, body, hers.Sign("PUT", other, body, "k2", now), "k2"));
        AssertProblem(401, "signature_invalid", await TestActKey.SendAsync(me, HttpMethod.Put, path, body, hers.Sign("PUT", path, "{}", "k3", now), "k3"));
        AssertProblem(401, "signature_invalid", await TestActKey.SendAsync(me, HttpMethod.Put, path, body, hers.Sign("PUT", path, body, "k4", now), "k5"));

        // Replayed outside the window, and a signature without an Idempotency-Key.
        AssertProblem(401, "signature_invalid", await TestActKey.SendAsync(me, HttpMethod.Put, path, body, hers.Sign("PUT", path, body, "k6", now.AddMinutes(-6)), "k6"));
        AssertProblem(400, "invalid_idempotency_key", await TestActKey.SendAsync(me, HttpMethod.Put, path, body, hers.Sign("PUT", path, body, "", now), null));
        AssertProblem(401, "signature_invalid", await TestActKey.SendAsync(me, HttpMethod.Put, path, body, "not-a-jws", "k7"));

        // A second key needs a signature by the first; then she revokes the first with the second, and the first signs nothing more.
        using var next = new TestActKey();
        AssertProblem(403, "signature_required", await me.PostAsync($"/v1/parties/{W.Performer.Id}/keys", next.Registration));
        await RegisterAsync(W.Performer, next, signedBy: hers);
        var (revoked, view) = await next.ActAsync(me, Server.Clock, HttpMethod.Post, $"/v1/parties/{W.Performer.Id}/keys/revoke", new { kid = hers.Kid });
        Assert.True(revoked == 200, view?.ToJsonString());
        AssertProblem(401, "signature_invalid", await hers.ActAsync(me, Server.Clock, HttpMethod.Put, path, Permissive));
        Assert.Equal(200, (await next.ActAsync(me, Server.Clock, HttpMethod.Put, path, Permissive)).Status);

        // The operator registers no key for her, and her keys are listed to her with their life.
        Assert.Equal(403, (await Op.PostAsync($"/v1/parties/{W.Performer.Id}/keys", forger.Registration)).Status);
        var (_, keys) = await me.GetJsonAsync($"/v1/parties/{W.Performer.Id}/keys");
        Assert.Equal(2, keys!.AsArray().Count);
        Assert.NotNull(keys.AsArray().Single(k => k!["kid"]!.GetValue<string>() == hers.Kid)!["revokedAt"]);
    }

    [Fact]
    public async Task An_Ed25519_key_signs_acts_too()
    {
        var algorithm = NSec.Cryptography.SignatureAlgorithm.Ed25519;
        using var key = NSec.Cryptography.Key.Create(algorithm);
        var x = System.Buffers.Text.Base64Url.EncodeToString(key.PublicKey.Export(NSec.Cryptography.KeyBlobFormat.RawPublicKey));
        var (status, registered) = await W.As(W.Performer).PostAsync($"/v1/parties/{W.Performer.Id}/keys", new { jwk = new { kty = "OKP", crv = "Ed25519", x } });
        Assert.True(status == 201, registered?.ToJsonString());
        Assert.Equal("EdDSA", registered!["algorithm"]!.GetValue<string>());
        var kid = registered["kid"]!.GetValue<string>();

        var path = $"/v1/performers/{W.Performer.Id}/consent";
        var body = TestActKey.Json(Permissive);
        var form = ActSignature.SignedForm("PUT", path, ActSignature.BodySha256(System.Text.Encoding.UTF8.GetBytes(body)), "ed-1");
        var jws = ActSignature.Sign(PartyKey.EdDsa, kid, form, Server.Clock.GetUtcNow(), input => algorithm.Sign(key, input));
        var (written, answer) = await TestActKey.SendAsync(W.As(W.Performer), HttpMethod.Put, path, body, jws, "ed-1");
        Assert.True(written == 200, answer?.ToJsonString());

        // The same signature claiming ES256 is refused: the algorithm is the key's, not the header's to choose.
        var forged = ActSignature.Sign(PartyKey.Es256, kid, form.Replace("ed-1", "ed-2", StringComparison.Ordinal), Server.Clock.GetUtcNow(), input => algorithm.Sign(key, input));
        AssertProblem(401, "signature_invalid", await TestActKey.SendAsync(W.As(W.Performer), HttpMethod.Put, path, body, forged, "ed-2"));
    }

    [Fact]
    public async Task A_render_that_needs_no_approval_is_not_an_act()
    {
        using var hers = new TestActKey();
        await RegisterAsync(W.Performer, hers);
        var (status, render) = await W.As(W.Studio).PostAsync("/v1/renders", World.RenderBody(W.LicenseId, 5));
        Assert.True(status == 201, render?.ToJsonString());
    }
}

/// <summary>The same tests on the embedded SQLite store.</summary>
public sealed class SignedActsTestsOnSqlite() : SignedActsTests(Provider.Sqlite);

/// <summary>The same tests on PostgreSQL.</summary>
public sealed class SignedActsTestsOnPostgres() : SignedActsTests(Provider.Postgres);
