using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Likeness.Tests.Support.Fuzz;

/// <summary>What a query parameter holds, which decides what is surely wrong for it.</summary>
public enum QueryKind
{
    /// <summary>A whole number (limit, index, tree size).</summary>
    Number,

    /// <summary>A calendar month, <c>2026-11</c>.</summary>
    Period,

    /// <summary>One of a few words (<c>format</c>).</summary>
    Code,

    /// <summary>An id of a party or record.</summary>
    Id,

    /// <summary>A token the server made (a page cursor).</summary>
    Opaque,

    /// <summary>An RFC 3339 time, <c>2026-11-30T12:00:00Z</c>.</summary>
    Time,
}

/// <summary>A query parameter of a valid example: its name, a valid value, and whether the route needs it.</summary>
public sealed record QueryParam(string Name, string Value, QueryKind Kind, bool Required);

/// <summary>
/// One route with a VALID request for it, sent by a caller allowed to call it, so that a mutation of one spot reaches
/// the route's deep validation instead of stopping at authentication, access or the first field.
/// </summary>
public sealed partial class RouteExample
{
    /// <summary>The HTTP method.</summary>
    public required string Method { get; init; }

    /// <summary>The route as the OpenAPI document names it, <c>/v1/licenses/{id}/revoke</c>.</summary>
    public required string Template { get; init; }

    /// <summary>The caller's API key, or null for a public route.</summary>
    public string? Key { get; init; }

    /// <summary>The value of the template's first route value (<c>{id}</c>, <c>{path}</c>, <c>{token}</c>, …); replaced by <see cref="Renew"/> when a case used it up.</summary>
    public string? Id { get; set; }

    /// <summary>The valid JSON body, or null for a route without one.</summary>
    public JsonNode? Body { get; init; }

    /// <summary>The valid query.</summary>
    public IReadOnlyList<QueryParam> Query { get; init; } = [];

    /// <summary>True when an empty body is itself valid (it means "no options").</summary>
    public bool EmptyBodyOk { get; init; }

    /// <summary>True when the route parses its body itself (a consent policy): a type swap may be another valid form there.</summary>
    public bool OwnParser { get; init; }

    /// <summary>The statuses the valid example itself may get (a 409 when the example targets a record in a state that refuses it after validation).</summary>
    public IReadOnlyList<int> ValidStatuses { get; init; } = [200];

    /// <summary>Makes a fresh target when a request that succeeded used the old one up (a countered request), or null.</summary>
    public Func<Task<string>>? Renew { get; init; }

    /// <summary>The values of the template's route values after the first, by name (<c>asset</c> in
    /// <c>/v1/performers/{id}/assets/{asset}</c>); never mutated.</summary>
    public IReadOnlyDictionary<string, string> Values { get; init; } = new Dictionary<string, string>();

    /// <summary>Method and template, the way failures are grouped.</summary>
    public string Name => Method + " " + Template;

    /// <summary>The path with <paramref name="id"/> in place of the first route value, <see cref="Values"/> in the others, and the query.</summary>
    public string PathFor(string? id, string? query = null)
    {
        var first = true;
        var path = RouteValue().Replace(Template, m =>
        {
            var value = first ? id ?? Id ?? "" : Values[m.Groups[1].Value];
            first = false;
            return value;
        });
        query ??= string.Join("&", Query.Select(q => q.Name + "=" + Uri.EscapeDataString(q.Value)));
        return query.Length == 0 ? path : path + "?" + query;
    }

    /// <summary>True when the template has a route value to mutate.</summary>
    public bool HasId => Template.Contains('{', StringComparison.Ordinal);

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex RouteValue();
}
