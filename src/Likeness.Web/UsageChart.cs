using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Likeness.Application.Contracts;

namespace Likeness.Web;

/// <summary>One row of the usage table: a month, a studio, a licence, and what was rendered.</summary>
public sealed record UsageRow(string Month, string StudioId, string LicenseId, int Renders, decimal Seconds);

/// <summary>
/// Usage per month as a table and as an SVG bar chart drawn on the server (seconds per month, stacked by studio; the
/// renders written on each bar). The table is the chart's accessible equivalent. Months are UTC months.
/// </summary>
public static class UsageChart
{
    private static readonly string[] Fills = ["#0b5cad", "#d98c00", "#136f2b", "#8a2be2", "#a30000", "#4a4a55"];

    public static UsageRow[] Rows(IEnumerable<UsageEventView> events) =>
        events.GroupBy(e => (Month: e.CompletedAt.UtcDateTime.ToString("yyyy-MM", CultureInfo.InvariantCulture), e.StudioId, e.LicenseId))
            .Select(g => new UsageRow(g.Key.Month, g.Key.StudioId, g.Key.LicenseId, g.Count(), g.Sum(e => e.Seconds)))
            .OrderBy(r => r.Month, StringComparer.Ordinal).ThenBy(r => r.StudioId, StringComparer.Ordinal).ThenBy(r => r.LicenseId, StringComparer.Ordinal)
            .ToArray();

    /// <summary>The chart's SVG markup (every text encoded), or an empty string when there is nothing to draw.</summary>
    public static string Svg(UsageRow[] rows)
    {
        if (rows.Length == 0)
        {
            return "";
        }

        var months = rows.Select(r => r.Month).Distinct().Order(StringComparer.Ordinal).ToArray();
        var studios = rows.Select(r => r.StudioId).Distinct().Order(StringComparer.Ordinal).ToArray();
        var max = months.Max(m => rows.Where(r => r.Month == m).Sum(r => r.Seconds));
        const int barWidth = 40, gap = 20, height = 160, top = 20, left = 10;
        var width = left + (months.Length * (barWidth + gap)) + 200;
        var enc = HtmlEncoder.Default;
        var total = rows.Sum(r => r.Seconds);
        var svg = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" role=\"img\" viewBox=\"0 0 {width} {height + top + 40}\" width=\"{width}\" height=\"{height + top + 40}\" ")
            .Append(CultureInfo.InvariantCulture, $"aria-label=\"{enc.Encode($"Synthetic seconds per month, {months.Length} months, {Show.Number(total)} seconds in all; the table below has the figures")}\">");
        for (var i = 0; i < months.Length; i++)
        {
            var x = left + (i * (barWidth + gap));
            var y = (decimal)(top + height);
            foreach (var (studio, s) in studios.Select((id, k) => (id, k)))
            {
                var seconds = rows.Where(r => r.Month == months[i] && r.StudioId == studio).Sum(r => r.Seconds);
                if (seconds <= 0)
                {
                    continue;
                }

                var h = max == 0 ? 0 : seconds * height / max;
                y -= h;
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x}\" y=\"{Fmt(y)}\" width=\"{barWidth}\" height=\"{Fmt(h)}\" fill=\"{Fills[s % Fills.Length]}\"/>");
            }

            var renders = rows.Where(r => r.Month == months[i]).Sum(r => r.Renders);
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x}\" y=\"{Fmt(y - 4)}\">{renders}</text>")
                .Append(CultureInfo.InvariantCulture, $"<text x=\"{x}\" y=\"{top + height + 14}\">{enc.Encode(months[i])}</text>");
        }

        var legendX = left + (months.Length * (barWidth + gap));
        foreach (var (studio, s) in studios.Select((id, k) => (id, k)))
        {
            var y = top + (s * 16);
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{legendX}\" y=\"{y}\" width=\"10\" height=\"10\" fill=\"{Fills[s % Fills.Length]}\"/>")
                .Append(CultureInfo.InvariantCulture, $"<text x=\"{legendX + 14}\" y=\"{y + 9}\">{enc.Encode(studio)}</text>");
        }

        return svg.Append("</svg>").ToString();
    }

    private static string Fmt(decimal d) => d.ToString("0.##", CultureInfo.InvariantCulture);
}
