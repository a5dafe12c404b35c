using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Likeness.Cli.Output;

/// <summary>Prints an answer: the server's JSON with <c>--json</c> (what scripts read), a readable view otherwise.</summary>
public static class Answer
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Print(JsonNode? node, bool json)
    {
        if (json)
        {
            PrintJson(node);
        }
        else
        {
            Terminal.Write(HumanView.Of(node));
        }
    }

    /// <summary>The JSON itself, indented, on stdout.</summary>
    public static void PrintJson(JsonNode? node) => Console.WriteLine(node?.ToJsonString(Indented) ?? "null");
}
