using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Likeness.Domain.Common;
using Likeness.Domain.Content;

namespace Likeness.Bench;

/// <summary>
/// The prompt classifier over the labelled corpus (tests/Likeness.Tests/Corpus/Prompts): precision and recall per
/// sensitive category and per language, and how long a prompt takes to classify.
/// </summary>
public static class PromptHarness
{
    private sealed record LabelledPrompt(string Id, string Text, string[] Categories);

    public static void Run(int rounds)
    {
        var folder = Corpus();
        var prompts = Directory.GetFiles(folder, "*.jsonl").Order(StringComparer.Ordinal)
            .SelectMany(f => File.ReadLines(f).Where(l => l.Length > 0).Select(l => (Language: Path.GetFileNameWithoutExtension(f), Prompt: JsonSerializer.Deserialize<LabelledPrompt>(l, JsonSerializerOptions.Web)!)))
            .ToList();
        Console.WriteLine($"{prompts.Count} labelled prompts in {folder}; lexicons {PromptClassifier.LexiconVersion}");
        foreach (var group in prompts.GroupBy(p => p.Language).Prepend(prompts.GroupBy(_ => "all").Single()))
        {
            Console.WriteLine($"-- {group.Key}");
            foreach (var c in ContentCategories.Members(ContentCategories.Sensitive))
            {
                int tp = 0, fp = 0, fn = 0;
                foreach (var (language, p) in group)
                {
                    var expected = p.Categories.Contains(Vocabulary<ContentCategory>.Name(c));
                    var found = (PromptClassifier.Classify(p.Text, language) & ContentCategories.Bit(c)) != 0;
                    (tp, fp, fn) = (tp + (expected && found ? 1 : 0), fp + (!expected && found ? 1 : 0), fn + (expected && !found ? 1 : 0));
                }

                var recall = tp + fn == 0 ? 1 : (double)tp / (tp + fn);
                var precision = tp + fp == 0 ? 1 : (double)tp / (tp + fp);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Vocabulary<ContentCategory>.Name(c),-10} recall {recall:F3}  precision {precision:F3}  (tp {tp}, fp {fp}, fn {fn})"));
            }
        }

        var sw = Stopwatch.StartNew();
        var before = GC.GetAllocatedBytesForCurrentThread();
        uint sink = 0;
        for (var r = 0; r < rounds; r++)
        {
            foreach (var (language, p) in prompts)
            {
                sink |= PromptClassifier.Classify(p.Text, language);
            }
        }

        var n = (double)rounds * prompts.Count;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"classify: {sw.Elapsed.TotalMicroseconds / n:F2} µs and {(GC.GetAllocatedBytesForCurrentThread() - before) / n:F0} B a prompt (mean length {prompts.Average(p => p.Prompt.Text.Length):F0} chars; {sink:X})"));
    }

    private static string Corpus()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            var folder = Path.Combine(d.FullName, "tests", "Likeness.Tests", "Corpus", "Prompts");
            if (Directory.Exists(folder))
            {
                return folder;
            }
        }

        throw new DirectoryNotFoundException("tests/Likeness.Tests/Corpus/Prompts is expected in the repository.");
    }
}
