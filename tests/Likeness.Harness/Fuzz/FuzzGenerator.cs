using System.Text;
using System.Text.Json.Nodes;

namespace Likeness.Tests.Support.Fuzz;

/// <summary>
/// Makes bad requests from valid ones, one spot at a time, from a seeded <see cref="Random"/>: the same seed makes the
/// same cases. Each mutation says whether what it makes is surely invalid or may still be valid.
/// </summary>
public sealed class FuzzGenerator(int seed)
{
    /// <summary>Stands for bytes that are not UTF-8; replaced after the text is encoded.</summary>
    private const string BadUtf8Marker = "\uE000BADUTF8\uE000";

    private static readonly byte[] BadUtf8 = [0xC3, 0x28, 0xFF, 0xFE, 0xED, 0xA0, 0x80];

    private readonly Random _rng = new(seed);

    /// <summary>The seed the cases came from.</summary>
    public int Seed { get; } = seed;

    /// <summary>The valid example of <paramref name="route"/>, as a case.</summary>
    public static FuzzCase Valid(RouteExample route, int number) =>
        new(number, route, "valid-example", "-", "as is", Expect.Valid, new FuzzRequest(route.Method, route.PathFor(null), BodyBytes(route.Body), route.Body is null ? null : "application/json"));

    /// <summary>A case for <paramref name="route"/>: a mutation of its body, route value, query or headers.</summary>
    public FuzzCase Next(RouteExample route, int number)
    {
        var kinds = new List<Func<RouteExample, int, FuzzCase>>();
        if (route.Body is not null)
        {
            kinds.AddRange([BodySpot, BodySpot, BodySpot, BodySpot, BodySpot, BodySpot, WholeBody, Headers]);
        }

        if (route.HasId)
        {
            kinds.AddRange([PathId, PathId]);
        }

        if (route.Query.Count > 0)
        {
            kinds.AddRange([QueryValue, QueryValue, QueryValue]);
        }

        if (kinds.Count == 0)
        {
            kinds.Add(ExtraQuery);
        }

        return Pick(kinds)(route, number);
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_rng.Next(items.Count)];

    private static byte[]? BodyBytes(JsonNode? body) => body is null ? null : Encoding.UTF8.GetBytes(RawJson.Text(body));

    private static byte[] Encode(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var marker = Encoding.UTF8.GetBytes(BadUtf8Marker);
        var at = bytes.AsSpan().IndexOf(marker);
        return at < 0 ? bytes : [.. bytes[..at], .. BadUtf8, .. bytes[(at + marker.Length)..]];
    }

    private FuzzCase Make(RouteExample route, int number, string mutation, string where, string detail, Expect expect, string body, string? contentType = "application/json") =>
        new(number, route, mutation, where, detail, expect, new FuzzRequest(route.Method, route.PathFor(null), Encode(body), contentType));

    // ---- One spot of the body ----

    private FuzzCase BodySpot(RouteExample route, int number)
    {
        var spots = RawJson.Spots(route.Body);
        var spot = spots.Count > 1 ? spots[1 + _rng.Next(spots.Count - 1)] : spots[0];
        var options = new List<Func<FuzzCase>>
        {
            () => Spot(route, number, spot, "deep-nesting", Nest(_rng.Next(2) == 0 ? "[" : "{\"a\":", 10_000), "10,000 levels", Expect.Invalid),
        };
        if (spot.Path != "$")
        {
            options.Add(() => Spot(route, number, spot, spot.InArray ? "null-in-array" : "null-member", "null", "null", spot.InArray ? Expect.Invalid : Expect.Ambiguous));
            options.Add(() => WrongType(route, number, spot));
        }

        switch (spot.Value)
        {
            case JsonValue v when v.TryGetValue<string>(out var s):
                options.AddRange(StringMutations(route, number, spot, s));
                break;
            case JsonValue v when v.TryGetValue<bool>(out _):
                break;
            case JsonValue:
                options.Add(NumberMutation(route, number, spot));
                break;
            case JsonObject o:
                options.Add(() => AddMember(route, number, spot, o, duplicate: false));
                if (o.Count > 0)
                {
                    options.Add(() => AddMember(route, number, spot, o, duplicate: true));
                    options.Add(() => DropMember(route, number, spot, o));
                }

                break;
            case JsonArray a:
                options.Add(() => Spot(route, number, spot, "empty-array", "[]", "[]", Expect.Ambiguous));
                options.Add(() => AppendToArray(route, number, spot, a, "null", "null-in-array", Expect.Invalid));
                if (a.Count > 0)
                {
                    options.Add(() => AppendToArray(route, number, spot, a, RawJson.Text(a[0]), "duplicate-element", Expect.Ambiguous));
                }

                break;
        }

        return Pick(options)();
    }

