namespace Likeness.Domain.Geography;

/// <summary>
/// The ISO 3166-1 alpha-2 country codes (all 249 officially assigned), grouped by UN M49 region.
/// Each country has a fixed index so that a set of countries fits in a 256-bit <see cref="CountrySet"/>.
/// </summary>
public static class Countries
{
    // Grouped by M49 sub-region; the group names are the M49 numeric codes.
    internal static readonly (string M49, string Codes)[] SubRegions =
    [
        ("015", "DZ EG LY MA SD TN EH"),
        ("014", "IO BI KM DJ ER ET TF KE MG MW MU YT MZ RE RW SC SO SS UG TZ ZM ZW"),
        ("017", "AO CM CF TD CG CD GQ GA ST"),
        ("018", "BW SZ LS NA ZA"),
        ("011", "BJ BF CV CI GM GH GN GW LR ML MR NE NG SH SN SL TG"),
        ("029", "AI AG AW BS BB BQ VG KY CU CW DM DO GD GP HT JM MQ MS PR BL KN LC MF VC SX TT TC VI"),
        ("013", "BZ CR SV GT HN MX NI PA"),
        ("005", "AR BO BV BR CL CO EC FK GF GY PY PE GS SR UY VE"),
        ("021", "BM CA GL PM US"),
        ("143", "KZ KG TJ TM UZ"),
        ("030", "CN HK MO KP JP MN KR TW"),
        ("035", "BN KH ID LA MY MM PH SG TH TL VN"),
        ("034", "AF BD BT IN IR MV NP PK LK"),
        ("145", "AM AZ BH CY GE IQ IL JO KW LB OM QA SA PS SY TR AE YE"),
        ("151", "BY BG CZ HU PL MD RO RU SK UA"),
        ("154", "AX DK EE FO FI GG IS IE IM JE LV LT NO SJ SE GB"),
        ("039", "AL AD BA HR GI GR VA IT MT ME MK PT SM RS SI ES"),
        ("155", "AT BE FR DE LI LU MC NL CH"),
        ("053", "AU NZ NF CX CC HM"),
        ("054", "FJ NC PG SB VU"),
        ("057", "GU KI MH FM NR MP PW UM"),
        ("061", "AS CK PF NU PN WS TK TO TV WF"),
        ("AQ", "AQ"),
    ];

    private static readonly string[] Codes = BuildCodes();
    private static readonly Dictionary<string, int> IndexByCode = BuildIndex();

    /// <summary>How many countries there are.</summary>
    public static int Count => Codes.Length;

    /// <summary>Every country code in index order.</summary>
    public static IReadOnlyList<string> All => Codes;

    /// <summary>The code of the country at <paramref name="index"/>.</summary>
    public static string CodeAt(int index) => Codes[index];

    /// <summary>Looks up an ISO 3166-1 alpha-2 code (case-insensitive).</summary>
    public static bool TryGetIndex(string code, out int index) => IndexByCode.TryGetValue(code, out index);

    private static string[] BuildCodes() =>
        SubRegions.SelectMany(g => g.Codes.Split(' ')).ToArray();

    private static Dictionary<string, int> BuildIndex()
    {
        var d = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < Codes.Length; i++)
        {
            d.Add(Codes[i], i);
        }

        return d;
    }
}
