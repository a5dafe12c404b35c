using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Likeness.Ledger;
using Likeness.Ledger.Acts;
using Likeness.Tests.Support;
using Xunit;

namespace Likeness.Tests.Acts;

/// <summary>
/// Issue 14: an AB 2602 attestation of a vague description is the union's own signature, by a key it registered, over
/// this request and its description; or counsel's, named with the SHA-256 of the signed opinion. The performer side's word
/// "by: union" is not enough.
/// </summary>
public abstract class AttestationTests(Provider provider) : WorldTests(provider)
{
    private const string Vague = "Any use in all media.";

    private async Task<string> VagueRequestAsync()
    {
        var (status, r) = await W.As(W.Studio).PostAsync("/v1/license-requests", new { performerId = W.Performer.Id, project = "P", description = Vague, uses = new[] { World.Use() } });
        Assert.True(status == 201, r?.ToJsonString());
        return r!["id"]!.GetValue<string>();
    }

    private async Task RegisterAsync(Actor party, TestActKey key)
    {
        var (status, body) = await W.As(party).PostAsync($"/v1/parties/{party.Id}/keys", key.Registration);
        Assert.True(status == 201, body?.ToJsonString());
    }

    private string Attest(TestActKey key, string requestId, string description = Vague) =>
        key.SignForm(UnionAttestation.SignedForm(requestId, description), Server.Clock.GetUtcNow());

    private Task<(int Status, JsonNode? Body)> ApproveAsync(string requestId, object attestation) =>
        W.As(W.Performer).PostAsync($"/v1/license-requests/{requestId}/approve", new { attestation });

    private static void AssertRefused((int Status, JsonNode? Body) answer, string field)
    {
        Assert.True(answer.Status == 400, answer.Body?.ToJsonString());
        Assert.Equal("invalid_attestation", answer.Body!["code"]!.GetValue<string>());
        Assert.Contains(field, answer.Body.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_union_attests_with_its_own_key_and_the_ledger_records_which()
    {
        using var unionKey = new TestActKey();
        await RegisterAsync(W.Union, unionKey);
        var id = await VagueRequestAsync();
        var signature = Attest(unionKey, id);

        var (status, license) = await ApproveAsync(id, new { by = "union", union = W.Union.Id, signature });
        Assert.True(status == 201, license?.ToJsonString());
        Assert.Contains(unionKey.Kid, license!["attestation"]!.GetValue<string>(), StringComparison.Ordinal);

        var entries = await Store.ReadAsync(s => s.ReadLedgerEntries(0, (int)s.LedgerEntryCount()));
        var entry = JsonNode.Parse(entries[(int)license["ledgerIndex"]!.GetValue<long>()])!;
        Assert.Equal("union", entry["attestedBy"]!.GetValue<string>());
        Assert.Equal(W.Union.Id, entry["attestingUnion"]!.GetValue<string>());
        Assert.Equal(unionKey.Kid, entry["attestationKey"]!.GetValue<string>());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(signature))), entry["attestationSha256"]!.GetValue<string>());
        Assert.Null(LedgerAudit.Check(entries));
    }

    [Fact]
    public async Task The_performer_sides_word_for_the_union_is_refused()
    {
        using var unionKey = new TestActKey();
        using var hers = new TestActKey();
        await RegisterAsync(W.Union, unionKey);
        var id = await VagueRequestAsync();

        // The old form, a name only.
        AssertRefused(await ApproveAsync(id, new { by = "union", name = "SAG-AFTRA" }), "attestation.union");
        // A signature by a key that is not the union's (hers, made to look like an attestation).
        AssertRefused(await ApproveAsync(id, new { by = "union", union = W.Union.Id, signature = Attest(hers, id) }), "attestation.signature");
        // The union's signature over another request, or another description.
        AssertRefused(await ApproveAsync(id, new { by = "union", union = W.Union.Id, signature = Attest(unionKey, "req_other") }), "attestation.signature");
        AssertRefused(await ApproveAsync(id, new { by = "union", union = W.Union.Id, signature = Attest(unionKey, id, "Another description.") }), "attestation.signature");
        // A party that is not a union of hers.
        AssertRefused(await ApproveAsync(id, new { by = "union", union = W.Studio.Id, signature = Attest(unionKey, id) }), "attestation.union");

        var (_, request) = await W.As(W.Performer).GetJsonAsync($"/v1/license-requests/{id}");
        Assert.Equal("pending", request!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Counsel_attests_by_name_with_the_opinions_hash()
    {
        var id = await VagueRequestAsync();
        var opinion = Convert.ToHexStringLower(SHA256.HashData("signed opinion of counsel"u8));
        var (missing, problem) = await ApproveAsync(id, new { by = "counsel", name = "J. Park, Esq." });
        AssertRefused((missing, problem), "attestation.opinionSha256");

        var (status, license) = await ApproveAsync(id, new { by = "counsel", name = "J. Park, Esq.", opinionSha256 = opinion });
        Assert.True(status == 201, license?.ToJsonString());
        var entries = await Store.ReadAsync(s => s.ReadLedgerEntries(0, (int)s.LedgerEntryCount()));
        var entry = JsonNode.Parse(entries[(int)license!["ledgerIndex"]!.GetValue<long>()])!;
        Assert.Equal("counsel", entry["attestedBy"]!.GetValue<string>());
        Assert.Equal(opinion, entry["attestationSha256"]!.GetValue<string>());
        Assert.DoesNotContain("Park", Encoding.UTF8.GetString(entries[(int)license["ledgerIndex"]!.GetValue<long>()]), StringComparison.Ordinal);
    }

    [Fact]
    public void The_replay_finds_an_attestation_by_a_key_the_union_did_not_hold()
    {
        static byte[] E(string json) => Encoding.UTF8.GetBytes(json);
        List<byte[]> Story(string kid) =>
        [
            E("""{"at":"2026-01-01T00:00:00.000Z","by":"prf_1","kind":"consent.version","performer":"prf_1","policySha256":"00","v":1,"version":1}"""),
            E("""{"algorithm":"ES256","at":"2026-01-01T00:00:01.000Z","keyId":"k_union","kind":"party_key.registered","party":"uni_1","publicKeySpki":"AA==","v":1}"""),
            E("""{"algorithm":"ES256","at":"2026-01-01T00:00:02.000Z","keyId":"k_hers","kind":"party_key.registered","party":"prf_1","publicKeySpki":"AA==","v":1}"""),
            E($$"""{"at":"2026-01-02T00:00:00.000Z","attestationKey":"{{kid}}","attestationSha256":"00","attestedBy":"union","attestingUnion":"uni_1","by":"prf_1","kind":"license.approved","license":"lic_1","performer":"prf_1","termEnd":"2027-01-01T00:00:00.000Z","v":1}"""),
        ];
        Assert.Null(LedgerAudit.Check(Story("k_union")));
        Assert.Contains("not one it registered", LedgerAudit.Check(Story("k_hers"))!.Problem, StringComparison.Ordinal);
    }
}

/// <summary>The same tests on the embedded SQLite store.</summary>
public sealed class AttestationTestsOnSqlite() : AttestationTests(Provider.Sqlite);

/// <summary>The same tests on PostgreSQL.</summary>
public sealed class AttestationTestsOnPostgres() : AttestationTests(Provider.Postgres);
