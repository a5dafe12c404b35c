using System.Text.Json;
using Microsoft.Playwright;
using Xunit;

namespace Likeness.Tests.Web;

/// <summary>
/// axe-core (npm, pinned in tests/oracles) run in the page: no serious or critical violation. The script is evaluated
/// through the browser's protocol, which the page's Content-Security-Policy (no inline script) does not govern.
/// </summary>
public static class Axe
{
    private static readonly Lazy<string> Source = new(() =>
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            var file = Path.Combine(d.FullName, "tests", "oracles", "node_modules", "axe-core", "axe.min.js");
            if (File.Exists(file))
            {
                return File.ReadAllText(file);
            }
        }

        throw new InvalidOperationException("tests/oracles/node_modules/axe-core is missing: run scripts/test.sh (npm ci in tests/oracles).");
    });

    public static async Task AssertCleanAsync(IPage page)
    {
        await page.EvaluateAsync(Source.Value + "\n;0");
        var json = await page.EvaluateAsync<string>(
            "async () => JSON.stringify((await axe.run(document)).violations.filter(v => v.impact === 'serious' || v.impact === 'critical').map(v => v.id + ': ' + v.help + ' ' + v.nodes.map(n => n.target.join(' ')).join(', ')))");
        var violations = JsonSerializer.Deserialize<string[]>(json)!;
        Assert.True(violations.Length == 0, page.Url + ": " + string.Join("; ", violations));
    }
}
