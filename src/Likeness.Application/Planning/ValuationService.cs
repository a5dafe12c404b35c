using System.Text;
using Likeness.Application.Access;
using Likeness.Application.Common;
using Likeness.Application.Contracts;
using Likeness.Application.Model;
using Likeness.Application.Ports;
using Likeness.Domain.Common;
using Likeness.Domain.Decisions;
using Likeness.Domain.Valuation;

namespace Likeness.Application.Planning;

/// <summary>
/// <c>GET /v1/performers/{id}/valuation?scenario=…</c> (docs/PLANNING.md, "Valuation"): V for the caller's scenario, from
/// the licences and the usage the caller may see. The performer side sees every licence and all exposure; a studio
/// sees a scenario on its own licences and its own exposure only, and a 404 when it holds none with the performer.
/// </summary>
public sealed class ValuationService(IStore store, TimeProvider clock)
{
    /// <summary>The longest <c>scenario</c> accepted, in characters.</summary>
    public const int MaxScenarioChars = 16_384;

    public Task<ValuationView> ValueAsync(PartyRecord caller, string performerId, string? scenarioJson, CancellationToken ct = default) =>
        store.ReadAsync(s => Value(s, caller, performerId, scenarioJson), ct);

    private ValuationView Value(IStoreSession s, PartyRecord caller, string performerId, string? scenarioJson)
    {
        var performer = s.GetParty(performerId);
        var licences = s.ListLicensesOfPerformer(performerId);
        var studioOnly = caller.Kind == PartyKind.Studio ? caller.Id : null;
        if (studioOnly is not null)
        {
            licences = [.. licences.Where(l => l.StudioId == studioOnly)];
            if (performer is null || licences.Count == 0)
            {
                throw AppProblem.NotFound("performer");
            }
        }
        else
        {
            AccessRules.RequirePerformerSide(caller, performer);
        }

        // Access is decided before the scenario is read, so a caller who may not see the performer learns nothing more.
        var bodies = ReadScenarios(scenarioJson);
        var currency = Currency(bodies[0], licences);
        if (bodies.Any(b => Currency(b, licences) != currency))
        {
            throw Bad("scenario", $"every scenario is in one currency ({currency})");
        }

        var priced = new List<PricedTerms>();
        var excluded = new List<string>();
        var purposes = new HashSet<Purpose>();
        var territories = new HashSet<string>(StringComparer.Ordinal);
        foreach (var l in licences)
        {
            var c = l.Terms.Compensation;
            if (c.Currency is { } cur && cur != currency)
            {
                excluded.Add($"{l.Id}: paid in {cur}, not {currency}");
                continue;
            }

            var budgets = s.GetBudgets(l.Id);
            var millis = budgets.Sum(b => b.SecondsUsedMillis);
            var renders = budgets.Sum(b => b.RendersUsed);
            priced.Add(new PricedTerms(l.Id, c.PerSecond?.Minor ?? 0, c.PerRender?.Minor ?? 0, c.MinimumGuarantee?.Minor ?? 0, millis, renders));
            foreach (var b in budgets.Where(b => b.SecondsUsedMillis > 0 || b.RendersUsed > 0))
            {
                var use = l.Terms.Uses[b.UseIndex];
                purposes.UnionWith(use.Purposes);
                territories.UnionWith(use.Territories);
            }
        }

        var results = new List<(ValuationResult Result, int AsOf)>(bodies.Count);
        for (var i = 0; i < bodies.Count; i++)
        {
            var body = bodies[i];
            var scenario = ToScenario(body, currency, i);
            var model = ToModel(body.Model, currency);
            var asOf = body.AsOf is null ? CapMonths.Of(clock.GetUtcNow()) : ParseMonth(body.AsOf);
            var studios = new Dictionary<string, int>(StringComparer.Ordinal);
            var rows = s.GetCapCounters(performerId, CapMonths.Add(asOf, -model.WindowMonths + 1))
                .Where(c => studioOnly is null || c.StudioId == studioOnly)
                .Select(c => new ExposureRow(c.Month, StudioIndex(studios, c.StudioId), c.SecondsUsedMillis, c.RendersUsed))
                .ToArray();
            ProposedExposure? proposed = null;
            if (scenario.Proposed is { } terms)
            {
                var p = body.Proposed!;
                var withPurposes = purposes.Union((p.Purposes ?? []).Select(x => Vocabulary<Purpose>.TryParse(x, out var v) ? v : throw Bad("scenario.proposed.purposes", $"\"{x}\" is not a purpose"))).Count();
                var withTerritories = territories.Union(p.Territories ?? []).Count();
                proposed = new ProposedExposure(terms, StudioIndex(studios, studioOnly ?? "(proposed)"), new Breadth(withPurposes, withTerritories));
            }

            results.Add((Valuator.Value(scenario, priced, rows, new Breadth(purposes.Count, territories.Count), model, asOf, proposed), asOf));
        }

        return ValuationView.Of(performerId, results[0].Result, excluded, results[0].AsOf, results.Select(r => r.Result).ToList());
    }

    private static string Currency(ValuationScenarioBody body, IReadOnlyList<LicenseRecord> licences) =>
        body.Model?.MarketValue?.Currency ?? body.DailyBurn?.Currency ?? body.ComputePerMinute?.Currency
        ?? licences.Select(l => l.Terms.Compensation.Currency).FirstOrDefault(c => c is not null) ?? "USD";

    private static int StudioIndex(Dictionary<string, int> studios, string id)
    {
        if (!studios.TryGetValue(id, out var i))
        {
            i = studios.Count;
            studios[id] = i;
        }

        return i;
    }

