using Likeness.Application.Ledger;
using Likeness.Ledger;
using Xunit;

namespace Likeness.Tests.Ensembles;

/// <summary>The auditor's replay of renders with several performers (docs/LEDGER.md): every contributor's part is checked.</summary>
public sealed class EnsembleAuditTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 10, 0, 0, 0, TimeSpan.Zero);
    private static readonly string Hash = new('0', 64);

    private static byte[] Grant(string license, string performer, string? budgets = null) =>
        new LedgerEntry("license.approved", At).With("license", license).With("request", "req_" + license).With("performer", performer).With("studio", "std")
            .With("by", performer).With("termsSha256", Hash).With("consentVersion", 1).With("termEnd", At.AddYears(1)).With("attested", 0).With("budgets", budgets).ToBytes();

    private static string Parts(params (string Render, string License, string Members)[] parts) =>
        "[" + string.Join(",", parts.Select(p => $$"""{"license":"{{p.License}}",{{p.Members}}"render":"{{p.Render}}"}""")) + "]";

    private static byte[] Authorized(long aMs, long bMs) =>
        new LedgerEntry("render.authorized", At).With("render", "ens_1").With("requestedMs", aMs + bMs).With("requestSha256", Hash)
            .With("contributors", Parts(("ens_1.0", "a", $"\"modality\":\"voice\",\"reservedMs\":{aMs},\"use\":0,"), ("ens_1.1", "b", $"\"modality\":\"voice\",\"reservedMs\":{bMs},\"use\":0,"))).ToBytes();

    private static byte[] Completed(long actual, long aMs, long bMs, long aReserved, long bReserved) =>
        new LedgerEntry("render.completed", At).With("render", "ens_1").With("actualMs", actual).With("outputSha256", Hash)
            .With("contributors", Parts(("ens_1.0", "a", $"\"actualMs\":{aMs},\"reservedMs\":{aReserved},\"use\":0,"), ("ens_1.1", "b", $"\"actualMs\":{bMs},\"reservedMs\":{bReserved},\"use\":0,"))).ToBytes();

    [Fact]
    public void A_render_whose_parts_settle_its_seconds_exactly_holds()
    {
        Assert.Null(LedgerAudit.Check([Grant("a", "prf1"), Grant("b", "prf2"), Authorized(3334, 6667), Completed(7001, 2333, 4668, 3334, 6667)]));
    }

    [Fact]
    public void Parts_that_do_not_sum_to_the_render_or_pass_a_reservation_are_found()
    {
        Assert.Contains("do not sum", LedgerAudit.Check([Grant("a", "prf1"), Grant("b", "prf2"), Authorized(3334, 6667), Completed(7001, 2333, 4667, 3334, 6667)])!.Problem, StringComparison.Ordinal);
        Assert.Contains("above its reservation", LedgerAudit.Check([Grant("a", "prf1"), Grant("b", "prf2"), Authorized(3334, 6667), Completed(7001, 3335, 3666, 3334, 6667)])!.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_part_past_its_licence_budget_is_found_even_when_the_other_part_is_within_its_own()
    {
        var finding = LedgerAudit.Check([Grant("a", "prf1"), Grant("b", "prf2", """[{"maxSyntheticMs":5000}]"""), Authorized(3000, 6000)]);
        Assert.Contains("budget of 5000 ms", finding!.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void An_approval_of_a_part_that_was_not_waiting_is_found()
    {
        var approval = new LedgerEntry("render.contributor_approved", At).With("render", "ens_1").With("by", "prf2")
            .With("contributors", Parts(("ens_1.1", "b", ""))).ToBytes();
        Assert.Contains("not waiting", LedgerAudit.Check([Grant("a", "prf1"), Grant("b", "prf2"), Authorized(3000, 3000), approval])!.Problem, StringComparison.Ordinal);
    }
}
