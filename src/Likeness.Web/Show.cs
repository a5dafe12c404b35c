using System.Globalization;
using System.Text.Encodings.Web;
using Likeness.Application.Contracts;
using Likeness.Domain.Licensing;
using Microsoft.AspNetCore.Html;

namespace Likeness.Web;

/// <summary>How the pages show times, money and budgets. Everything goes through Razor's HTML encoder.</summary>
public static class Show
{
    /// <summary>
    /// A time as <c>&lt;time&gt;</c> in UTC, its title the UTC time; <c>local-time.js</c> rewrites the text into the
    /// viewer's time zone (with JavaScript off the UTC text stays, labelled).
    /// </summary>
    public static IHtmlContent Time(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        var iso = utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var text = utc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";
        return new HtmlString($"<time datetime=\"{iso}\" title=\"{text}\">{text}</time>");
    }

    /// <summary>Money in its currency (<c>USD 25.00</c>), or a dash.</summary>
    public static string Money(MoneyBody? money) => money is null ? "—" : MoneyText.Format(money.Currency, money.Minor);

    public static string Money(string currency, long minor) => MoneyText.Format(currency, minor);

    /// <summary>The compensation in one line.</summary>
    public static string Compensation(CompensationBody? c)
    {
        if (c is null)
        {
            return "none stated";
        }

        var parts = new List<string>();
        if (c.PerRender is { } r)
        {
            parts.Add(Money(r) + " per render");
        }

        if (c.PerSecond is { } s)
        {
            parts.Add(Money(s) + " per second");
        }

        if (c.MinimumGuarantee is { } m)
        {
            parts.Add(Money(m) + " minimum guarantee");
        }

        return parts.Count == 0 ? "none stated" : string.Join(", ", parts);
    }

    /// <summary>A use in one line: modality, purposes, territories, languages.</summary>
    public static string Use(UseBody u) =>
        $"{u.Modality}: {string.Join(", ", u.Purposes)} · {string.Join(", ", u.Territories)} · {string.Join(", ", u.Languages)}";

    public static string Number(decimal n) => n.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>
    /// A budget as a bar (used, reserved, left) drawn with an SVG, labelled in words for screen readers; an unlimited
    /// budget is only the words.
    /// </summary>
    public static IHtmlContent Bar(string label, decimal used, decimal reserved, decimal? limit)
    {
        var words = limit is { } max
            ? $"{label}: {Number(used)} used, {Number(reserved)} reserved, {Number(Math.Max(0, max - used - reserved))} left of {Number(max)}"
            : $"{label}: {Number(used)} used, {Number(reserved)} reserved, no limit";
        var encoded = HtmlEncoder.Default.Encode(words);
        if (limit is not { } total || total <= 0)
        {
            return new HtmlString($"<p class=\"budget\">{encoded}</p>");
        }

        static string Pct(decimal part, decimal whole) => Math.Clamp(part * 100m / whole, 0m, 100m).ToString("0.##", CultureInfo.InvariantCulture);
        var u = Pct(used, total);
        var r = Pct(reserved, total);
        return new HtmlString(
            $"<figure class=\"budget\"><svg role=\"img\" aria-label=\"{encoded}\" viewBox=\"0 0 100 6\" preserveAspectRatio=\"none\" class=\"bar\">" +
            $"<rect width=\"100\" height=\"6\" class=\"left\"/><rect width=\"{u}\" height=\"6\" class=\"used\"/>" +
            $"<rect x=\"{u}\" width=\"{r}\" height=\"6\" class=\"reserved\"/></svg><figcaption>{encoded}</figcaption></figure>");
    }

    /// <summary>A licence's budgets as bars.</summary>
    public static IEnumerable<IHtmlContent> Bars(LicenseView licence)
    {
        foreach (var b in licence.Budgets)
        {
            yield return Bar($"Use {b.Use + 1}, seconds", b.SecondsUsed, b.SecondsReserved, b.MaxSyntheticSeconds);
            yield return Bar($"Use {b.Use + 1}, renders", b.RendersUsed, b.RendersReserved, b.MaxRenders);
        }
    }
}
