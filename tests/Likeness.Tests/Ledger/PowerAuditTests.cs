using Likeness.Ledger;
using Likeness.Ledger.Verification;
using Xunit;

namespace Likeness.Tests.Ledger;

/// <summary>
/// The auditor's replay checks that every act on a performer by a representative came with that power from her grant at
/// that moment, and before her death: a ledger altered to show an act without power is a broken story (issue 14).
/// </summary>
public sealed class PowerAuditTests
{
    private static readonly System.Security.Cryptography.ECDsa Key = MemoryLog.Key();

    private static byte[] E(string json) => Story.Entry(json);

    private static readonly byte[] Granted = E("""{"at":"2026-01-01T00:00:01.000Z","by":"prf_1","kind":"representative.granted","performer":"prf_1","powers":"approve,consent","representative":"rep_1","role":"agent","v":1}""");

    private static byte[] Consent(string at, string by) => E($$"""{"at":"{{at}}","by":"{{by}}","kind":"consent.version","performer":"prf_1","policySha256":"00","v":1,"version":1}""");

    private static List<byte[]> Start() => [E("""{"at":"2026-01-01T00:00:00.000Z","by":"prf_1","kind":"consent.version","performer":"prf_1","policySha256":"00","v":1,"version":1}""")];

    [Fact]
    public void An_act_by_a_representative_holding_the_power_holds()
    {
        var entries = Start();
        entries.Add(Granted);
        entries.Add(Consent("2026-01-02T00:00:00.000Z", "rep_1"));
        Assert.Null(LedgerAudit.Check(entries));
    }

    [Theory]
    [InlineData("without her grant", false, false, false)]
    [InlineData("without her grant", true, true, false)]
    [InlineData("after her death", true, false, true)]
    public void An_act_by_a_representative_without_the_power_at_that_moment_breaks_the_story(string expected, bool grant, bool removed, bool died)
    {
        var entries = Start();
        if (grant)
        {
            entries.Add(Granted);
        }

        if (removed)
        {
            entries.Add(E("""{"at":"2026-01-01T00:00:02.000Z","by":"prf_1","kind":"representative.removed","performer":"prf_1","representative":"rep_1","v":1}"""));
        }

        if (died)
        {
            entries.Add(E("""{"at":"2026-01-01T00:00:03.000Z","diedOn":"2026-01-01","kind":"performer.died","performer":"prf_1","v":1}"""));
        }

        entries.Add(Consent("2026-01-02T00:00:00.000Z", "rep_1"));
        var finding = LedgerAudit.Check(entries);
        Assert.NotNull(finding);
        Assert.Equal(entries.Count - 1, finding.Index);
        Assert.Contains(expected, finding.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_power_she_did_not_grant_or_a_grant_not_made_by_her_breaks_the_story()
    {
        var withoutPower = Start();
        withoutPower.Add(Granted);
        withoutPower.Add(E("""{"at":"2026-01-02T00:00:00.000Z","by":"rep_1","kind":"splits.version","performer":"prf_1","splitsSha256":"00","v":1,"version":1}"""));
        Assert.Contains("without the 'statements' power", LedgerAudit.Check(withoutPower)!.Problem, StringComparison.Ordinal);

        var forged = Start();
        forged.Add(E("""{"at":"2026-01-01T00:00:01.000Z","by":"op_1","kind":"representative.granted","performer":"prf_1","powers":"consent","representative":"rep_1","role":"agent","v":1}"""));
        Assert.Contains("not by her", LedgerAudit.Check(forged)!.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ledger_verify_with_an_auditor_key_finds_an_act_without_power()
    {
        var entries = Start();
        entries.Add(Consent("2026-01-02T00:00:00.000Z", "rep_1"));
        var log = MemoryLog.Build(entries, Key);
        var result = await new LogVerifier(log.Fetchers(auditor: true), MemoryLog.Pinned(Key)).VerifyAsync(null);

        Assert.False(result.Ok);
        var finding = result.Finding!;
        Assert.Equal(LogFindingKind.BrokenStory, finding.Kind);
        Assert.Equal(1, finding.FirstBadIndex);
        Assert.Contains("without her grant", finding.Message, StringComparison.Ordinal);
    }
}
