using System.Text.Json;
using System.Text.Json.Nodes;

namespace Likeness.Cli;

/// <summary>Prints answers: JSON with <c>--json</c>, aligned tables for people otherwise.</summary>
public static class Printer
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Print(JsonNode? node, bool json)
    {
        if (json)
        {
            Console.WriteLine(node?.ToJsonString(Indented) ?? "null");
            return;
        }

        switch (node)
        {
            case JsonObject o when o["items"] is JsonArray items:
                Table(items);
                if (o["nextCursor"] is { } next)
                {
                    Console.WriteLine($"next page: --cursor {next}");
                }

                break;
            case JsonArray a:
                Table(a);
                break;
            case JsonObject o:
                var width = o.Max(p => p.Key.Length);
                foreach (var (k, v) in o)
                {
                    Console.WriteLine($"{k.PadRight(width)}  {Scalar(v)}");
                }

                break;
            default:
                Console.WriteLine(node?.ToJsonString() ?? "");
                break;
        }
    }

    private static void Table(JsonArray rows)
    {
        if (rows.Count == 0)
        {
            Console.WriteLine("(none)");
            return;
        }

        var columns = rows.OfType<JsonObject>().SelectMany(r => r.Where(p => p.Value is not (JsonObject or JsonArray)).Select(p => p.Key)).Distinct().ToList();
        var cells = rows.OfType<JsonObject>().Select(r => columns.Select(c => Scalar(r[c])).ToList()).ToList();
        var widths = columns.Select((c, i) => Math.Max(c.Length, cells.Max(r => r[i].Length))).ToList();
        Console.WriteLine(string.Join("  ", columns.Select((c, i) => c.PadRight(widths[i]))).TrimEnd());
        foreach (var r in cells)
        {
            Console.WriteLine(string.Join("  ", r.Select((c, i) => c.PadRight(widths[i]))).TrimEnd());
        }
    }

    private static string Scalar(JsonNode? v) => v switch
    {
        null => "",
        JsonValue x when x.TryGetValue<string>(out var s) => s,
        JsonArray a when a.All(e => e is JsonValue) => string.Join(", ", a.Select(e => Scalar(e))),
        _ => v.ToJsonString(),
    };
}
