namespace Likeness.Domain.Geography;

/// <summary>
/// Resolves a territory code to the set of countries it covers: an ISO 3166-1 alpha-2 country,
/// <c>WORLD</c>, <c>EU</c>, <c>EEA</c>, a UN M49 region by its numeric code, or a trade grouping.
/// </summary>
/// <remarks>
/// Trade groupings, as documented in docs/DOMAIN.md: <c>NA</c> = USMCA (US, CA, MX);
/// <c>LATAM</c> = M49 419 (Latin America and the Caribbean); <c>EMEA</c> = Europe (150), Africa (002)
/// and Western Asia (145); <c>APAC</c> = Asia (142) without Western Asia, plus Oceania (009).
/// </remarks>
public static class Regions
{
    private const string EuMembers = "AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE";

    private static readonly Dictionary<string, CountrySet> Named = Build();

    /// <summary>Every region code this resolver knows (countries excluded).</summary>
    public static IEnumerable<string> RegionCodes => Named.Keys;

    /// <summary>
    /// Resolves a territory <paramref name="code"/> as written in a consent or a licence; false when it is
    /// neither a known region nor a country. Named regions win over countries: <c>NA</c> is North America
    /// (as DESIGN.md defines it), so Namibia is written by its M49 country code <c>516</c> there.
    /// </summary>
    public static bool TryResolve(string code, out CountrySet set)
    {
        if (Named.TryGetValue(code, out set))
        {
            return true;
        }

        if (Countries.TryGetIndex(code, out var i))
        {
            set = CountrySet.Of(i);
            return true;
        }

        return false;
    }

    /// <summary>True when <paramref name="code"/> names one country (not a region).</summary>
    public static bool IsCountry(string code) => Countries.TryGetIndex(code, out _);

    private static CountrySet Codes(string codes)
    {
        var s = CountrySet.Empty;
        foreach (var c in codes.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!Countries.TryGetIndex(c, out var i))
            {
                throw new InvalidOperationException($"Unknown country {c} in region table.");
            }

            s = s.Union(CountrySet.Of(i));
        }

        return s;
    }

    private static Dictionary<string, CountrySet> Build()
    {
        var sub = Countries.SubRegions.ToDictionary(g => g.M49, g => Codes(g.Codes));
        CountrySet Of(params string[] m49) => m49.Aggregate(CountrySet.Empty, (acc, k) => acc.Union(sub[k]));

        var africa = Of("015", "014", "017", "018", "011");
        var americas = Of("029", "013", "005", "021");
        var asia = Of("143", "030", "035", "034", "145");
        var europe = Of("151", "154", "039", "155");
        var oceania = Of("053", "054", "057", "061");
        var world = Countries.All.Select((_, i) => CountrySet.Of(i)).Aggregate(CountrySet.Empty, (a, b) => a.Union(b));
        var latam = Of("029", "013", "005");
        var eu = Codes(EuMembers);

        var d = new Dictionary<string, CountrySet>(StringComparer.OrdinalIgnoreCase)
        {
            ["WORLD"] = world,
            ["001"] = world,
            ["002"] = africa,
            ["202"] = Of("014", "017", "018", "011"),
            ["019"] = americas,
            ["419"] = latam,
            ["003"] = Of("029", "013", "021"),
            ["142"] = asia,
            ["150"] = europe,
            ["009"] = oceania,
            ["EU"] = eu,
            ["EEA"] = eu.Union(Codes("IS LI NO")),
            ["NA"] = Codes("US CA MX"),
            ["LATAM"] = latam,
            ["EMEA"] = europe.Union(africa).Union(sub["145"]),
            ["APAC"] = asia.Except(sub["145"]).Union(oceania),
        };
        d["516"] = Codes("NA");
        foreach (var (m49, _) in Countries.SubRegions)
        {
            if (m49.All(char.IsAsciiDigit))
            {
                d[m49] = sub[m49];
            }
        }

        return d;
    }
}
