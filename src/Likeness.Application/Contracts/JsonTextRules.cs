using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Likeness.Application.Common;

namespace Likeness.Application.Contracts;

/// <summary>
/// What every JSON body must be before any member is read, checked in one pass over its UTF-8: well-formed JSON of
/// at most 32 levels, strings of valid Unicode (no lone surrogate), no control character in any string but tab, line
/// feed and carriage return (NUL included: PostgreSQL cannot store it), and no <c>null</c> inside an array. Each refusal
/// is a 400 naming the member as the serializer does (<c>$.uses[0].territories[1]</c>). Pure, and allocation-free unless a string is escaped.
/// </summary>
public static class JsonTextRules
{
    /// <summary>The deepest nesting a body may have.</summary>
    public const int MaxDepth = 32;

    private static readonly JsonReaderOptions Options = new() { MaxDepth = MaxDepth, CommentHandling = JsonCommentHandling.Disallow };

    /// <summary>Throws a 400 problem naming the first member that breaks a rule.</summary>
    public static void Check(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8, Options);
        // Per depth: the index of the next array element, or -1 inside an object; the last property name is re-read from
        // the text only when an error is reported.
        Span<int> index = stackalloc int[MaxDepth + 2];
        var depth = 0;
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartArray or JsonTokenType.StartObject:
                        Element(ref index, depth);
                        depth++;
                        index[depth] = reader.TokenType == JsonTokenType.StartArray ? 0 : -1;
                        break;
                    case JsonTokenType.EndArray or JsonTokenType.EndObject:
                        depth--;
                        break;
                    case JsonTokenType.PropertyName:
                        CheckString(ref reader, utf8);
                        break;
                    case JsonTokenType.Null when depth > 0 && index[depth] >= 0:
                        throw Refuse(utf8, reader.TokenStartIndex, "null_in_array", "An array may not hold null.");
                    case JsonTokenType.String:
                        CheckString(ref reader, utf8);
                        Element(ref index, depth);
                        break;
                    default:
                        Element(ref index, depth);
                        break;
                }
            }
        }
        catch (JsonException e)
        {
            throw AppProblem.BadRequest("malformed_json", Describe(e), Path(utf8, reader.TokenStartIndex));
        }
    }

    private static void Element(ref Span<int> index, int depth)
    {
        if (depth > 0 && index[depth] >= 0)
        {
            index[depth]++;
        }
    }

    private static void CheckString(ref Utf8JsonReader reader, ReadOnlySpan<byte> utf8)
    {
        if (!reader.ValueIsEscaped)
        {
            var raw = reader.ValueSpan;
            if (!Utf8.IsValid(raw))
            {
                throw Refuse(utf8, reader.TokenStartIndex, "invalid_text", "Text must be valid UTF-8.");
            }

            // Only C1 controls (U+0080–U+009F: C2 80–C2 9F) and DEL can appear unescaped; C0 controls are invalid JSON.
            for (var i = 0; i < raw.Length; i++)
            {
                if (raw[i] == 0x7F || (raw[i] == 0xC2 && i + 1 < raw.Length && raw[i + 1] is >= 0x80 and <= 0x9F))
                {
                    throw Refuse(utf8, reader.TokenStartIndex, "invalid_text", "Text may not hold control characters (tab, line feed and carriage return are allowed).");
                }
            }

            return;
        }

        // Unescaping refuses a lone surrogate (\ud800 without its pair): that is the Unicode check for escaped text.
        string text;
        try
        {
            text = reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw Refuse(utf8, reader.TokenStartIndex, "invalid_text", "Text must be valid Unicode: a lone surrogate (\\ud800–\\udfff) is not a character.");
        }

        foreach (var c in text)
        {
            if (IsRefusedControl(c))
            {
                throw Refuse(utf8, reader.TokenStartIndex, "invalid_text", "Text may not hold control characters (tab, line feed and carriage return are allowed).");
            }
        }

    }

    /// <summary>A control character text may not hold: every C0 and C1 control and DEL but tab, line feed and carriage return.</summary>
    public static bool IsRefusedControl(char c) => (c < 0x20 && c is not ('\t' or '\n' or '\r')) || c is >= '\u007F' and <= '\u009F';

    private static AppProblem Refuse(ReadOnlySpan<byte> utf8, long at, string code, string message) =>
        AppProblem.BadRequest(code, message, Path(utf8, at));

    /// <summary>The JSON path of the token at <paramref name="at"/>, found by reading the text again up to it.</summary>
    private static string Path(ReadOnlySpan<byte> utf8, long at)
    {
        var reader = new Utf8JsonReader(utf8, Options);
        var parts = new List<(bool Array, int Index, string? Name)>();
        try
        {
            while (reader.Read() && reader.TokenStartIndex < at)
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartArray or JsonTokenType.StartObject:
                        Next(parts);
                        parts.Add((reader.TokenType == JsonTokenType.StartArray, -1, null));
                        break;
                    case JsonTokenType.EndArray or JsonTokenType.EndObject:
                        parts.RemoveAt(parts.Count - 1);
                        break;
                    case JsonTokenType.PropertyName:
                        parts[^1] = (false, -1, SafeName(ref reader));
                        break;
                    default:
                        Next(parts);
                        break;
                }
            }
        }
        catch (JsonException)
        {
            // The path up to where the text breaks is what there is.
        }

        if (parts.Count > 0 && parts[^1].Array)
        {
            parts[^1] = (true, parts[^1].Index + 1, null);
        }

        var path = new StringBuilder("$");
        foreach (var (array, i, name) in parts)
        {
            if (array)
            {
                path.Append('[').Append(Math.Max(i, 0)).Append(']');
            }
            else if (name is not null)
            {
                path.Append('.').Append(name);
            }
        }

        return path.ToString();
    }

    private static void Next(List<(bool Array, int Index, string? Name)> parts)
    {
        if (parts.Count > 0 && parts[^1].Array)
        {
            parts[^1] = (true, parts[^1].Index + 1, null);
        }
    }

    private static string SafeName(ref Utf8JsonReader reader)
    {
        try
        {
            var name = reader.GetString()!;
            return name.Length <= 100 && !name.Any(c => char.IsControl(c) || char.IsSurrogate(c)) ? name : "?";
        }
        catch (InvalidOperationException)
        {
            return "?";
        }
    }

    /// <summary>The reader's complaint without its position details (the field names where).</summary>
    private static string Describe(JsonException e)
    {
        var message = e.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        message = cut > 0 ? message[..cut] : message;
        cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut].TrimEnd('.', ' ') + "." : message;
    }
}
