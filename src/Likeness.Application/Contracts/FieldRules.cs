using Likeness.Application.Common;
using Likeness.Domain.Common;
using Likeness.Domain.Licensing;

namespace Likeness.Application.Contracts;

/// <summary>
/// The rules every request field of the API follows (codes, seconds, text, money), each refusal a 400 naming the
/// field. Only requests are checked against them: stored records are read by their own codecs, so a rule made
/// stricter later never makes a record already stored unreadable.
/// </summary>
public static class FieldRules
{
    /// <summary>A vocabulary code (camelCase, as documented).</summary>
    public static T Code<T>(string? value, string field)
        where T : struct, Enum =>
        Vocabulary<T>.TryParse(value, out var v)
            ? v
            : throw AppProblem.BadRequest("unknown_code", $"Unknown code '{value}'. Known: {string.Join(", ", Vocabulary<T>.AllNames)}.", field);

    /// <summary>Seconds with at most three decimals, as milliseconds.</summary>
    public static long Seconds(decimal seconds, string field, bool allowZero = true) =>
        Millis.TryFromSeconds(seconds, out var ms) && (allowZero || ms > 0)
            ? ms
            : throw AppProblem.BadRequest("out_of_range", $"Seconds must be {(allowZero ? "0" : "above 0")} to {Millis.MaxSeconds} with at most three decimals.", field);

    /// <summary>Non-empty text of at most <paramref name="max"/> characters.</summary>
    public static void Text(string value, string field, int max)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > max)
        {
            throw AppProblem.BadRequest("invalid_text", $"Expected non-empty text of at most {max} characters.", field);
        }
    }

    /// <summary>
    /// A name people read (a party, an asset, a project, who attested): text as <see cref="Text"/>, without line breaks and
    /// without the bidirectional controls (U+202A–U+202E, U+2066–U+2069) that let a name display as another.
    /// </summary>
    public static void Name(string value, string field, int max)
    {
        Text(value, field, max);
        foreach (var c in value)
        {
            if (c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\n' or '\r' or '\t')
            {
                throw AppProblem.BadRequest("invalid_text", "A name may not hold line breaks, tabs or bidirectional controls (U+202A–U+202E, U+2066–U+2069).", field);
            }
        }
    }

    /// <summary>An exact amount: an ISO 4217 currency and 0 to 10^18 minor units.</summary>
    public static Money? Money(MoneyBody? m, string field)
    {
        if (m is null)
        {
            return null;
        }

        if (!Domain.Licensing.Money.IsCurrency(m.Currency))
        {
            throw AppProblem.BadRequest("unknown_code", $"'{m.Currency}' is not an ISO 4217 currency code.", field + ".currency");
        }

        if (m.Minor is < 0 or > 1_000_000_000_000_000)
        {
            throw AppProblem.BadRequest("out_of_range", "Amounts are 0 to 10^18 minor units.", field + ".minor");
        }

        return new Money(m.Currency, m.Minor);
    }
}
