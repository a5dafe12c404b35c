namespace Likeness.Cli.Output;

/// <summary>Amounts in minor units shown as money (<c>USD 67.75</c>); the table of minor units is the domain's <see cref="Domain.Licensing.MoneyText"/>.</summary>
public static class Money
{
    /// <summary>How many decimals the currency has: 2 unless ISO 4217 says otherwise.</summary>
    public static int Decimals(string currency) => Domain.Licensing.MoneyText.Decimals(currency);

    /// <summary><c>USD 67.75</c> for 6775 minor units; <c>JPY 1200</c>; <c>BHD 1.250</c>.</summary>
    public static string Format(string currency, long minor) => Domain.Licensing.MoneyText.Format(currency, minor);
}
