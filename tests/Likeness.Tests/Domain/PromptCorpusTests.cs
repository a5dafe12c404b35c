using System.Text.Json;
using Likeness.Domain.Common;
using Likeness.Domain.Content;
using Xunit;
using Xunit.Abstractions;

namespace Likeness.Tests.Domain;

/// <summary>
/// The prompt classifier against the labelled corpus (Corpus/Prompts: 621 prompts written by hand in English, French,
/// Spanish, German and Japanese, with traps): recall and precision per sensitive category, over all languages, meet
/// the issue's goals, and every category found names the phrase that found it.
/// </summary>
public sealed class PromptCorpusTests(ITestOutputHelper output)
{
    /// <summary>One labelled prompt.</summary>
    public sealed record LabelledPrompt(string Id, string Text, string[] Categories, string? Note);

    public static IReadOnlyList<(string Language, LabelledPrompt Prompt)> Corpus() =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Corpus", "Prompts"), "*.jsonl").Order(StringComparer.Ordinal)
            .SelectMany(f => File.ReadLines(f).Where(l => l.Length > 0)
                .Select(l => (Path.GetFileNameWithoutExtension(f), JsonSerializer.Deserialize<LabelledPrompt>(l, JsonSerializerOptions.Web)!)))
            .ToList();

    [Fact]
    public void Recall_and_precision_per_category_meet_the_goals()
    {
        var corpus = Corpus();
        Assert.True(corpus.Count >= 500, $"the corpus has {corpus.Count} prompts");
        var report = PromptScores.Score(corpus.Select(c => (c.Language, c.Prompt.Text, c.Prompt.Categories)));
        output.WriteLine(report.Describe());
        foreach (var miss in report.Mistakes)
        {
            output.WriteLine(miss);
        }

        Assert.All(report.Categories, c =>
        {
            Assert.True(c.Recall >= 0.95, $"{c.Category}: recall {c.Recall:F2}");
            Assert.True(c.Precision >= 0.9, $"{c.Category}: precision {c.Precision:F2}");
        });
    }

    [Fact]
    public void Every_category_found_names_a_phrase_that_found_it()
    {
        foreach (var (language, prompt) in Corpus())
        {
            var mask = PromptClassifier.Classify(prompt.Text, language);
            var named = PromptClassifier.Explain(prompt.Text, language).Aggregate(0u, (m, x) => m | ContentCategories.Bit(x.Category));
            Assert.Equal(mask, named & ContentCategories.Sensitive);
        }
    }
}

/// <summary>Precision and recall of the classifier over labelled prompts, per category.</summary>
public sealed record PromptScores(IReadOnlyList<PromptScores.CategoryScore> Categories, IReadOnlyList<string> Mistakes)
{
    public sealed record CategoryScore(ContentCategory Category, int TruePositives, int FalsePositives, int FalseNegatives)
    {
        public double Recall => TruePositives + FalseNegatives == 0 ? 1 : (double)TruePositives / (TruePositives + FalseNegatives);

        public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);
    }

    public static PromptScores Score(IEnumerable<(string Language, string Text, string[] Categories)> prompts)
    {
        var counts = new Dictionary<ContentCategory, (int Tp, int Fp, int Fn)>();
        var mistakes = new List<string>();
        foreach (var (language, text, labels) in prompts)
        {
            var expected = labels.Aggregate(0u, (m, c) => m | ContentCategories.Bit(Vocabulary<ContentCategory>.TryParse(c, out var v) ? v : throw new FormatException(c)));
            var found = PromptClassifier.Classify(text, language);
            foreach (var c in ContentCategories.Members(ContentCategories.Sensitive))
            {
                var (e, f) = ((expected & ContentCategories.Bit(c)) != 0, (found & ContentCategories.Bit(c)) != 0);
                var (tp, fp, fn) = counts.GetValueOrDefault(c);
                counts[c] = (tp + (e && f ? 1 : 0), fp + (!e && f ? 1 : 0), fn + (e && !f ? 1 : 0));
                if (e != f)
                {
                    var why = f ? string.Join(", ", PromptClassifier.Explain(text, language).Where(x => x.Category == c).Select(x => $"'{x.Found}' ({x.Phrase})")) : "";
                    mistakes.Add($"{(f ? "false positive" : "missed")} {Vocabulary<ContentCategory>.Name(c)} [{language}] {why} :: {text}");
                }
            }
        }

        return new PromptScores(counts.Select(kv => new CategoryScore(kv.Key, kv.Value.Tp, kv.Value.Fp, kv.Value.Fn)).ToList(), mistakes);
    }

    public string Describe() => string.Join("\n", Categories.Select(c =>
        $"{Vocabulary<ContentCategory>.Name(c.Category),-10} recall {c.Recall:F3} precision {c.Precision:F3} (tp {c.TruePositives}, fp {c.FalsePositives}, fn {c.FalseNegatives})"));
}
