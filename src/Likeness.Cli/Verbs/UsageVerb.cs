using System.CommandLine;
using System.Text.Json.Nodes;
using Likeness.Cli.Output;

namespace Likeness.Cli.Verbs;

/// <summary><c>usage --license ID | --performer ID</c>: completed renders, a page at a time, in a table that fits 100 columns.</summary>
public static class UsageVerb
{
    private static readonly (string Key, string Header)[] Columns =
    [
        ("renderId", "render"), ("modality", "modality"), ("purpose", "purpose"), ("territory", "where"), ("language", "lang"),
        ("seconds", "seconds"), ("completedAt", "completed"),
    ];

    public static Command Usage()
    {
        var license = Opt.Text("--license", "A licence's usage", "ID");
        var performer = Opt.Text("--performer", "A performer's usage, every licence", "ID");
        var cursor = Opt.Text("--cursor", "The next page (as the last page printed it)", "C");
        var limit = Opt.Whole("--limit", "Rows a page");
        return Opt.Verb("usage", "Completed renders of a licence or a performer", license, performer, cursor, limit)
            .Does(async (p, _) =>
            {
                var query = new List<string>();
                if (p.GetValue(cursor) is { } c)
                {
                    query.Add("cursor=" + Uri.EscapeDataString(c));
                }

                if (p.GetValue(limit) is { } l)
                {
                    query.Add("limit=" + l);
                }

                var q = query.Count == 0 ? "" : "?" + string.Join('&', query);
                var path = p.GetValue(license) is { } lic ? $"v1/licenses/{PartyVerbs.Esc(lic)}/usage{q}"
                    : p.GetValue(performer) is { } perf ? $"v1/performers/{PartyVerbs.Esc(perf)}/usage{q}"
                    : throw new CliException("usage needs --license ID or --performer ID");
                using var api = Run.Client(p);
                var page = await api.SendAsync(HttpMethod.Get, path);
                if (p.GetValue(Globals.Json))
                {
                    Answer.PrintJson(page);
                }
                else
                {
                    Print(page);
                }

                return ExitCodes.Ok;
            });
    }

    private static void Print(JsonNode? page)
    {
        if (page?["items"] is not JsonArray { Count: > 0 } items)
        {
            Console.WriteLine("(none)");
            return;
        }

        foreach (var row in items.OfType<JsonObject>())
        {
            if (row["completedAt"] is JsonValue v && DateTimeOffset.TryParse(v.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture, out var at))
            {
                row["completedAt"] = at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        // Borderless, so that a 36-character render id and the rest fit 100 columns without wrapping.
        var table = HumanView.Table(items, Columns);
        table.Border = Spectre.Console.TableBorder.None;
        table.Width = Math.Min(100, Console.IsOutputRedirected ? 100 : Console.WindowWidth);
        Terminal.Write(table);
        if (page["nextCursor"] is { } next)
        {
            Console.WriteLine($"next page: --cursor {next}");
        }
    }
}
