using System.Text.RegularExpressions;

namespace Likeness.Domain.Licensing;

/// <summary>An exact amount: an ISO 4217 currency and an integer number of minor units. Never a float.</summary>
public sealed partial record Money(string Currency, long Minor)
{
    private static readonly HashSet<string> Iso4217 = new(
        ("AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP BYN BZD CAD CDF CHF CLP " +
         "CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR " +
         "ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT " +
         "MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD " +
         "SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD UYU UZS VES VND " +
         "VUV WST XAF XCD XOF XPF YER ZAR ZMW ZWL").Split(' '),
        StringComparer.Ordinal);

    /// <summary>True when <paramref name="code"/> is an active ISO 4217 currency code (upper case).</summary>
    public static bool IsCurrency(string code) => Iso4217.Contains(code);
}

/// <summary>
/// What a licence pays: per render, per second of synthetic output, a minimum guarantee (earnings count towards
/// it; any shortfall is due at the term end), and multipliers. One currency.
/// </summary>
public sealed record Compensation(Money? PerRender, Money? PerSecond, Money? MinimumGuarantee)
{
    public static Compensation None { get; } = new(null, null, null);

    /// <summary>Real-time, purpose and territory multipliers (none by default).</summary>
    public Royalties.Multipliers Multipliers { get; init; } = Royalties.Multipliers.None;

    /// <summary>The one currency used, or null when nothing is paid.</summary>
    public string? Currency => PerRender?.Currency ?? PerSecond?.Currency ?? MinimumGuarantee?.Currency;
}
