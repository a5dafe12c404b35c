using System.Diagnostics;
using System.Globalization;
using System.Text;
using Likeness.Domain.Planning;
using Likeness.Domain.Valuation;

namespace Likeness.Bench;

/// <summary>
/// Issue 21's goals: a generated 120-page feature screenplay parsed and broken down (goal ≤ 200 ms), and a valuation
/// over 1,000,000 usage rows (goal ≤ 100 ms). The screenplay and the rows come from a fixed seed; each figure is the
/// median of several runs after a warm-up, printed as a ratio to its goal.
/// </summary>
public static class PlanningHarness
{
    public static void Run(int rounds, int seed)
    {
        var text = Screenplay(seed, out var cast);
        var (script, refusal) = FountainParser.Parse(text);
        if (refusal is not null)
        {
            throw new InvalidOperationException(refusal.Message);
        }

        var pages = Breakdowner.Break(script!, TierRuleSet.Default, cast).Eighths / 8.0;
        var breakdown = Median(rounds, () => Breakdowner.Break(FountainParser.Parse(text).Script!, TierRuleSet.Default, cast).Parts.Count);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"breakdown: {text.Length / 1024} KiB, {script!.LineCount} lines, {pages:F1} pages: median {breakdown:F1} ms over {rounds} runs (goal 200 ms: ratio {breakdown / 200:F3}); seed {seed}"));

        var rows = Rows(seed, 1_000_000);
        var scenario = new ValuationScenario("bench", "USD", 3, 25_000_000, [new("JP", "ja", 100_000_000, 250)], 400, 200, null, null);
        PricedTerms[] actual = [new("lic", 150, 0, 0, 90_500, 0)];
        var model = ExposureModel.Defaults(10_000_000);
        var valuation = Median(rounds, () => Valuator.Value(scenario, actual, rows, new Breadth(3, 5), model, 202612).Value.Minor);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"valuation: {rows.Length:N0} usage rows: median {valuation:F1} ms over {rounds} runs (goal 100 ms: ratio {valuation / 100:F3})"));
    }

    private static double Median(int rounds, Func<long> work)
    {
        work();
        var times = new double[rounds];
        for (var i = 0; i < rounds; i++)
        {
            var sw = Stopwatch.StartNew();
            work();
            times[i] = sw.Elapsed.TotalMilliseconds;
        }

        Array.Sort(times);
        return times[rounds / 2];
    }

    // About 110 scenes of heading, action and dialogue with notes, extensions and keywords: ~120 pages at 56 lines a page.
    private static string Screenplay(int seed, out Dictionary<string, string?> cast)
    {
        var random = new Random(seed);
        string[] names = ["KATE", "DAN", "MARA", "OWEN", "LENA", "THEO", "IRIS", "SAUL", "GUARD", "WAITER"];
        string[] places = ["WAREHOUSE", "KITCHEN", "STADIUM", "CAR", "HOSPITAL", "OFFICE", "ROOF", "HALL"];
        string[] words = ["the", "light", "falls", "across", "a", "table", "she", "waits", "STUNT", "CROWD", "quiet", "door", "FLASHBACK", "tears", "runs", "window"];
        cast = names.Take(8).ToDictionary(n => n, n => (string?)("prf_" + n.ToLowerInvariant()));
        cast["WAITER"] = null;
        var sb = new StringBuilder("Title: Bench Feature\nAuthor: Generated\n\n");
        for (var scene = 1; scene <= 110; scene++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{(random.Next(2) == 0 ? "INT" : "EXT")}. {places[random.Next(places.Length)]} - NIGHT #{scene}#\n\n");
            for (var beat = 0; beat < 5; beat++)
            {
                sb.AppendJoin(' ', Enumerable.Range(0, 20 + random.Next(30)).Select(_ => words[random.Next(words.Length)])).Append(".\n\n");
                var who = names[random.Next(names.Length)];
                sb.Append(who).Append(random.Next(6) == 0 ? " (V.O.)" : "").Append('\n');
                if (random.Next(4) == 0)
                {
                    sb.Append("(beat)\n");
                }

                sb.AppendJoin(' ', Enumerable.Range(0, 5 + random.Next(25)).Select(_ => words[random.Next(words.Length)])).Append(".\n\n");
            }

            if (random.Next(10) == 0)
            {
                sb.Append("[[tier: static]]\n\n");
            }
        }

        return sb.ToString();
    }

    private static ExposureRow[] Rows(int seed, int count)
    {
        var random = new Random(seed);
        var rows = new ExposureRow[count];
        for (var i = 0; i < count; i++)
        {
            var month = 202601 + random.Next(12);
            rows[i] = new ExposureRow(month, random.Next(40), random.Next(1, 120_000), random.Next(0, 3));
        }

        return rows;
    }
}
