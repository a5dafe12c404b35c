using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using CsvHelper;
using Likeness.Application.Common;
using Likeness.Application.Planning;
using Likeness.Cli.Output;
using Likeness.Domain.Planning;
using Spectre.Console;

namespace Likeness.Cli.Verbs;

/// <summary>
/// <c>plan FILE.fountain --cast cast.json</c>: breaks a screenplay down by asset tier on this machine (no server needed)
/// and prints the table, and writes one CSV row per part (docs/PLANNING.md).
/// </summary>
public static class PlanVerbs
{
    public static Command Plan()
    {
        var file = Opt.Word("FILE", "The screenplay, in Fountain (.fountain)");
        var cast = Opt.Text("--cast", "A JSON object from character to performer id (or null)", "FILE", required: true);
        var csv = Opt.Text("--csv", "Where to write the CSV (default: FILE with .breakdown.csv)", "FILE");
        return Opt.Verb("plan", "Break a screenplay down by asset tier: a table, and a CSV of every part", file, cast, csv)
            .Does((p, _) =>
            {
                var path = p.GetValue(file)!;
                var (script, refusal) = FountainParser.Parse(Run.ReadFile(path));
                if (refusal is not null)
                {
                    throw new CliException($"{path}:{refusal.Line}: {refusal.Message}");
                }

                var castPath = p.GetValue(cast)!;
                IReadOnlyDictionary<string, string?>? list;
                string? error;
                try
                {
                    using var doc = JsonDocument.Parse(Run.ReadFile(castPath));
                    (list, error) = CastList.Read(doc.RootElement);
                }
                catch (JsonException e)
                {
                    throw new CliException($"{castPath}: not JSON ({e.Message})");
                }

                if (list is null)
                {
                    throw new CliException($"{castPath}: {error}");
                }

                var rules = TierRuleSet.Default;
                var view = BreakdownView.Of(Breakdowner.Break(script!, rules, list), rules.Rates);
                var csvPath = p.GetValue(csv) ?? Path.ChangeExtension(path, ".breakdown.csv");
                WriteCsv(csvPath, view);
                if (p.GetValue(Globals.Json))
                {
                    Console.WriteLine(JsonSerializer.Serialize(view, Json.Options));
                }
                else
                {
                    Print(view, csvPath);
                }

                return Task.FromResult(ExitCodes.Ok);
            });
    }

    /// <summary>
    /// <c>valuation PERFORMER --scenario FILE</c>: V for the scenario in FILE (a JSON object, or an array of them to compare),
    /// from the server, every figure with its working.
    /// </summary>
    public static Command Valuation()
    {
        var performer = Opt.Word("PERFORMER", "The performer's id");
        var scenario = Opt.Text("--scenario", "The scenario, a JSON file (docs/PLANNING.md)", "FILE", required: true);
        return Opt.Verb("valuation", "What a likeness is worth in a scenario: V = (C + M) − (L + T + R)", performer, scenario)
            .Calls((p, api) =>
            {
                var path = p.GetValue(scenario)!;
                string json;
                try
                {
                    // Sent compact: a file's line breaks are control characters, which a query value may not hold.
                    json = System.Text.Json.Nodes.JsonNode.Parse(Run.ReadFile(path))?.ToJsonString() ?? "null";
                }
                catch (JsonException e)
                {
                    throw new CliException($"{path}: not JSON ({e.Message})");
                }

                return api.CallAsync(HttpMethod.Get, $"v1/performers/{Uri.EscapeDataString(p.GetValue(performer)!)}/valuation?scenario={Uri.EscapeDataString(json)}");
            });
    }

    private static void Print(BreakdownView view, string csvPath)
    {
        var parts = new Table().AddColumns("Scene", "Heading", "1/8", "Character", "Performer", "Lines", "Words", "Tier", "Rule", "Modalities", "Seconds");
        var scenes = view.Scenes.ToDictionary(s => s.Index);
        foreach (var part in view.Parts)
        {
            var s = scenes[part.Scene];
            var seconds = part.Decision.Tier == "human" ? "" : string.Join(" ", part.Modalities.Select(m => $"{m} {(m == "voice" ? part.DialogueSeconds : part.ScreenSeconds).ToString(CultureInfo.InvariantCulture)}"));
            parts.AddRow(Cell(s.Number ?? s.Index.ToString(CultureInfo.InvariantCulture)), Cell(s.Heading), Cell(s.Eighths.ToString(CultureInfo.InvariantCulture)),
                Cell(part.Character), Cell(part.PerformerId ?? "-"), Cell(part.Speeches.ToString(CultureInfo.InvariantCulture)), Cell(part.Words.ToString(CultureInfo.InvariantCulture)),
                Cell(part.Decision.Tier), Cell(part.Decision.Rule), Cell(string.Join(",", part.Modalities)), Cell(seconds));
        }

        Terminal.Write(parts);
        var totals = new Table().AddColumns("Performer", "Modality", "Seconds", "Scenes");
        foreach (var e in view.Estimates)
        {
            totals.AddRow(Cell(e.PerformerId), Cell(e.Modality), Cell(e.Seconds.ToString(CultureInfo.InvariantCulture)), Cell(string.Join(",", e.Scenes)));
        }

        Terminal.Write(totals);
        Console.WriteLine($"{view.Scenes.Count} scenes, {view.Pages.ToString(CultureInfo.InvariantCulture)} pages ({view.Eighths} eighths); dialogue at {view.Rates.WordsPerMinute} words a minute, {view.Rates.SecondsPerEighth.ToString(CultureInfo.InvariantCulture)} s an eighth");
        if (view.UnknownCharacters.Count > 0)
        {
            Console.WriteLine($"Not in the cast list: {string.Join(", ", view.UnknownCharacters)}");
        }

        if (view.UnusedCast.Count > 0)
        {
            Console.WriteLine($"In the cast list but not in the screenplay: {string.Join(", ", view.UnusedCast)}");
        }

        Console.WriteLine($"CSV: {csvPath}");
    }

    private static Markup Cell(string text) => new(Markup.Escape(text));

    private static string I(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static void WriteCsv(string path, BreakdownView view)
    {
        try
        {
            using var writer = new StreamWriter(path);
            using var csv = CsvWriter.Create(writer, new CsvWriterOptions(), false);
            csv.WriteHeader(["scene", "number", "heading", "line", "eighths", "sceneTier", "sceneRule", "character", "performerId", "speeches", "words", "voiceOnly", "tier", "rule", "modalities", "derivation", "dialogueSeconds", "screenSeconds"]);
            var scenes = view.Scenes.ToDictionary(s => s.Index);
            foreach (var p in view.Parts)
            {
                var s = scenes[p.Scene];
                csv.WriteRecord([I(s.Index), s.Number ?? "", s.Heading, I(s.Line), I(s.Eighths), s.Decision.Tier, s.Decision.Rule, p.Character, p.PerformerId ?? "",
                    I(p.Speeches), I(p.Words), p.VoiceOnly ? "true" : "false", p.Decision.Tier, p.Decision.Rule, string.Join(' ', p.Modalities), p.Derivation ?? "",
                    p.DialogueSeconds.ToString(CultureInfo.InvariantCulture), p.ScreenSeconds.ToString(CultureInfo.InvariantCulture)]);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot write {path}: {e.Message}");
        }
    }
}
