namespace Likeness.Domain.Licensing;

/// <summary>
/// One jurisdiction's post-mortem right (docs/DOMAIN.md, "Death and post-mortem terms"): it lasts <see cref="InitialYears"/>
/// after the death, is renewable by the estate <see cref="RenewalYears"/> at a time on evidence of authorised use in the
/// <see cref="EvidenceYears"/> before expiry, and ends at most <see cref="MaximumYears"/> after the death.
/// </summary>
public sealed record PostMortemRule(string Jurisdiction, int InitialYears, int RenewalYears, int MaximumYears, int EvidenceYears);

/// <summary>The post-mortem rules by jurisdiction, and the arithmetic of a term. Pure.</summary>
public static class PostMortemTerms
{
    /// <summary>The NO FAKES Act model: 10 years, renewable by 5 on evidence of use in the last 2, at most 70.</summary>
    public static readonly PostMortemRule NoFakes = new("default", 10, 5, 70, 2);

    /// <summary>California (Civil Code 3344.1): 70 years after death, with nothing to renew.</summary>
    public static readonly PostMortemRule California = new("US-CA", 70, 0, 70, 0);

    /// <summary>
    /// The built-in table (version 0): in force until the operator loads one (docs/DOMAIN.md, "Death and post-mortem
    /// terms"), and for deaths stored before terms were recorded.
    /// </summary>
    public static readonly IReadOnlyList<PostMortemRule> Default = [NoFakes, California];

    /// <summary>The jurisdiction of the rule that applies where no other does; every table has one.</summary>
    public const string DefaultJurisdiction = "default";

    /// <summary>The built-in rule for <paramref name="domicile"/>.</summary>
    public static PostMortemRule For(string? domicile) => For(Default, domicile);

    /// <summary>
    /// The rule of <paramref name="table"/> for <paramref name="domicile"/> (<c>US-CA</c>, <c>US</c>, or null): the
    /// subdivision's, the country's, else the table's default.
    /// </summary>
    public static PostMortemRule For(IReadOnlyList<PostMortemRule> table, string? domicile)
    {
        var fallback = table.FirstOrDefault(r => r.Jurisdiction == DefaultJurisdiction) ?? NoFakes;
        if (domicile is { Length: > 0 })
        {
            var exact = table.FirstOrDefault(r => string.Equals(r.Jurisdiction, domicile, StringComparison.OrdinalIgnoreCase));
            var country = domicile.Split('-')[0];
            return exact ?? table.FirstOrDefault(r => string.Equals(r.Jurisdiction, country, StringComparison.OrdinalIgnoreCase)) ?? fallback;
        }

        return fallback;
    }

    /// <summary>
    /// Why <paramref name="table"/> cannot be loaded (with the index of the rule at fault, -1 for the table), or null: it
    /// needs one <c>default</c> rule, jurisdictions once each, and years that make a term (initial 1 to 150, the maximum at
    /// least the initial and at most 150, renewal 0 to the maximum, evidence 0 to 10 and none without renewal).
    /// </summary>
    public static (string Error, int Index)? Invalid(IReadOnlyList<PostMortemRule> table)
    {
        if (table.Count is 0 or > 500)
        {
            return ("A table has 1 to 500 rules.", -1);
        }

        if (table.Count(r => r.Jurisdiction == DefaultJurisdiction) != 1)
        {
            return ("A table has exactly one rule whose jurisdiction is \"default\".", -1);
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < table.Count; i++)
        {
            var r = table[i];
            if (!seen.Add(r.Jurisdiction))
            {
                return ($"The jurisdiction {r.Jurisdiction} appears twice.", i);
            }

            if (r.InitialYears is < 1 or > 150 || r.MaximumYears < r.InitialYears || r.MaximumYears > 150)
            {
                return ("initialYears is 1 to 150 and maximumYears from it to 150.", i);
            }

            if (r.RenewalYears < 0 || r.RenewalYears > r.MaximumYears || r.EvidenceYears is < 0 or > 10 || (r.RenewalYears == 0 && r.EvidenceYears != 0))
            {
                return ("renewalYears is 0 to maximumYears; evidenceYears 0 to 10, and 0 when nothing renews.", i);
            }
        }

        return null;
    }

    /// <summary>The term's first end: the death plus the initial years (never past the maximum).</summary>
    public static DateTimeOffset FirstEnd(PostMortemRule rule, DateTimeOffset diedAt) => diedAt.AddYears(Math.Min(rule.InitialYears, rule.MaximumYears));

    /// <summary>The last possible end: the death plus the maximum years.</summary>
    public static DateTimeOffset MaximumEnd(PostMortemRule rule, DateTimeOffset diedAt) => diedAt.AddYears(rule.MaximumYears);

    /// <summary>When renewal opens: the start of the evidence window before <paramref name="end"/>.</summary>
    public static DateTimeOffset EvidenceFrom(PostMortemRule rule, DateTimeOffset end) => end.AddYears(-rule.EvidenceYears);

    /// <summary>The end after one renewal, or null when the rule renews nothing or the term is at its maximum.</summary>
    public static DateTimeOffset? Renewed(PostMortemRule rule, DateTimeOffset diedAt, DateTimeOffset end)
    {
        var max = MaximumEnd(rule, diedAt);
        if (rule.RenewalYears <= 0 || end >= max)
        {
            return null;
        }

        var next = end.AddYears(rule.RenewalYears);
        return next < max ? next : max;
    }
}
