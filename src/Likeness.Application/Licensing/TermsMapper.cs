using Likeness.Application.Common;
using Likeness.Application.Contracts;
using Likeness.Domain.Common;
using Likeness.Domain.Geography;
using Likeness.Domain.Language;
using Likeness.Domain.Licensing;
using Likeness.Domain.Royalties;

namespace Likeness.Application.Licensing;

/// <summary>Turns request bodies into validated licence terms and back, naming the field of every error.</summary>
public static class TermsMapper
{
    public const int MaxUses = 20;
    public const int MaxListLength = 64;

    /// <summary>The longest retention terms may set: ten years.</summary>
    public static readonly TimeSpan MaxRetention = TimeSpan.FromDays(3653);

    public static LicenseTerms ToTerms(string project, string description, UseBody[] uses, CompensationBody? compensation, string path = "", string? retention = null)
    {
        FieldRules.Name(project, path + "project", 200);
        FieldRules.Text(description, path + "description", 4000);
        if (uses.Length is 0 or > MaxUses)
        {
            throw AppProblem.BadRequest("invalid_terms", $"A request has 1 to {MaxUses} uses.", path + "uses");
        }

        var list = new List<LicenseUse>(uses.Length);
        for (var i = 0; i < uses.Length; i++)
        {
            list.Add(ToUse(uses[i], $"{path}uses[{i}]"));
        }

        return new LicenseTerms(project.Trim(), description.Trim(), list, ToCompensation(compensation, path + "compensation"))
        {
            Retention = retention is null ? null : Retention(retention, path + "retention"),
        };
    }

    private static LicenseUse ToUse(UseBody u, string path)
    {
        var modality = FieldRules.Code<Modality>(u.Modality, path + ".modality");
        var purposes = List(u.Purposes, path + ".purposes").Select((p, i) => FieldRules.Code<Purpose>(p, $"{path}.purposes[{i}]")).Distinct().ToArray();
        var territories = List(u.Territories, path + ".territories");
        for (var i = 0; i < territories.Length; i++)
        {
            if (!Regions.TryResolve(territories[i], out _))
            {
                throw AppProblem.BadRequest("unknown_code", $"Unknown territory '{territories[i]}': expected an ISO 3166-1 alpha-2 country or a region (WORLD, EU, EEA, NA, LATAM, EMEA, APAC, a UN M49 code).", $"{path}.territories[{i}]");
            }
        }

        var languages = List(u.Languages, path + ".languages");
        for (var i = 0; i < languages.Length; i++)
        {
            if (!LanguageTag.IsValid(languages[i]))
            {
                throw AppProblem.BadRequest("unknown_code", $"'{languages[i]}' is not a BCP 47 language tag.", $"{path}.languages[{i}]");
            }
        }

        if (u.To <= u.From)
        {
            throw AppProblem.BadRequest("invalid_window", "'to' must be after 'from' (the window is from inclusive, to exclusive).", path + ".to");
        }

        if (u.MaxRenders is < 1)
        {
            throw AppProblem.BadRequest("out_of_range", "maxRenders is at least 1.", path + ".maxRenders");
        }

        var categories = (u.ContentCategories ?? []).Select((c, i) => FieldRules.Code<ContentCategory>(c, $"{path}.contentCategories[{i}]")).Distinct().ToArray();
        return new LicenseUse(
            modality, purposes, territories.Select(t => t.ToUpperInvariant()).ToArray(), languages,
            u.From.ToUniversalTime(), u.To.ToUniversalTime(),
            u.MaxSecondsPerDeliverable is { } d ? FieldRules.Seconds(d, path + ".maxSecondsPerDeliverable", allowZero: false) : null,
            u.MaxSyntheticSeconds is { } s ? FieldRules.Seconds(s, path + ".maxSyntheticSeconds", allowZero: false) : null,
            u.MaxRenders,
            categories,
            u.Derivation is null ? null : FieldRules.Code<Derivation>(u.Derivation, path + ".derivation"),
            u.Realtime ?? false);
    }

    private static string[] List(string[] values, string field)
    {
        if (values.Length is 0 or > MaxListLength)
        {
            throw AppProblem.BadRequest("invalid_terms", $"Expected 1 to {MaxListLength} values.", field);
        }

        return values.Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
    }