    private FuzzCase Spot(RouteExample route, int number, JsonSpot spot, string mutation, string raw, string detail, Expect expect) =>
        Make(route, number, mutation, spot.Path, detail, expect, RawJson.Replace(route.Body, spot.Path, raw));

    private static string Nest(string open, int depth)
    {
        var close = open == "[" ? "]" : "}";
        return new StringBuilder(open.Length * depth + depth + 1).Insert(0, open, depth).Append('1').Insert(open.Length * depth + 1, close, depth).ToString();
    }

    private FuzzCase WrongType(RouteExample route, int number, JsonSpot spot)
    {
        // What each kind of value is swapped for; an array given as one string is a valid shorthand for some fields
        // (represents, an ODRL right operand), and a route with its own parser takes several forms: those may be valid.
        var (raw, maybeValid) = spot.Value switch
        {
            JsonObject => (Pick(["[]", "\"text\"", "42", "true"]), false),
            JsonArray a => Pick<(string, bool)>([("{}", false), ("42", false), ("true", false), (a.Count > 0 ? RawJson.Text(a[0]) : "\"x\"", true)]),
            JsonValue v when v.TryGetValue<string>(out _) => Pick<(string, bool)>([("{}", false), ("12345", false), ("true", false), ("[\"x\"]", true)]),
            JsonValue v when v.TryGetValue<bool>(out _) => Pick(["\"true\"", "1", "{}", "[]"]) is var b ? (b, false) : default,
            _ => (Pick(["\"12\"", "{}", "[]", "true"]), false),
        };
        return Spot(route, number, spot, "wrong-type", raw, raw, maybeValid || route.OwnParser ? Expect.Ambiguous : Expect.Invalid);
    }

    private IEnumerable<Func<FuzzCase>> StringMutations(RouteExample route, int number, JsonSpot spot, string s)
    {
        var isName = spot.Member is { } m && m.EndsWith("name", StringComparison.OrdinalIgnoreCase);
        string With(string escaped) => "\"" + RawJson.Quote(s)[1..^1] + escaped + "\"";
        yield return () => Spot(route, number, spot, "empty-string", "\"\"", "\"\"", Expect.Ambiguous);
        yield return () => Spot(route, number, spot, "long-string", RawJson.Quote(new string(Pick(['x', 'é', '漢']), 10_000)), "10,000 characters", Expect.Ambiguous);
        yield return () =>
        {
            var c = Pick(["\\u0001", "\\u0007", "\\u001b", "\\u001f", "\\u007f", "\\u0085"]);
            return Spot(route, number, spot, "control-char", With(c), c, Expect.Invalid);
        };
        yield return () => Spot(route, number, spot, "nul-char", With("\\u0000"), "\\u0000", Expect.Invalid);
        yield return () =>
        {
            var c = Pick(["\\ud800", "\\udfff", "\\udbff\\u0041"]);
            return Spot(route, number, spot, "lone-surrogate", With(c), c, Expect.Invalid);
        };
        yield return () =>
        {
            var c = Pick(["\\u202a", "\\u202b", "\\u202c", "\\u202d", "\\u202e", "\\u2066", "\\u2067", "\\u2068", "\\u2069"]);
            return Spot(route, number, spot, "bidi-override", "\"" + c + RawJson.Quote(s)[1..^1] + "\"", c, isName ? Expect.Invalid : Expect.Ambiguous);
        };
        yield return () => Spot(route, number, spot, "invalid-utf8", "\"" + RawJson.Quote(s)[1..^1] + BadUtf8Marker + "\"", "bytes C3 28 FF FE ED A0 80", Expect.Invalid);
        yield return () => Spot(route, number, spot, "raw-control-byte", "\"" + RawJson.Quote(s)[1..^1] + "\u0001\"", "unescaped U+0001", Expect.Invalid);
        yield return () =>
        {
            var u = Pick(["é", "漢字", "😀", "\u0301", "ǅ", "İ"]);
            return Spot(route, number, spot, "unicode", "\"" + RawJson.Quote(s)[1..^1] + u + "\"", u, Expect.Ambiguous);
        };
    }

    private Func<FuzzCase> NumberMutation(RouteExample route, int number, JsonSpot spot) => () =>
    {
        // Past 2^63 no integer field holds it; 1e309 is no double; the rest may be in range for some field.
        var (raw, expect) = Pick<(string, Expect)>(
        [
            ("9223372036854775808", Expect.Invalid), ("-9223372036854775809", Expect.Invalid), ("1e309", Expect.Invalid), ("-1e309", Expect.Invalid),
            ("123456789012345678901234567890", Expect.Invalid),
            ("9007199254740992", Expect.Ambiguous), ("9007199254740993", Expect.Ambiguous), ("-0", Expect.Ambiguous), ("1e-400", Expect.Ambiguous),
            ("-1", Expect.Ambiguous), ("0.0001", Expect.Ambiguous), ("2147483648", Expect.Ambiguous), ("1E2", Expect.Ambiguous),
        ]);
        return Spot(route, number, spot, "number-limit", raw, raw, expect);
    };

