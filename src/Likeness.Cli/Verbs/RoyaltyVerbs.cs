using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Likeness.Cli.Output;

namespace Likeness.Cli.Verbs;

/// <summary><c>splits set | get</c>, <c>rates load | get</c>, <c>statements get | close | verify</c>.</summary>
public static class RoyaltyVerbs
{
    public static Command Splits()
    {
        var setId = Opt.Word("PERFORMER_ID", "The performer's id");
        var file = Opt.Text("--file", "The payees and heirs (JSON; - reads stdin)", "SPLITS.json", required: true);
        var set = Opt.Verb("set", "Write a performer's payees and heirs", setId, file)
            .Calls((p, api) => api.CallAsync(HttpMethod.Put, $"v1/performers/{PartyVerbs.Esc(p.GetValue(setId))}/splits", Run.ReadFile(p.GetValue(file)!)));
        var getId = Opt.Word("PERFORMER_ID", "The performer's id");
        var get = Opt.Verb("get", "Show a performer's payees and heirs", getId)
            .Calls((p, api) => api.CallAsync(HttpMethod.Get, $"v1/performers/{PartyVerbs.Esc(p.GetValue(getId))}/splits"));
        return Opt.Verb("splits", "Who is paid a share of a performer's royalties", set, get);
    }

    public static Command Rates()
    {
        var loadId = Opt.Word("UNION_ID", "The union's id");
        var file = Opt.Text("--file", "The rate table (JSON; - reads stdin)", "RATES.json", required: true);
        var load = Opt.Verb("load", "Load a union's rate table (operator)", loadId, file)
            .Calls((p, api) => api.CallAsync(HttpMethod.Put, $"v1/unions/{PartyVerbs.Esc(p.GetValue(loadId))}/rates", Run.ReadFile(p.GetValue(file)!)));
        var getId = Opt.Word("UNION_ID", "The union's id");
        var get = Opt.Verb("get", "Show a union's rate table", getId)
            .Calls((p, api) => api.CallAsync(HttpMethod.Get, $"v1/unions/{PartyVerbs.Esc(p.GetValue(getId))}/rates"));
        return Opt.Verb("rates", "Union rate floors", load, get);
    }

    public static Command Statements()
    {
        var party = Opt.Text("--party", "Whose statement", "ID", required: true);
        var period = Period();
        var csv = Opt.Flag("--csv", "The CSV export instead");
        var get = Opt.Verb("get", "A party's statement (a studio's invoice) for a month", party, period, csv)
            .Does(async (p, _) =>
            {
                using var api = Run.Client(p);
                var path = $"v1/statements?party={Uri.EscapeDataString(p.GetValue(party)!)}&period={Uri.EscapeDataString(p.GetValue(period)!)}";
                if (p.GetValue(csv))
                {
                    Console.Write(Encoding.UTF8.GetString(await api.GetBytesAsync(path + "&format=csv")));
                }
                else
                {
                    Answer.Print(await api.SendAsync(HttpMethod.Get, path + "&format=json"), p.GetValue(Globals.Json));
                }

                return ExitCodes.Ok;
            });

        var closed = Period();
        var close = Opt.Verb("close", "Freeze a month's statements in the ledger (operator)", closed)
            .Calls((p, api) => api.CallAsync(HttpMethod.Post, "v1/statements/close", new JsonObject { ["period"] = p.GetValue(closed) }.ToJsonString()));

        var checkedPeriod = Period();
        var verify = Opt.Verb("verify", "Recompute a closed month from usage: exit 1 if it differs (operator, auditor)", checkedPeriod)
            .Does(async (p, _) =>
            {
                using var api = Run.Client(p);
                var check = await api.SendAsync(HttpMethod.Get, $"v1/statements/verify?period={Uri.EscapeDataString(p.GetValue(checkedPeriod)!)}");
                var json = p.GetValue(Globals.Json);
                if (check?["matches"]?.GetValue<bool>() != false)
                {
                    Answer.Print(check, json);
                    return ExitCodes.Ok;
                }

                Answer.Print(json ? check : check["differences"], json);
                throw new CliException($"period {check["period"]} differs from its frozen statements in {check["differences"]!.AsArray().Count} place(s)");
            });

        return Opt.Verb("statements", "Monthly royalty statements", get, close, verify);
    }

    /// <summary>
    /// A month, as the server takes it, or <c>current</c> or <c>previous</c> (UTC, by this machine's clock): a script or an
    /// example can close last month, the one that is over, without date arithmetic that differs from shell to shell.
    /// </summary>
    private static Option<string> Period()
    {
        var option = new Option<string>("--period")
        {
            Description = "The month (UTC): YYYY-MM, current or previous",
            HelpName = "YYYY-MM",
            Required = true,
            CustomParser = r =>
            {
                var text = r.Tokens.Count > 0 ? r.Tokens[^1].Value : "";
                var now = DateTime.UtcNow;
                return text switch
                {
                    "current" => now.ToString("yyyy-MM", CultureInfo.InvariantCulture),
                    "previous" => now.AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture),
                    _ => text,
                };
            },
        };
        option.CompletionSources.Add("current", "previous");
        return option;
    }
}
