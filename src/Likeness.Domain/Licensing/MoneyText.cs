using System.Globalization;

namespace Likeness.Domain.Licensing;

/// <summary>Amounts in minor units shown as money (<c>USD 67.75</c>), with the currency's ISO 4217 minor units: the CLI and the web app show money the same way.</summary>
public static class MoneyText
{
    // ISO 4217 currencies whose minor unit is not 2 (InvariantGlobalization leaves RegionInfo without them).
    private static readonly Dictionary<string, int> MinorUnits = new(StringComparer.OrdinalIgnoreCase)
    {
        ["BIF"] = 0,
        ["CLP"] = 0,
        ["DJF"] = 0,
        ["GNF"] = 0,
        ["ISK"] = 0,
        ["JPY"] = 0,
        ["KMF"] = 0,
        ["KRW"] = 0,
        ["PYG"] = 0,
        ["RWF"] = 0,
        ["UGX"] = 0,
        ["UYI"] = 0,
        ["VND"] = 0,
        ["VUV"] = 0,
        ["XAF"] = 0,
        ["XOF"] = 0,
        ["XPF"] = 0,
        ["BHD"] = 3,
        ["IQD"] = 3,
        ["JOD"] = 3,
        ["KWD"] = 3,
        ["LYD"] = 3,
        ["OMR"] = 3,
        ["TND"] = 3,
        ["CLF"] = 4,
        ["UYW"] = 4,
    };

    /// <summary>How many decimals the currency has: 2 unless ISO 4217 says otherwise.</summary>
    public static int Decimals(string currency) => MinorUnits.GetValueOrDefault(currency, 2);

    /// <summary><c>USD 67.75</c> for 6775 minor units; <c>JPY 1200</c>; <c>BHD 1.250</c>.</summary>
    public static string Format(string currency, long minor)
    {
        var decimals = Decimals(currency);
        var amount = minor / (decimal)Pow10(decimals);
        return $"{currency.ToUpperInvariant()} {amount.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)}";
    }

    private static long Pow10(int n)
    {
        long p = 1;
        for (var i = 0; i < n; i++)
        {
            p *= 10;
        }

        return p;
    }
}
