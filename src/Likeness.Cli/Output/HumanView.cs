using System.Globalization;
using System.Text.Json.Nodes;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Likeness.Cli.Output;

/// <summary>
/// Turns a server answer into something a person reads: an object as a two-column grid, a list as a table,
/// nested terms and budgets as nested tables, amounts in minor units as money, basis points as a share or factor.
/// </summary>
public static class HumanView
{
    /// <summary>Headings in colour where the terminal has it; plain consoles drop the style.</summary>
    public static readonly Style Heading = new(Color.Aqua, decoration: Decoration.Bold);

    /// <summary>The renderable for a whole answer (an object, a list, or a page of items).</summary>
    public static IRenderable Of(JsonNode? node) => node switch
    {
        JsonObject o when o["items"] is JsonArray items => Page(items, o["nextCursor"]),
        JsonArray a => Table(a),
        JsonObject o => Grid(o),
        _ => new Text(Scalar(node)),
    };

    /// <summary>A table of the rows' scalar fields; <paramref name="columns"/> picks and orders them (a key and a header).</summary>
    public static Table Table(JsonArray rows, IReadOnlyList<(string Key, string Header)>? columns = null)
    {
        var objects = rows.OfType<JsonObject>().ToList();
        columns ??= objects.SelectMany(r => r.Select(p => p.Key)).Distinct().Select(k => (k, Label(k))).ToList();
        var table = new Table { Border = Terminal.Plain ? TableBorder.None : TableBorder.Minimal, ShowHeaders = true };
        foreach (var (_, header) in columns)
        {
            table.AddColumn(new TableColumn(new Text(header, Heading)));
        }

        foreach (var row in objects)
        {
            table.AddRow(columns.Select(c => Value(row, c.Key)));
        }

        return table;
    }

    private static IRenderable Page(JsonArray items, JsonNode? next)
    {
        if (items.Count == 0)
        {
            return new Text("(none)");
        }

        return next is null ? Table(items) : new Rows(Table(items), new Text($"next page: --cursor {next}"));
    }

    private static IRenderable Grid(JsonObject o)
    {
        var grid = new Grid();
        grid.AddColumn(new GridColumn().NoWrap());
        grid.AddColumn();
        foreach (var (key, _) in o)
        {
            grid.AddRow(new Text(Label(key), Heading), Value(o, key));
        }

        return grid;
    }

    /// <summary>One field, shown by what it is: money, a share, a nested object or list, or plain text.</summary>
    private static IRenderable Value(JsonObject parent, string key)
    {
        var v = parent[key];
        return v switch
        {
            null => new Text(""),
            JsonObject m when IsMoney(m) => new Text(Money.Format(m["currency"]!.GetValue<string>(), m["minor"]!.GetValue<long>())),
            JsonObject { Count: 0 } => new Text(""),
            JsonObject o => Grid(o),
            JsonArray { Count: 0 } => new Text(""),
            JsonArray a when a.All(e => e is JsonObject m && IsMoney(m)) =>
                new Text(string.Join(", ", a.Select(m => Money.Format(m!["currency"]!.GetValue<string>(), m["minor"]!.GetValue<long>())))),
            JsonArray a when a.All(e => e is JsonValue) => new Text(string.Join(", ", a.Select(Scalar))),
            JsonArray a => Table(a),
            JsonValue x when key.EndsWith("Minor", StringComparison.Ordinal) && parent["currency"] is JsonValue c && x.TryGetValue<long>(out var minor) =>
                new Text(Money.Format(c.GetValue<string>(), minor)),
            JsonValue x when key.EndsWith("Bps", StringComparison.Ordinal) && x.TryGetValue<int>(out var bps) => new Text(Bps(key, bps)),
            _ => new Text(Scalar(v)),
        };
    }

    private static bool IsMoney(JsonObject o) =>
        o.Count == 2 && o["currency"] is JsonValue c && c.TryGetValue<string>(out _) && o["minor"] is JsonValue m && m.TryGetValue<long>(out _);

    /// <summary>A share in basis points as a percentage (8500 → 85%); a factor as a multiplier (15000 → ×1.5).</summary>
    private static string Bps(string key, int bps) =>
        key.Contains("factor", StringComparison.OrdinalIgnoreCase)
            ? "×" + (bps / 10_000m).ToString("0.####", CultureInfo.InvariantCulture)
            : (bps / 100m).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    /// <summary>The heading for a key: <c>grossMinor</c> is shown as <c>gross</c> (its value is money), <c>shareBps</c> as <c>share</c>.</summary>
    private static string Label(string key) =>
        key.EndsWith("Minor", StringComparison.Ordinal) && key.Length > 5 ? key[..^5]
        : key.EndsWith("Bps", StringComparison.Ordinal) && key.Length > 3 ? key[..^3]
        : key;

    private static string Scalar(JsonNode? v) => v switch
    {
        null => "",
        JsonValue x when x.TryGetValue<string>(out var s) => s,
        _ => v.ToJsonString(),
    };
}
