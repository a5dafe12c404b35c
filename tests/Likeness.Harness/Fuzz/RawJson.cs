using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Likeness.Tests.Support.Fuzz;

/// <summary>One place in a JSON document: its path (<c>$.uses[0].modality</c>), the value there, and what holds it.</summary>
public sealed record JsonSpot(string Path, JsonNode? Value, string? Member, bool InArray);

/// <summary>
/// Writes a JSON document as text with one spot replaced by raw text. A serializer would refuse what a fuzzer must send
/// (a lone surrogate, a duplicate member, a number no double holds), so the mutated spot is written verbatim.
/// </summary>
public static class RawJson
{
    /// <summary>Every spot of <paramref name="root"/>, the root first.</summary>
    public static IReadOnlyList<JsonSpot> Spots(JsonNode? root)
    {
        var spots = new List<JsonSpot>();
        Walk(root, "$", null, false, spots);
        return spots;
    }

    /// <summary>The document, with the value at <paramref name="path"/> written as <paramref name="raw"/>.</summary>
    public static string Replace(JsonNode? root, string path, string raw) => Write(root, path, (_, _) => raw);

    /// <summary>The document, with <paramref name="rewrite"/> given the chance to write the value at <paramref name="path"/> itself.</summary>
    public static string Write(JsonNode? root, string path, Func<JsonNode?, Func<JsonNode?, string>, string> rewrite)
    {
        var sb = new StringBuilder();
        Emit(sb, root, "$", path, rewrite);
        return sb.ToString();
    }

    /// <summary>A JSON string literal (non-ASCII escaped, so the text is ASCII unless the caller adds otherwise).</summary>
    public static string Quote(string s) => JsonSerializer.Serialize(s);

    /// <summary>A node as JSON text.</summary>
    public static string Text(JsonNode? node) => node is null ? "null" : node.ToJsonString();

    private static void Walk(JsonNode? node, string path, string? member, bool inArray, List<JsonSpot> spots)
    {
        spots.Add(new JsonSpot(path, node, member, inArray));
        switch (node)
        {
            case JsonObject o:
                foreach (var (k, v) in o)
                {
                    Walk(v, path + "." + k, k, false, spots);
                }

                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    Walk(a[i], $"{path}[{i}]", member, true, spots);
                }

                break;
        }
    }

    private static void Emit(StringBuilder sb, JsonNode? node, string here, string target, Func<JsonNode?, Func<JsonNode?, string>, string> rewrite)
    {
        if (here == target)
        {
            sb.Append(rewrite(node, n => Write(n, "\0", (_, _) => "")));
            return;
        }

        switch (node)
        {
            case JsonObject o:
                sb.Append('{');
                var first = true;
                foreach (var (k, v) in o)
                {
                    sb.Append(first ? "" : ",").Append(Quote(k)).Append(':');
                    first = false;
                    Emit(sb, v, here + "." + k, target, rewrite);
                }

                sb.Append('}');
                break;
            case JsonArray a:
                sb.Append('[');
                for (var i = 0; i < a.Count; i++)
                {
                    sb.Append(i == 0 ? "" : ",");
                    Emit(sb, a[i], $"{here}[{i}]", target, rewrite);
                }

                sb.Append(']');
                break;
            default:
                sb.Append(Text(node));
                break;
        }
    }
}