    private static Compensation ToCompensation(CompensationBody? c, string path)
    {
        if (c is null)
        {
            return Compensation.None;
        }

        var comp = new Compensation(FieldRules.Money(c.PerRender, path + ".perRender"), FieldRules.Money(c.PerSecond, path + ".perSecond"), FieldRules.Money(c.MinimumGuarantee, path + ".minimumGuarantee"))
        {
            Multipliers = new Multipliers(
                c.RealtimeFactorBps is { } rt ? Factor(rt, path + ".realtimeFactorBps") : null,
                (c.PurposeFactors ?? []).Select((p, i) => new PurposeFactor(FieldRules.Code<Purpose>(p.Purpose, $"{path}.purposeFactors[{i}].purpose"), Factor(p.FactorBps, $"{path}.purposeFactors[{i}].factorBps"))).ToArray(),
                (c.TerritoryFactors ?? []).Select((t, i) => new TerritoryFactor(
                    Regions.TryResolve(t.Territory, out _) ? t.Territory.ToUpperInvariant() : throw AppProblem.BadRequest("unknown_code", $"Unknown territory '{t.Territory}'.", $"{path}.territoryFactors[{i}].territory"),
                    Factor(t.FactorBps, $"{path}.territoryFactors[{i}].factorBps"))).ToArray()),
        };
        if (comp.Currency is null && (c.RealtimeFactorBps is not null || c.PurposeFactors is { Length: > 0 } || c.TerritoryFactors is { Length: > 0 }))
        {
            throw AppProblem.BadRequest("invalid_terms", "Multipliers apply to an amount; name perRender or perSecond.", path);
        }
        var currencies = new[] { comp.PerRender, comp.PerSecond, comp.MinimumGuarantee }.Where(m => m is not null).Select(m => m!.Currency).Distinct().Count();
        if (currencies > 1)
        {
            throw AppProblem.BadRequest("mixed_currency", "All amounts of one licence are in one currency.", path);
        }

        return comp;
    }

    // An ISO 8601 duration of at least a minute and at most MaxRetention: a studio cannot be asked to delete in no time.
    private static TimeSpan Retention(string text, string field) =>
        IsoDuration.TryParseMillis(text, out var ms) && ms >= 60_000 && ms <= (long)MaxRetention.TotalMilliseconds
            ? TimeSpan.FromMilliseconds(ms)
            : throw AppProblem.BadRequest("invalid_retention", "'retention' is an ISO 8601 duration (such as P90D) from a minute to ten years.", field);

    /// <summary>A retention as an ISO 8601 duration (P90D, PT36H).</summary>
    public static string? RetentionText(TimeSpan? retention) => retention is { } r ? System.Xml.XmlConvert.ToString(r) : null;

    /// <summary>A multiplier in basis points: 1 (×0.0001) to 100,000 (×10).</summary>
    private static int Factor(int bps, string field) =>
        bps is >= 1 and <= 100_000 ? bps : throw AppProblem.BadRequest("out_of_range", "A factor is 1 to 100000 basis points (10000 = ×1).", field);

    public static TermsView ToView(LicenseTerms t) => new(
        t.Project,
        t.Description,
        t.Uses.Select(u => new UseBody(
            Vocabulary<Modality>.Name(u.Modality),
            u.Purposes.Select(Vocabulary<Purpose>.Name).ToArray(),
            [.. u.Territories],
            [.. u.Languages],
            u.From,
            u.To,
            u.MaxMillisPerDeliverable is { } d ? Millis.ToSeconds(d) : null,
            u.MaxSyntheticMillis is { } s ? Millis.ToSeconds(s) : null,
            u.MaxRenders,
            u.ContentCategories.Select(Vocabulary<ContentCategory>.Name).ToArray(),
            u.Derivation is { } dv ? Vocabulary<Derivation>.Name(dv) : null,
            u.Realtime)).ToArray(),
        t.Compensation.Currency is null ? null : new CompensationBody(
            M(t.Compensation.PerRender), M(t.Compensation.PerSecond), M(t.Compensation.MinimumGuarantee), t.Compensation.Multipliers.RealtimeFactorBps,
            t.Compensation.Multipliers.Purposes.Count == 0 ? null : t.Compensation.Multipliers.Purposes.Select(p => new PurposeFactorBody(Vocabulary<Purpose>.Name(p.Purpose), p.FactorBps)).ToArray(),
            t.Compensation.Multipliers.Territories.Count == 0 ? null : t.Compensation.Multipliers.Territories.Select(x => new TerritoryFactorBody(x.Territory, x.FactorBps)).ToArray()),
        t.TermEnd,
        RetentionText(t.Retention));

    public static MoneyBody? M(Money? m) => m is null ? null : new MoneyBody(m.Currency, m.Minor);

    /// <summary>
    /// The terms' public JSON (the view): what the ledger's and the licence token's <c>termsSha256</c> are the hash of.
    /// Never the stored form (see the storage's own codec).
    /// </summary>
    public static string ViewJson(LicenseTerms t) => Json.Serialize(ToView(t));
}
