using System.Text.Json.Nodes;
using Likeness.Cli;
using Likeness.Tests.Support;
using Xunit;

namespace Likeness.Tests.Planning;

/// <summary>
/// <c>likeness plan</c> and <c>likeness valuation</c> as a script runs them: a separate process, files on disk, the
/// documented exit codes and one line on stderr for a refusal (docs/PLANNING.md, "CLI").
/// </summary>
public sealed class PlanCliTests() : WorldTests(Provider.Sqlite)
{
    private string File(string name, string text)
    {
        var path = Path.Combine(Server.Dir, name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public async Task Plan_prints_the_breakdown_and_writes_one_csv_row_per_part()
    {
        var script = File("harbour.fountain", PlanScripts.First);
        var cast = File("cast.json", """{"KATE": "prf_kate", "JON": null}""");
        var csv = Path.Combine(Server.Dir, "out.csv");

        var (exit, stdout, stderr) = await CliProcess.RunAsync("plan", script, "--cast", cast, "--csv", csv, "--json");
        Assert.True(exit == ExitCodes.Ok, stderr);
        var view = JsonNode.Parse(stdout)!;
        Assert.Equal("Harbour Lights", view["title"]!.GetValue<string>());
        var voice = view["estimates"]!.AsArray().Single(e => e!["modality"]!.GetValue<string>() == "voice")!;
        Assert.Equal(("prf_kate", 3.6m), (voice["performerId"]!.GetValue<string>(), voice["seconds"]!.GetValue<decimal>()));

        var rows = System.IO.File.ReadAllLines(csv);
        Assert.StartsWith("scene,number,heading,line,eighths,sceneTier,sceneRule,character,performerId", rows[0], StringComparison.Ordinal);
        Assert.Equal(4, rows.Length);
        Assert.Contains(rows, r => r.Contains("KATE,prf_kate,1,4,false,behavioralEmulator,tier/short-lines", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("KATE,prf_kate,1,5,true,behavioralEmulator,tier/voice-only", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("JON,,1,9,false,generativePersona,tier/background-talent", StringComparison.Ordinal));

        var (te, table, _) = await CliProcess.RunAsync(new Dictionary<string, string> { ["NO_COLOR"] = "1" }, "plan", script, "--cast", cast, "--csv", csv);
        Assert.Equal(ExitCodes.Ok, te);
        Assert.Contains("tier/short-lines", table, StringComparison.Ordinal);
        Assert.Contains($"CSV: {csv}", table, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_screenplay_or_cast_is_one_line_naming_the_file_and_line()
    {
        var cast = File("cast.json", """{"KATE": "prf_kate"}""");
        var broken = File("broken.fountain", "INT. HANGAR - NIGHT\n\n/* never closed\n\nKATE\nHello.\n");
        var (exit, _, stderr) = await CliProcess.RunAsync("plan", broken, "--cast", cast);
        Assert.Equal(ExitCodes.Failed, exit);
        Assert.Single(stderr.Trim().Split('\n'));
        Assert.StartsWith($"likeness: {broken}:3: ", stderr.Trim(), StringComparison.Ordinal);

        var badCast = File("bad-cast.json", """{"KATE": 7}""");
        var (ce, _, cerr) = await CliProcess.RunAsync("plan", File("ok.fountain", PlanScripts.First), "--cast", badCast);
        Assert.Equal(ExitCodes.Failed, ce);
        Assert.Contains("KATE must map to a performer id or null", cerr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Valuation_asks_the_server_and_exits_by_the_answer()
    {
        await W.RenderAsync(W.LicenseId, 10);
        var scenario = File("scenario.json", """
            {"name": "reshoot", "shootingDaysSaved": 2, "dailyBurn": {"currency": "USD", "minor": 10000000},
             "markets": [{"territory": "JP", "language": "ja", "revenue": {"currency": "USD", "minor": 40000000}, "shareBps": 125}],
             "computePerMinute": {"currency": "USD", "minor": 300}, "qaPerMinute": {"currency": "USD", "minor": 120}, "syntheticSeconds": 90,
             "model": {"marketValue": {"currency": "USD", "minor": 5000000}}}
            """);
        string[] As(Actor who, params string[] args) => [.. args, "--server", Server.Url, "--key", who.Key, "--json"];

        var (exit, stdout, stderr) = await CliProcess.RunAsync(As(W.Performer, "valuation", W.Performer.Id, "--scenario", scenario));
        Assert.True(exit == ExitCodes.Ok, stderr);
        var v = JsonNode.Parse(stdout)!;
        Assert.Equal(20_492_176, v["value"]!["amount"]!["minor"]!.GetValue<long>()); // as ValuationHttpTests works it out

        var (other, _, otherErr) = await CliProcess.RunAsync(As(W.OtherStudio, "valuation", W.Performer.Id, "--scenario", scenario));
        Assert.Equal(ExitCodes.NotFound, other);
        Assert.Single(otherErr.Trim().Split('\n'));

        var (bad, _, badErr) = await CliProcess.RunAsync(As(W.Performer, "valuation", W.Performer.Id, "--scenario", File("empty.json", "{}")));
        Assert.NotEqual(ExitCodes.Ok, bad);
        Assert.Contains("marketValue", badErr, StringComparison.Ordinal);
    }
}