    private FuzzCase AddMember(RouteExample route, int number, JsonSpot spot, JsonObject o, bool duplicate)
    {
        var (name, value) = duplicate ? (o.First().Key, RawJson.Text(o.First().Value)) : (Pick(["zzUnknown", "__proto__", "Name", "$type", "@id"]), "1");
        var text = RawJson.Write(route.Body, spot.Path, (node, plain) => plain(node)[..^1] + (o.Count > 0 ? "," : "") + RawJson.Quote(name) + ":" + value + "}");
        // "Name" differs from "name" only in case: a case-insensitive reader takes it as a duplicate, a strict one as unknown.
        // "@id" is a JSON-LD keyword a consent policy in ODRL form may carry.
        var expect = name == "@id" && route.OwnParser ? Expect.Ambiguous : Expect.Invalid;
        return Make(route, number, duplicate ? "duplicate-member" : "unknown-member", spot.Path, name, expect, text);
    }

    private FuzzCase DropMember(RouteExample route, int number, JsonSpot spot, JsonObject o)
    {
        var drop = Pick(o.Select(p => p.Key).ToArray());
        var text = RawJson.Write(route.Body, spot.Path, (node, plain) =>
        {
            var copy = (JsonObject)node!.DeepClone();
            copy.Remove(drop);
            return plain(copy);
        });
        return Make(route, number, "missing-member", spot.Path + "." + drop, drop, Expect.Ambiguous, text);
    }

    private static FuzzCase AppendToArray(RouteExample route, int number, JsonSpot spot, JsonArray a, string element, string mutation, Expect expect)
    {
        var text = RawJson.Write(route.Body, spot.Path, (node, plain) => plain(node)[..^1] + (a.Count > 0 ? "," : "") + element + "]");
        return new FuzzCase(number, route, mutation, spot.Path + $"[{a.Count}]", element, expect,
            new FuzzRequest(route.Method, route.PathFor(null), Encode(text), "application/json"));
    }

    // ---- The body as a whole, and its headers ----

    private FuzzCase WholeBody(RouteExample route, int number)
    {
        var valid = RawJson.Text(route.Body);
        var (name, body, expect) = Pick<(string, string, Expect)>(
        [
            ("body-empty", "", route.EmptyBodyOk ? Expect.Ambiguous : Expect.Invalid),
            ("body-null", "null", Expect.Invalid),
            ("body-array", "[" + valid + "]", Expect.Invalid),
            ("body-string", "\"text\"", Expect.Invalid),
            ("body-number", "42", Expect.Invalid),
            ("body-truncated", valid[..(valid.Length / 2)], Expect.Invalid),
            ("body-trailing-garbage", valid + "}x", Expect.Invalid),
            ("body-two-documents", valid + valid, Expect.Invalid),
            ("body-comment", "/* c */" + valid, Expect.Invalid),
            ("body-trailing-comma", valid[..^1] + ",}", Expect.Invalid),
            // A body without a quote ({}) is the same with single quotes: valid.
            ("body-single-quotes", valid.Replace('"', '\''), valid.Contains('"', StringComparison.Ordinal) ? Expect.Invalid : Expect.Ambiguous),
            ("body-bom", "\uFEFF" + valid, Expect.Ambiguous),
            ("body-invalid-utf8", BadUtf8Marker + valid, Expect.Invalid),
            ("body-deep-nesting", Nest("[", 10_000), Expect.Invalid),
            ("body-whitespace", "   \n\t ", route.EmptyBodyOk ? Expect.Ambiguous : Expect.Invalid),
        ]);
        return Make(route, number, name, "$", FuzzCase.Shorten(body, 40), expect, body);
    }

    private FuzzCase Headers(RouteExample route, int number)
    {
        var (type, expect) = Pick<(string?, Expect)>(
        [
            ("text/plain", Expect.Invalid), ("application/xml", Expect.Invalid), ("application/x-www-form-urlencoded", Expect.Invalid),
            ("multipart/form-data; boundary=x", Expect.Invalid), ("application/json; charset=latin1", Expect.Invalid),
            ("application/json; charset=iso-8859-1", Expect.Invalid), ("application/json; charset=utf-16", Expect.Invalid),
            ("application/jsonx", Expect.Invalid), ("application/json-patch+json", Expect.Invalid),
            ("application/json; charset=utf-8", Expect.Ambiguous), ("APPLICATION/JSON", Expect.Ambiguous), (null, Expect.Ambiguous),
        ]);
        return Make(route, number, type is not null && type.Contains("charset", StringComparison.Ordinal) ? "charset" : "content-type", "Content-Type", type ?? "(none)", expect, RawJson.Text(route.Body), type);
    }

