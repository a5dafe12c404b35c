using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Likeness.Application.Access;
using Likeness.Application.Common;
using Likeness.Application.Contracts;
using Likeness.Application.Ledger;
using Likeness.Application.Model;
using Likeness.Application.Ports;
using Likeness.Domain.Common;
using Likeness.Domain.Royalties;

namespace Likeness.Application.Royalties;

/// <summary>
/// Royalty statements per payee per calendar month, and the studio's invoice, computed from usage alone. An open
/// period is computed on request; closing freezes every line and records the period's hash in the ledger. Later
/// corrections (a death recorded late, say) are adjustment lines in the next open period, never edits.
/// </summary>
public sealed class StatementService(IStore store, TimeProvider clock, Mutations mutations)
{
    public Task<StatementView> GetAsync(PartyRecord caller, string partyId, string period, CancellationToken ct = default)
    {
        var p = Period.Parse(period);
        return store.ReadAsync(
            s =>
            {
                var party = s.GetParty(partyId);
                // The payee, the operator, an auditor, and a performer's side (her estate only once her death is recorded).
                var allowed = party is not null && (caller.Id == party.Id || caller.Kind is PartyKind.Operator or PartyKind.Auditor || AccessRules.IsPerformerSide(caller, party));
                if (!allowed)
                {
                    throw AppProblem.NotFound("party");
                }

                var lines = Lines(s, p, out var closed).Where(l => l.PartyId == partyId).ToList();
                return new StatementView(partyId, p.ToString(), closed ? "closed" : "open", Totals(lines), lines.Select(ToView).ToArray());
            },
            ct);
    }

    /// <summary>The operator closes a finished period: every line frozen, the period's hash in the ledger. Periods close in order.</summary>
    public Task<Outcome> CloseAsync(PartyRecord caller, ClosePeriodBody body, IdempotentRequest? idem, CancellationToken ct = default)
    {
        AccessRules.RequireKind(caller, PartyKind.Operator);
        var p = Period.Parse(body.Period);
        return mutations.WriteAsync(caller.Id, idem, s =>
        {
            var now = clock.GetUtcNow();
            if (p.End > now)
            {
                throw AppProblem.Conflict("period_not_over", $"{p} ends at {p.End:yyyy-MM-ddTHH:mm:ssZ}; it can be closed after that.");
            }

            if (s.GetClosedPeriod(p.ToString()) is not null)
            {
                throw AppProblem.Conflict("period_closed", $"{p} is already closed.");
            }

            // Periods close in order, starting with the month of the first settled render (any month while there is none).
            var closedPeriods = s.ListClosedPeriods();
            Period? expected = closedPeriods.Count > 0 ? Period.Parse(closedPeriods[^1].Period).Next
                : s.EarliestSettlement() is { } first ? Period.FromInstant(first) : null;
            if (expected is { } next && p != next)
            {
                throw AppProblem.Conflict("period_order", $"Periods close in order; the next to close is {next}.");
            }

            var lines = Base(s, p).Concat(AdjustmentsFor(s, p)).ToList();
            var json = Json.Serialize(lines);
            var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
            var index = s.AppendLedgerEntry(new LedgerEntry("statement.closed", now).With("period", p.ToString()).With("linesSha256", sha).With("lines", lines.Count).ToBytes());
            s.InsertClosedPeriod(new ClosedPeriodRecord(p.ToString(), now, json, sha, index));
            Webhooks.WebhookOutbox.Publish(s, Webhooks.WebhookEventTypes.StatementClosed, now, new Webhooks.WebhookAudience(null, [], Everyone: true),
                new Dictionary<string, object?> { ["period"] = p.ToString(), ["linesSha256"] = sha, ["lines"] = lines.Count, ["ledgerIndex"] = index });
            return Outcome.Ok(new ClosedPeriodView(p.ToString(), now, sha, lines.Count, index));
        }, ct);
    }

    /// <summary>
    /// Recomputes a closed period from usage and compares it with what was frozen plus the corrections for it that
    /// later closed periods carried. A difference not yet carried (it will be, as adjustment lines in the next
    /// period to close) is reported.
    /// </summary>
    public Task<PeriodCheckView> VerifyAsync(PartyRecord caller, string period, CancellationToken ct = default)
    {
        if (caller.Kind is not (PartyKind.Operator or PartyKind.Auditor))
        {
            throw AppProblem.Forbidden("Only the operator or an auditor recomputes a whole period.");
        }

        var p = Period.Parse(period);
        return store.ReadAsync(
            s =>
            {
                var closed = s.GetClosedPeriod(p.ToString()) ?? throw new AppProblem(409, "period_open", $"{p} is not closed; only a closed period has frozen statements to compare.");
                var frozen = Json.DeserializeStored<List<StatementLine>>(closed.LinesJson);
                var carried = s.ListClosedPeriods().Where(c => Period.Parse(c.Period) > p)
                    .SelectMany(c => Json.DeserializeStored<List<StatementLine>>(c.LinesJson))
                    .Where(l => l.Kind == LineKind.Adjustment && l.CorrectsPeriod == p.ToString());
                var differences = RoyaltyCalculator.Adjustments(p.ToString(), p.ToString(), Base(s, p), frozen.Where(l => l.Kind != LineKind.Adjustment), carried);
                return new PeriodCheckView(p.ToString(), differences.Count == 0, frozen.Count, differences.Select(ToView).ToArray());
            },
            ct);
    }

