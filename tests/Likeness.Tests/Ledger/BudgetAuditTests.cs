using Likeness.Application.Ledger;
using Likeness.Ledger;
using Xunit;

namespace Likeness.Tests.Ledger;

/// <summary>The auditor's replay of licence budgets (docs/LEDGER.md): the grant's <c>budgets</c>, used + reserved as the writer counts them.</summary>
public sealed class BudgetAuditTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 10, 0, 0, 0, TimeSpan.Zero);
    private static readonly string Hash = new('0', 64);

    private static byte[] Grant(string? budgets) =>
        new LedgerEntry("license.approved", At).With("license", "lic").With("request", "req").With("performer", "prf").With("studio", "std")
            .With("by", "prf").With("termsSha256", Hash).With("consentVersion", 1).With("termEnd", At.AddYears(1)).With("attested", 0).With("budgets", budgets).ToBytes();

    private static byte[] Authorized(string render, long ms) =>
        new LedgerEntry("render.authorized", At).With("render", render).With("license", "lic").With("use", 0).With("requestedMs", ms).With("reservedMs", ms)
            .With("modality", "voice").With("requestSha256", Hash).ToBytes();

    private static byte[] Completed(string render, long reserved, long actual) =>
        new LedgerEntry("render.completed", At).With("render", render).With("license", "lic").With("use", 0).With("reservedMs", reserved)
            .With("actualMs", actual).With("outputSha256", Hash).ToBytes();

    [Fact]
    public void A_reservation_past_a_licence_budget_is_found_and_unused_seconds_come_back()
    {
        var budgets = """[{"maxRenders":3,"maxSyntheticMs":20000}]""";
        Assert.Null(LedgerAudit.Check([Grant(budgets), Authorized("r1", 20000), Completed("r1", 20000, 12000), Authorized("r2", 8000)]));
        Assert.Equal(3, LedgerAudit.Check([Grant(budgets), Authorized("r1", 20000), Completed("r1", 20000, 12000), Authorized("r2", 8001)])?.Index);
        Assert.Equal(4, LedgerAudit.Check([Grant(budgets), Authorized("r1", 1), Authorized("r2", 1), Authorized("r3", 1), Authorized("r4", 1)])?.Index);
        Assert.Null(LedgerAudit.Check([Grant(null), Authorized("r1", 1_000_000)]));
    }
}