    // ---- The route value ----

    private FuzzCase PathId(RouteExample route, int number)
    {
        var id = route.Template.Contains("{path}", StringComparison.Ordinal)
            ? Pick(["0/x999/x999/x999/x999/x999/x999/x999/999", "0/x999/999", "entries/x999/x999/x999/x999/x999/x999/999", "-1/000", "0/-01", "99/000", "0/000.p/0", "0/000.p/999", "0/abc", "0/000/", "../../../etc/passwd", "0/%00", "x/000", "0/" + new string('9', 400)])
            : Pick(["nope", "prf_00000000000000000000000000", "..%2F..%2Fetc%2Fpasswd", "%2e%2e%2f%2e%2e%2fetc", "%00", "a%00b", "%C3%A9t%C3%A9", "%F0%9F%98%80", "%E2%80%AE", "%FF%FE", "%0A", "%20", "-1",
                "9223372036854775808", "1e3", "0x10", new string('a', 10_000), new string('9', 2_000), "%25", "%2F", "*", "'%20OR%201=1--"]);
        return new FuzzCase(number, route, "path-id", route.Template.Contains("{path}", StringComparison.Ordinal) ? "{path}" : "{id}", FuzzCase.Shorten(id, 40), Expect.Invalid,
            new FuzzRequest(route.Method, route.PathFor(id), BodyBytes(route.Body), route.Body is null ? null : "application/json"));
    }

    // ---- The query ----

    private FuzzCase QueryValue(RouteExample route, int number)
    {
        var target = Pick(route.Query);
        string? bad;
        Expect expect;
        switch (_rng.Next(10))
        {
            case 0:
                (bad, expect) = (null, target.Required ? Expect.Invalid : Expect.Ambiguous);
                break;
            case 1:
                (bad, expect) = (target.Value + "&" + target.Name + "=" + target.Value, Expect.Ambiguous);
                break;
            default:
                (bad, expect) = target.Kind switch
                {
                    QueryKind.Number => (Pick(["-1", "abc", "1e3", "9223372036854775808", "", " 1", "0x10", "1.5", "%00", "٣", new string('9', 10_000)]), Expect.Invalid),
                    QueryKind.Period => Pick<(string, Expect)>([("9999-12", Expect.Ambiguous), ("0001-01", Expect.Ambiguous), ("2026-13", Expect.Invalid), ("2026-00", Expect.Invalid),
                        ("2026-1", Expect.Invalid), ("abc", Expect.Invalid), ("", Expect.Invalid), ("-2026-01", Expect.Invalid), ("20260-01", Expect.Invalid), (new string('2', 10_000), Expect.Invalid), ("2026-11%00", Expect.Invalid)]),
                    QueryKind.Code => (Pick(["xml", "", "JSON", "odrl%00", new string('j', 10_000), "%E2%80%AEjson"]), Expect.Invalid),
                    QueryKind.Id => (Pick(["nope", "", "%00", "..%2F..", new string('a', 10_000), "%FF"]), Expect.Invalid),
                    QueryKind.Time => (Pick(["2026-11-30", "2026-11-30T12:00:00", "2026-13-01T00:00:00Z", "2026-11-30T25:00:00Z", "yesterday", "", "1e3", "2026-11-30T12:00:00Z%00",
                        "2026-11-30T12:00:00 00:00", new string('2', 10_000)]), Expect.Invalid),
                    _ => (Pick(["not-a-cursor", "%00%00", "AAAA", new string('A', 10_000), "%FF%FE", "eyJ9", "-1"]), Expect.Invalid),
                };
                break;
        }

        var query = string.Join("&", route.Query.Where(q => q != target || bad is not null)
            .Select(q => q == target ? q.Name + "=" + bad : q.Name + "=" + Uri.EscapeDataString(q.Value)));
        return new FuzzCase(number, route, bad is null ? "query-missing" : "query-value", target.Name, FuzzCase.Shorten(bad ?? "(absent)", 40), expect,
            new FuzzRequest(route.Method, route.PathFor(null, query), BodyBytes(route.Body), route.Body is null ? null : "application/json"));
    }

    private FuzzCase ExtraQuery(RouteExample route, int number)
    {
        var query = Pick(["x=1", "%00=%00", "a=" + new string('b', 4_000), "format=%FF", "=", "&&&"]);
        return new FuzzCase(number, route, "query-unknown", "?", FuzzCase.Shorten(query, 40), Expect.Ambiguous,
            new FuzzRequest(route.Method, route.PathFor(null, query), null, null));
    }
}