    /// <summary>The most scenarios one call compares.</summary>
    public const int MaxScenarios = 8;

    // One scenario is a JSON object; several, to compare, a JSON array of them (the first is the one shown in full).
    private static IReadOnlyList<ValuationScenarioBody> ReadScenarios(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            throw Bad("scenario", "the scenario query parameter (a JSON object, or an array of them) is required");
        }

        if (json.Length > MaxScenarioChars)
        {
            throw Bad("scenario", $"the scenario is longer than {MaxScenarioChars} characters");
        }

        var utf8 = Encoding.UTF8.GetBytes(json);
        if (json.TrimStart().StartsWith('['))
        {
            var many = Json.Deserialize<ValuationScenarioBody[]>(utf8);
            return many.Length is >= 1 and <= MaxScenarios ? many : throw Bad("scenario", $"1 to {MaxScenarios} scenarios");
        }

        return [Json.Deserialize<ValuationScenarioBody>(utf8)];
    }

    private static ValuationScenario ToScenario(ValuationScenarioBody b, string currency, int index)
    {
        var markets = (b.Markets ?? []).Select((m, i) => new MarketAssumption(
            m.Territory ?? throw Bad($"scenario.markets[{i}].territory", "a territory is required"),
            m.Language ?? throw Bad($"scenario.markets[{i}].language", "a language is required"),
            Amount(m.Revenue, currency, $"scenario.markets[{i}].revenue"),
            m.ShareBps is >= 0 and <= 10_000 ? m.ShareBps.Value : throw Bad($"scenario.markets[{i}].shareBps", "a share between 0 and 10000 basis points is required"))).ToList();
        PricedTerms? proposed = null;
        if (b.Proposed is { } p)
        {
            proposed = new PricedTerms("proposed", Amount(p.PerSecond, currency, "scenario.proposed.perSecond"), Amount(p.PerRender, currency, "scenario.proposed.perRender"),
                Amount(p.MinimumGuarantee, currency, "scenario.proposed.minimumGuarantee"), Seconds(p.SyntheticSeconds, "scenario.proposed.syntheticSeconds") ?? 0,
                p.Renders is null or >= 0 ? p.Renders ?? 0 : throw Bad("scenario.proposed.renders", "renders cannot be negative"));
        }

        return new ValuationScenario(b.Name ?? (index == 0 ? "scenario" : $"scenario {index + 1}"), currency,
            b.ShootingDaysSaved is null or >= 0 ? b.ShootingDaysSaved ?? 0 : throw Bad("scenario.shootingDaysSaved", "days cannot be negative"),
            Amount(b.DailyBurn, currency, "scenario.dailyBurn"), markets, Amount(b.ComputePerMinute, currency, "scenario.computePerMinute"),
            Amount(b.QaPerMinute, currency, "scenario.qaPerMinute"), Seconds(b.SyntheticSeconds, "scenario.syntheticSeconds"), proposed);
    }

    private static ExposureModel ToModel(ExposureModelBody? m, string currency)
    {
        var d = ExposureModel.Defaults(0);
        if (m?.MarketValue is null)
        {
            throw Bad("scenario.model.marketValue", "the likeness's market value (what depreciation is a fraction of) is required");
        }

        return new ExposureModel(
            Amount(m.MarketValue, currency, "scenario.model.marketValue"),
            m.WindowMonths is null or (>= 1 and <= 120) ? m.WindowMonths ?? d.WindowMonths : throw Bad("scenario.model.windowMonths", "1 to 120 months"),
            Seconds(m.SecondsPerRender, "scenario.model.secondsPerRender") ?? d.MillisPerRender,
            Seconds(m.SaturationSeconds, "scenario.model.saturationSeconds") is { } sat ? (sat > 0 ? sat : throw Bad("scenario.model.saturationSeconds", "must be more than 0")) : d.SaturationMillis,
            Bps(m.StudioSpreadBps, d.StudioSpreadBps, "studioSpreadBps"), Bps(m.PurposeSpreadBps, d.PurposeSpreadBps, "purposeSpreadBps"),
            Bps(m.TerritorySpreadBps, d.TerritorySpreadBps, "territorySpreadBps"), Bps(m.MaxDepreciationBps, d.MaxDepreciationBps, "maxDepreciationBps"));
    }

    private static int Bps(int? value, int fallback, string field) =>
        value is null or (>= 0 and <= 10_000) ? value ?? fallback : throw Bad($"scenario.model.{field}", "0 to 10000 basis points");

    private static long Amount(MoneyBody? money, string currency, string field) =>
        money is null ? 0
        : money.Currency != currency ? throw Bad(field, $"every amount is in one currency ({currency})")
        : money.Minor is >= 0 and <= 1_000_000_000_000_000 ? money.Minor : throw Bad(field, "an amount from 0 to 10^18 minor units");

    private static long? Seconds(decimal? seconds, string field) =>
        seconds is null ? null : Millis.TryFromSeconds(seconds.Value, out var ms) && ms >= 0 ? ms : throw Bad(field, "seconds from 0, to the millisecond");

    private static int ParseMonth(string text) =>
        text.Length == 7 && text[4] == '-' && int.TryParse(text[..4], out var y) && int.TryParse(text[5..], out var m) && y is >= 2000 and <= 9999 && m is >= 1 and <= 12
            ? (y * 100) + m
            : throw Bad("scenario.asOf", "a month, yyyy-mm");

    private static AppProblem Bad(string field, string message) => AppProblem.BadRequest("invalid_scenario", message, field);
}
