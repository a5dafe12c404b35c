using Likeness.Application.Ledger;
using Likeness.Ledger;
using Xunit;

namespace Likeness.Tests.Ledger;

/// <summary>The auditor's replay of caps (docs/LEDGER.md): the caps in force from <c>consent.version</c>, the counters from the renders.</summary>
public sealed class CapAuditTests
{
    private static readonly DateTimeOffset November = new(2026, 11, 10, 0, 0, 0, TimeSpan.Zero);
    private static readonly string Hash = new('0', 64);

    private static string Caps(string scope) =>
        $$"""[{"limit":10000,"metric":"seconds","modalities":["voice"],"period":"month","rule":"consent/v2/monthly","scope":"{{scope}}","yearStartMonth":1}]""";

    private static byte[] Consent(string? caps) =>
        new LedgerEntry("consent.version", November).With("performer", "prf").With("version", 2).With("by", "prf").With("policySha256", Hash).With("caps", caps).ToBytes();

    private static byte[] Grant(string license, string studio) =>
        new LedgerEntry("license.approved", November).With("license", license).With("request", "req_" + license).With("performer", "prf").With("studio", studio)
            .With("by", "prf").With("termsSha256", Hash).With("consentVersion", 2).With("termEnd", November.AddYears(1)).With("attested", 0).ToBytes();

    private static byte[] Authorized(string render, string license, long ms, DateTimeOffset at, string? modality = "voice") =>
        new LedgerEntry("render.authorized", at).With("render", render).With("license", license).With("use", 0).With("requestedMs", ms).With("reservedMs", ms)
            .With("modality", modality).With("requestSha256", Hash).ToBytes();

    private static byte[] Cancelled(string render, string license, long ms) =>
        new LedgerEntry("render.cancelled", November).With("render", render).With("license", license).With("releasedMs", ms).ToBytes();

    private static byte[] Completed(string render, string license, long reserved, long actual) =>
        new LedgerEntry("render.completed", November).With("render", render).With("license", license).With("use", 0).With("reservedMs", reserved)
            .With("actualMs", actual).With("outputSha256", Hash).ToBytes();

    [Fact]
    public void A_reservation_past_a_performer_cap_is_found_across_studios()
    {
        var finding = LedgerAudit.Check([Consent(Caps("performer")), Grant("a", "std1"), Grant("b", "std2"), Authorized("r1", "a", 6000, November), Authorized("r2", "b", 6000, November)]);
        Assert.NotNull(finding);
        Assert.Equal(4, finding.Index);
        Assert.Contains("consent/v2/monthly", finding.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Releases_and_completions_make_room_and_a_new_month_starts_afresh()
    {
        Assert.Null(LedgerAudit.Check(
        [
            Consent(Caps("performer")), Grant("a", "std1"), Authorized("r1", "a", 6000, November), Cancelled("r1", "a", 6000),
            Authorized("r2", "a", 8000, November), Completed("r2", "a", 8000, 2000), Authorized("r3", "a", 8000, November),
            Authorized("r4", "a", 10000, November.AddMonths(1)),
        ]));
    }

    [Fact]
    public void A_studio_cap_counts_each_studio_apart_and_another_modality_not_at_all()
    {
        Assert.Null(LedgerAudit.Check(
        [
            Consent(Caps("studio")), Grant("a", "std1"), Grant("b", "std2"), Authorized("r1", "a", 10000, November), Authorized("r2", "b", 10000, November),
            Authorized("r3", "a", 10000, November, "face"),
        ]));
    }

    [Fact]
    public void Renders_recorded_before_caps_were_counted_count_against_none_and_a_cap_lowered_later_binds_new_renders_only()
    {
        Assert.Null(LedgerAudit.Check([Grant("a", "std1"), Authorized("r1", "a", 20000, November, modality: null), Consent(Caps("performer")), Authorized("r2", "a", 10000, November)]));
        var finding = LedgerAudit.Check([Grant("a", "std1"), Authorized("r1", "a", 20000, November), Consent(Caps("performer")), Authorized("r2", "a", 1, November)]);
        Assert.Equal(3, finding?.Index);
    }
}