    /// <summary>Every line of a period: frozen if closed, otherwise computed now (usage, shortfalls, contributions, adjustments).</summary>
    public static List<StatementLine> Lines(IStoreSession s, Period p, out bool closed)
    {
        if (s.GetClosedPeriod(p.ToString()) is { } frozen)
        {
            closed = true;
            return Json.DeserializeStored<List<StatementLine>>(frozen.LinesJson);
        }

        closed = false;
        return Base(s, p).Concat(AdjustmentsFor(s, p)).ToList();
    }

    /// <summary>A period's lines from its usage and the licences whose term ends in it.</summary>
    public static List<StatementLine> Base(IStoreSession s, Period p)
    {
        var licenses = new Dictionary<string, LicenseRecord>(StringComparer.Ordinal);
        LicenseRecord License(string id) => licenses.TryGetValue(id, out var l) ? l : licenses[id] = s.GetLicense(id)!;
        LicensePay Pay(string id)
        {
            var l = License(id);
            return new LicensePay(l.Id, l.PerformerId, l.StudioId, l.Terms.Compensation, l.Terms.TermEnd);
        }

        var plans = new Dictionary<(string, int), SplitPlan>();
        SplitPlan Plan(string performer, int version) =>
            plans.TryGetValue((performer, version), out var plan) ? plan
                : plans[(performer, version)] = version == 0 ? SplitPlan.Default : SplitsService.Plan(s.GetSplits(performer, version));

        var termEnds = s.ListLicensesEndingIn(p.Start, p.End).Where(l => l.Terms.Compensation.MinimumGuarantee is not null).Select(l =>
        {
            licenses[l.Id] = l;
            var died = s.GetParty(l.PerformerId)?.DiedOn;
            return new TermEnd(
                l.Id, Earned(s, l, p), s.GetSplitsAt(l.PerformerId, l.Terms.TermEnd)?.Version ?? 0,
                died is { } d && new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) <= l.Terms.TermEnd);
        }).ToList();

        return RoyaltyCalculator.Compute(p.ToString(), s.AggregateUsage(p.Start, p.End, null), Pay, Plan, termEnds);
    }

    /// <summary>What a licence earned from its first period through <paramref name="through"/>, summed line by line as the statements did.</summary>
    private static long Earned(IStoreSession s, LicenseRecord l, Period through)
    {
        long earned = 0;
        for (var q = Period.FromInstant(l.ApprovedAt); q <= through; q = q.Next)
        {
            earned += s.AggregateUsage(q.Start, q.End, l.Id).Sum(a => RoyaltyCalculator.Gross(l.Terms.Compensation, a.Renders, a.Millis, a.FactorE12));
        }

        return earned;
    }

    /// <summary>Corrections of every closed period before <paramref name="p"/> not yet carried by a later closed period.</summary>
    private static List<StatementLine> AdjustmentsFor(IStoreSession s, Period p)
    {
        var closed = s.ListClosedPeriods().Where(c => Period.Parse(c.Period) < p).ToList();
        var frozen = closed.ToDictionary(c => c.Period, c => Json.DeserializeStored<List<StatementLine>>(c.LinesJson), StringComparer.Ordinal);
        var lines = new List<StatementLine>();
        foreach (var q in closed)
        {
            var already = closed.Where(r => string.CompareOrdinal(r.Period, q.Period) > 0)
                .SelectMany(r => frozen[r.Period]).Where(l => l.Kind == LineKind.Adjustment && l.CorrectsPeriod == q.Period);
            lines.AddRange(RoyaltyCalculator.Adjustments(p.ToString(), q.Period, Base(s, Period.Parse(q.Period)), frozen[q.Period].Where(l => l.Kind != LineKind.Adjustment), already));
        }

        return lines;
    }

    public static TotalView[] Totals(IEnumerable<StatementLine> lines) =>
        lines.GroupBy(l => l.Currency, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new TotalView(g.Key, g.Sum(l => l.AmountMinor))).ToArray();

    public static StatementLineView ToView(StatementLine l) => new(
        Name(l.Kind), l.LicenseId, l.Use, l.Role, l.Currency, l.Renders, Millis.ToSeconds(l.Millis), l.PerRenderMinor, l.PerSecondMinor,
        (l.FactorE12 / (decimal)Exact.One).ToString("0.############", CultureInfo.InvariantCulture), l.GrossMinor, l.ShareBps, l.AmountMinor,
        l.CorrectsPeriod, l.AdjustedKind is { } k ? Name(k) : null, l.RenderId, l.RenderShareBps);

    private static string Name(LineKind k) => k switch
    {
        LineKind.MinimumGuaranteeShortfall => "minimumGuaranteeShortfall",
        LineKind.PensionAndHealth => "pensionAndHealth",
        _ => Vocabulary<LineKind>.Name(k),
    };

    /// <summary>The stable CSV export: one row per line, these columns, in this order.</summary>
    public static string Csv(StatementView v)
    {
        var sb = new StringBuilder("period,party,status,kind,license,use,role,currency,renders,seconds,per_render_minor,per_second_minor,factor,gross_minor,share_bps,amount_minor,corrects_period,corrects\n");
        foreach (var l in v.Lines)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{v.Period},{v.Party},{v.Status},{l.Kind},{l.LicenseId},{l.Use},{l.Role},{l.Currency},{l.Renders},{l.Seconds},{l.PerRenderMinor},{l.PerSecondMinor},{l.Factor},{l.GrossMinor},{l.ShareBps},{l.AmountMinor},{l.CorrectsPeriod},{l.Corrects}\n");
        }

        return sb.ToString();
    }
}
