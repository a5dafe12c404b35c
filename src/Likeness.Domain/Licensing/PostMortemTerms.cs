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

    /// <summary>The table in force: the rule of a domicile (ISO 3166-2 subdivision, else its country), else the default.</summary>
    public static readonly IReadOnlyList<PostMortemRule> Table = [NoFakes, California];

    /// <summary>The rule for <paramref name="domicile"/> (<c>US-CA</c>, <c>US</c>, or null): the subdivision's, the country's, else the default.</summary>
    public static PostMortemRule For(string? domicile)
    {
        if (domicile is { Length: > 0 })
        {
            var exact = Table.FirstOrDefault(r => string.Equals(r.Jurisdiction, domicile, StringComparison.OrdinalIgnoreCase));
            var country = domicile.Split('-')[0];
            return exact ?? Table.FirstOrDefault(r => string.Equals(r.Jurisdiction, country, StringComparison.OrdinalIgnoreCase)) ?? NoFakes;
        }

        return NoFakes;
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
