using System.Globalization;
using System.Net;
using System.Text;
using Likeness.Domain.Valuation;

namespace Likeness.Application.Planning;

/// <summary>Small bar charts written as SVG by the server (no plotting library needed for bars with labels).</summary>
public static class SvgCharts
{
    private const int Width = 640;
    private const int Height = 240;
    private const int Margin = 40;

    /// <summary>Synthetic seconds settled per month over the exposure window.</summary>
    public static string Exposure(IReadOnlyList<ExposurePointView> series) =>
        Bars("Exposure: synthetic seconds per month", series.Select(p => (p.Month[2..], (double)p.Seconds)).ToList());

    /// <summary>V beside its terms, costs drawn below the axis.</summary>
    public static string Components(ValuationResult r) =>
        Bars($"{r.Scenario}: V and its terms ({r.Currency} minor units)",
        [
            ("C", r.Savings.Minor), ("M", r.Expansion.Minor), ("−L", -r.Licensing.Minor), ("−T", -r.Compute.Minor),
            ("−R", -r.Depreciation.Now.Minor), ("V", r.Value.Minor),
        ]);

    /// <summary>V of every scenario compared, side by side.</summary>
    public static string ByScenario(IReadOnlyList<ValuationResult> results) =>
        Bars($"V by scenario ({results[0].Currency} minor units)", [.. results.Select(r => (r.Scenario, (double)r.Value.Minor))]);

    private static string Bars(string title, IReadOnlyList<(string Label, double Value)> bars)
    {
        var max = Math.Max(1, bars.Max(b => Math.Abs(b.Value)));
        var hasNegative = bars.Any(b => b.Value < 0);
        var plot = Height - (2 * Margin);
        var zero = hasNegative ? Margin + (plot / 2.0) : Height - Margin;
        var scale = (hasNegative ? plot / 2.0 : plot) / max;
        var step = (Width - (2.0 * Margin)) / Math.Max(1, bars.Count);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" role=\"img\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title>{WebUtility.HtmlEncode(title)}</title><text x=\"{Margin}\" y=\"20\" font-size=\"13\">{WebUtility.HtmlEncode(title)}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Margin}\" y1=\"{zero:0.#}\" x2=\"{Width - Margin}\" y2=\"{zero:0.#}\" stroke=\"#333\"/>");
        for (var i = 0; i < bars.Count; i++)
        {
            var (label, value) = bars[i];
            var h = Math.Abs(value) * scale;
            var x = Margin + (i * step) + (step * 0.15);
            var y = value >= 0 ? zero - h : zero;
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x:0.#}\" y=\"{y:0.#}\" width=\"{step * 0.7:0.#}\" height=\"{h:0.#}\" fill=\"{(value >= 0 ? "#3b7dd8" : "#d8663b")}\"><title>{WebUtility.HtmlEncode(label)}: {value.ToString("0.###", CultureInfo.InvariantCulture)}</title></rect>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + (step * 0.35):0.#}\" y=\"{Height - 12}\" font-size=\"11\" text-anchor=\"middle\">{WebUtility.HtmlEncode(label)}</text>");
        }

        return svg.Append("</svg>").ToString();
    }
}
