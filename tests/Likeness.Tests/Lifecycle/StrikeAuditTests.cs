using Likeness.Ledger;
using Likeness.Tests.Ledger;
using Xunit;

namespace Likeness.Tests.Lifecycle;

/// <summary>The auditor's replay of strikes and owned suspensions: a ledger altered to break them is a broken story.</summary>
public sealed class StrikeAuditTests
{
    private static byte[] E(string json) => Story.Entry(json);

    private static readonly byte[] Granted = E("""{"at":"2026-01-01T00:00:00.000Z","budgets":"[{}]","by":"prf_1","kind":"license.approved","license":"lic_1","performer":"prf_1","projectSha256":"aa","studio":"std_1","termEnd":"2027-01-01T00:00:00.000Z","v":1}""");

    private static byte[] Declared(string studio) => E($$"""{"at":"2026-02-01T00:00:00.000Z","by":"uni_1","from":"2026-02-01T00:00:00.000Z","kind":"strike.declared","performers":"prf_1","strike":"stk_1","studio":"{{studio}}","union":"uni_1","v":1}""");

    private static byte[] Authorized(string at) => E($$"""{"at":"{{at}}","kind":"render.authorized","license":"lic_1","render":"r{{at}}","reservedMs":1000,"use":0,"v":1}""");

    [Fact]
    public void A_render_during_a_strike_that_covers_the_licence_breaks_the_story()
    {
        var finding = LedgerAudit.Check([Granted, Declared("std_1"), Authorized("2026-02-02T00:00:00.000Z")]);
        Assert.NotNull(finding);
        Assert.Contains("strike stk_1", finding.Problem, StringComparison.Ordinal);
        Assert.Null(LedgerAudit.Check([Granted, Declared("std_2"), Authorized("2026-02-02T00:00:00.000Z")]));
    }

    [Fact]
    public void A_waiver_or_the_end_lets_renders_through_again()
    {
        var waived = E("""{"at":"2026-02-01T12:00:00.000Z","by":"uni_1","kind":"strike.waived","projectSha256":"aa","strike":"stk_1","v":1}""");
        Assert.Null(LedgerAudit.Check([Granted, Declared("*"), waived, Authorized("2026-02-02T00:00:00.000Z")]));
        var ended = E("""{"at":"2026-02-01T12:00:00.000Z","by":"uni_1","kind":"strike.ended","strike":"stk_1","v":1}""");
        Assert.Null(LedgerAudit.Check([Granted, Declared("*"), ended, Authorized("2026-02-02T00:00:00.000Z")]));
    }

    [Fact]
    public void A_licence_granted_during_a_strike_breaks_the_story()
    {
        var late = E("""{"at":"2026-02-03T00:00:00.000Z","budgets":"[{}]","by":"prf_1","kind":"license.approved","license":"lic_2","performer":"prf_1","projectSha256":"bb","studio":"std_1","termEnd":"2027-01-01T00:00:00.000Z","v":1}""");
        Assert.Contains("granted during strike", LedgerAudit.Check([Granted, Declared("std_1"), late])!.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_suspension_lifted_by_who_did_not_place_it_breaks_the_story()
    {
        var byUnion = E("""{"at":"2026-02-01T00:00:00.000Z","by":"uni_1","kind":"license.suspended","license":"lic_1","owner":"union:uni_1","v":1}""");
        var byPerformer = E("""{"at":"2026-02-02T00:00:00.000Z","by":"prf_1","kind":"license.resumed","license":"lic_1","owner":"performer","v":1}""");
        Assert.Contains("who held none", LedgerAudit.Check([Granted, byUnion, byPerformer])!.Problem, StringComparison.Ordinal);
        var stillSuspended = LedgerAudit.Check([Granted, byUnion, Authorized("2026-02-03T00:00:00.000Z")]);
        Assert.Contains("suspended by union:uni_1", stillSuspended!.Problem, StringComparison.Ordinal);
    }
}
