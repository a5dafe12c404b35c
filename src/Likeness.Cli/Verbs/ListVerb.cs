using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Likeness.Cli.Output;
using Spectre.Console;

namespace Likeness.Cli.Verbs;

/// <summary>A column of a list's table: its header and how a row's cell is written.</summary>
public sealed record ListColumn(string Header, Func<JsonObject, string> Cell, bool NoWrap = false);

/// <summary>
/// A verb over a paged list route: its filters as query parameters, <c>--limit</c> and <c>--cursor</c>, and <c>--all</c> to
/// follow the cursors to the end. Prints a table of chosen columns that fits 100 columns, or with <c>--json</c> the
/// server's page (under <c>--all</c>, one page holding every item, its <c>nextCursor</c> null).
/// </summary>
public static class ListVerb
{
    /// <summary>Builds the verb; <paramref name="path"/> is the route, <paramref name="filters"/> each option and the query parameter it fills.</summary>
    public static Command Create(
        string name, string description, Func<ParseResult, string> path, IReadOnlyList<ListColumn> columns, params (Option<string> Option, string Query)[] filters) =>
        Create(name, description, path, columns, [], filters);

    /// <summary>As above, with positional <paramref name="arguments"/> (the performer whose history it lists).</summary>
    public static Command Create(
        string name, string description, Func<ParseResult, string> path, IReadOnlyList<ListColumn> columns, Argument[] arguments, params (Option<string> Option, string Query)[] filters)
    {
        var limit = Opt.Whole("--limit", "Items a page (the server's default when absent)");
        var cursor = Opt.Text("--cursor", "The next page, as the last page printed it", "C");
        var all = Opt.Flag("--all", "Follow the cursors: every page, from --cursor or the first");
        Symbol[] symbols = [.. arguments, .. filters.Select(f => f.Option), limit, cursor, all];
        return Opt.Verb(name, description, symbols).Does(async (p, ct) =>
        {
            using var api = Run.Client(p);
            var items = new JsonArray();
            var next = p.GetValue(cursor);
            JsonNode? page;
            do
            {
                var parameters = filters.Select(f => (Name: f.Query, Value: p.GetValue(f.Option)))
                    .Append((Name: "limit", Value: p.GetValue(limit)?.ToString(CultureInfo.InvariantCulture)))
                    .Append((Name: "cursor", Value: next))
                    .Where(x => x.Value is not null)
                    .Select(x => $"{x.Name}={Uri.EscapeDataString(x.Value!)}");
                var query = string.Join('&', parameters);
                page = await api.SendAsync(HttpMethod.Get, query.Length == 0 ? path(p) : $"{path(p)}?{query}");
                next = page?["nextCursor"] is JsonValue c && c.TryGetValue<string>(out var s) ? s : null;
                foreach (var item in page?["items"]?.AsArray() ?? [])
                {
                    items.Add(item?.DeepClone());
                }
            }
            while (p.GetValue(all) && next is not null && !ct.IsCancellationRequested);

            if (p.GetValue(Globals.Json))
            {
                Answer.PrintJson(p.GetValue(all) ? new JsonObject { ["items"] = items, ["nextCursor"] = null } : page);
            }
            else
            {
                Print(items, columns, next);
            }

            return ExitCodes.Ok;
        });
    }

    /// <summary>A time in UTC to the minute (<c>2026-11-30 14:05</c>) or as <paramref name="format"/> says, so that a row stays short.</summary>
    public static string Time(JsonNode? node, string format = "yyyy-MM-dd HH:mm") =>
        node is JsonValue v && v.TryGetValue<string>(out var s) && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, out var at)
            ? at.UtcDateTime.ToString(format, CultureInfo.InvariantCulture)
            : "";

    /// <summary>A scalar as text (a string without its quotes).</summary>
    public static string Text(JsonNode? node) =>
        node switch
        {
            null => "",
            JsonValue v when v.TryGetValue<string>(out var s) => s,
            _ => node.ToJsonString(),
        };

    /// <summary><c>{currency, minor}</c> as money (<c>USD 25.00</c>), or empty.</summary>
    public static string Money(JsonNode? node) =>
        node is JsonObject { } m && m["currency"] is JsonValue c && c.TryGetValue<string>(out var currency) && m["minor"] is JsonValue minor && minor.TryGetValue<long>(out var amount)
            ? Output.Money.Format(currency, amount)
            : "";

    private static void Print(JsonArray items, IReadOnlyList<ListColumn> columns, string? next)
    {
        if (items.Count == 0)
        {
            Console.WriteLine("(none)");
            return;
        }

        // Borderless and at most 100 columns wide: an id stays on one line and the free text wraps.
        var table = new Table { Border = TableBorder.None };
        foreach (var column in columns)
        {
            var header = new TableColumn(new Text(column.Header, HumanView.Heading));
            table.AddColumn(column.NoWrap ? header.NoWrap() : header);
        }

        foreach (var row in items.OfType<JsonObject>())
        {
            table.AddRow(columns.Select(c => new Text(c.Cell(row))));
        }

        Terminal.Write(table, maxWidth: 100);
        if (next is not null)
        {
            Console.WriteLine($"next page: --cursor {next}");
        }
    }
}
