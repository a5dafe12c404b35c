using System.Text.Json;
using System.Text.RegularExpressions;

namespace Likeness.Application.Common;

/// <summary>
/// The serializer's complaints in the API's words: what JSON was expected, never a .NET type or member name (those
/// describe the implementation, not the contract).
/// </summary>
internal static partial class JsonMessages
{
    public static string Describe(JsonException e)
    {
        var message = e.Message;
        if (MissingRequired().Match(message) is { Success: true } missing)
        {
            return $"Missing required member(s): {missing.Groups["names"].Value}.";
        }

        if (Unmapped().Match(message) is { Success: true } unknown)
        {
            return $"Unknown member '{unknown.Groups["name"].Value}'.";
        }

        if (Duplicate().Match(message) is { Success: true } duplicate)
        {
            return $"Member '{duplicate.Groups["name"].Value}' appears more than once.";
        }

        if (NotConvertible().Match(message) is { Success: true } convert)
        {
            return $"Expected {Expected(convert.Groups["type"].Value)} here.";
        }

        if (NullNotAllowed().IsMatch(message))
        {
            return "null is not allowed here.";
        }

        return "The body is not valid JSON for this request.";
    }

    /// <summary>The JSON a .NET type is written as.</summary>
    private static string Expected(string type)
    {
        var t = type.Replace("System.Nullable`1[", "", StringComparison.Ordinal).TrimEnd(']');
        return t switch
        {
            _ when t.EndsWith("[]", StringComparison.Ordinal) || t.Contains("List`1", StringComparison.Ordinal) => "an array",
            "System.String" => "a string",
            "System.Boolean" => "true or false",
            "System.Int32" or "System.Int64" or "System.Decimal" or "System.Double" => "a number in range",
            "System.DateTimeOffset" or "System.DateTime" => "an RFC 3339 date and time",
            "System.DateOnly" => "a date (yyyy-MM-dd)",
            _ when t.StartsWith("System.Text.Json.Nodes", StringComparison.Ordinal) => "a JSON object",
            _ => "an object",
        };
    }

    [GeneratedRegex("missing required properties including: (?<names>.+?)\\.?( Path|$)")]
    private static partial Regex MissingRequired();

    [GeneratedRegex("The JSON property '(?<name>[^']*)' could not be mapped")]
    private static partial Regex Unmapped();

    [GeneratedRegex("[Dd]uplicate property '(?<name>[^']*)'")]
    private static partial Regex Duplicate();

    [GeneratedRegex("could not be converted to (?<type>[\\w.`\\[\\]]+)")]
    private static partial Regex NotConvertible();

    [GeneratedRegex("null|Null")]
    private static partial Regex NullNotAllowed();
}
