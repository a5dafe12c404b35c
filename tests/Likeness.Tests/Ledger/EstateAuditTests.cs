using Likeness.Ledger;
using Xunit;

namespace Likeness.Tests.Ledger;

/// <summary>
/// Issue 14: the auditor's replay checks that an estate acts for a performer only once in control: after her recorded
/// death, and (in a log that records its parties) only the estate created for her.
/// </summary>
public sealed class EstateAuditTests
{
    private static byte[] E(string json) => Story.Entry(json);

    private static List<byte[]> Parties(string estateFor) =>
    [
        E("""{"apiKeySha256":"00","at":"2026-01-01T00:00:00.000Z","kind":"party.created","party":"op_1","partyKind":"operator","v":1}"""),
        E("""{"apiKeySha256":"00","at":"2026-01-01T00:00:00.000Z","by":"op_1","kind":"party.created","party":"prf_1","partyKind":"performer","v":1}"""),
        E("""{"apiKeySha256":"00","at":"2026-01-01T00:00:00.000Z","by":"op_1","kind":"party.created","party":"prf_2","partyKind":"performer","v":1}"""),
        E($$"""{"apiKeySha256":"00","at":"2026-01-01T00:00:00.000Z","by":"op_1","kind":"party.created","party":"est_1","partyKind":"estate","represents":"{{estateFor}}","v":1}"""),
    ];

    private static readonly byte[] Died = E("""{"at":"2026-02-01T00:00:00.000Z","diedOn":"2026-02-01","kind":"performer.died","performer":"prf_1","v":1}""");

    private static readonly byte[] EstateConsent = E("""{"at":"2026-03-01T00:00:00.000Z","by":"est_1","kind":"consent.version","performer":"prf_1","policySha256":"00","v":1,"version":2}""");

    [Fact]
    public void Her_estate_acting_after_her_recorded_death_holds()
    {
        var entries = Parties("prf_1");
        entries.Add(Died);
        entries.Add(EstateConsent);
        Assert.Null(LedgerAudit.Check(entries));
    }

    [Fact]
    public void An_estate_acting_before_her_death_breaks_the_story()
    {
        var entries = Parties("prf_1");
        entries.Add(EstateConsent);
        var finding = LedgerAudit.Check(entries);
        Assert.NotNull(finding);
        Assert.Equal(entries.Count - 1, finding.Index);
        Assert.Contains("before her death was recorded", finding.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Another_performers_estate_acting_for_her_breaks_the_story()
    {
        var entries = Parties("prf_2");
        entries.Add(Died);
        entries.Add(EstateConsent);
        Assert.Contains("whose estate it is not", LedgerAudit.Check(entries)!.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void An_estates_consent_to_a_licence_before_her_death_breaks_the_story()
    {
        var entries = Parties("prf_1");
        entries.Add(E("""{"at":"2026-01-02T00:00:00.000Z","by":"prf_1","kind":"license.approved","license":"lic_1","performer":"prf_1","termEnd":"2027-01-01T00:00:00.000Z","v":1}"""));
        entries.Add(E("""{"at":"2026-01-03T00:00:00.000Z","by":"est_1","kind":"license.estate_consented","license":"lic_1","v":1}"""));
        Assert.Contains("before her death was recorded", LedgerAudit.Check(entries)!.Problem, StringComparison.Ordinal);
    }
}
