using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Likeness.Ledger;
using Likeness.Tests.Support;
using Xunit;

namespace Likeness.Tests.Acts;

/// <summary>
/// Issue 14: every party creation, with the API key issued to it, is a ledger entry carrying the key's hash and never the
/// key; the auditor's replay of such a log finds an entry naming a party that was never created, or created by anyone but
/// the operator.
/// </summary>
public abstract class PartyEntryTests(Provider provider) : WorldTests(provider)
{
    private async Task<List<byte[]>> EntriesAsync() =>
        [.. await Store.ReadAsync(s => s.ReadLedgerEntries(0, (int)s.LedgerEntryCount()))];

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    [Fact]
    public async Task Each_party_and_its_api_key_is_recorded_without_the_key()
    {
        var entries = await EntriesAsync();
        var created = entries.Select(e => JsonNode.Parse(e)!).Where(e => e["kind"]!.GetValue<string>() == "party.created").ToList();

        // The operator made by init comes first, by nobody; every other party after it, by the operator.
        Assert.Equal("party.created", JsonNode.Parse(entries[0])!["kind"]!.GetValue<string>());
        Assert.Equal("operator", created[0]["partyKind"]!.GetValue<string>());
        Assert.Null(created[0]["by"]);
        Assert.Equal(Sha256(Server.OperatorKey), created[0]["apiKeySha256"]!.GetValue<string>());
        var operatorId = created[0]["party"]!.GetValue<string>();

        foreach (var (actor, kind) in new[] { (W.Performer, "performer"), (W.Studio, "studio"), (W.Union, "union"), (W.Auditor, "auditor"), (W.Representative, "representative") })
        {
            var entry = Assert.Single(created, e => e["party"]!.GetValue<string>() == actor.Id);
            Assert.Equal(kind, entry["partyKind"]!.GetValue<string>());
            Assert.Equal(operatorId, entry["by"]!.GetValue<string>());
            Assert.Equal(Sha256(actor.Key), entry["apiKeySha256"]!.GetValue<string>());
        }

        Assert.Equal(W.Performer.Id, Assert.Single(created, e => e["party"]!.GetValue<string>() == W.Union.Id)["represents"]!.GetValue<string>());
        Assert.DoesNotContain(entries, e => Encoding.UTF8.GetString(e).Contains(W.Performer.Key, StringComparison.Ordinal));

        // The whole story, creations included, holds.
        Assert.Null(LedgerAudit.Check(entries));
    }

    [Fact]
    public async Task An_entry_naming_a_party_never_created_breaks_the_story()
    {
        var entries = await EntriesAsync();
        entries.Add(Encoding.UTF8.GetBytes("""{"at":"2030-01-01T00:00:00.000Z","by":"rep_forged","kind":"consent.version","performer":"prf_forged","policySha256":"00","v":1,"version":9}"""));
        var finding = LedgerAudit.Check(entries);
        Assert.NotNull(finding);
        Assert.Equal(entries.Count - 1, finding.Index);
        Assert.Contains("never created", finding.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_party_created_by_anyone_but_the_operator_breaks_the_story()
    {
        var entries = await EntriesAsync();
        entries.Add(Encoding.UTF8.GetBytes($$"""{"apiKeySha256":"00","at":"2030-01-01T00:00:00.000Z","by":"{{W.Performer.Id}}","kind":"party.created","party":"rep_new","partyKind":"representative","v":1}"""));
        Assert.Contains("not by the operator", LedgerAudit.Check(entries)!.Problem, StringComparison.Ordinal);
    }
}

/// <summary>The same tests on the embedded SQLite store.</summary>
public sealed class PartyEntryTestsOnSqlite() : PartyEntryTests(Provider.Sqlite);

/// <summary>The same tests on PostgreSQL.</summary>
public sealed class PartyEntryTestsOnPostgres() : PartyEntryTests(Provider.Postgres);
