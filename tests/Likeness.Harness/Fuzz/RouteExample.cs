using System.Text.Json.Nodes;

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
public sealed class RouteExample
{
    /// <summary>The HTTP method.</summary>
    public required string Method { get; init; }

    /// <summary>The route as the OpenAPI document names it, <c>/v1/licenses/{id}/revoke</c>.</summary>
    public required string Template { get; init; }

    /// <summary>The caller's API key, or null for a public route.</summary>
    public string? Key { get; init; }

    /// <summary>The value of the route's <c>{id}</c> (or <c>{path}</c>, <c>{token}</c>); replaced by <see cref="Renew"/> when a case used it up.</summary>
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

    /// <summary>The value of a second route value, <c>{asset}</c>, where the template has one; never mutated.</summary>
    public string? Asset { get; init; }

    /// <summary>Method and template, the way failures are grouped.</summary>
    public string Name => Method + " " + Template;

    /// <summary>The path with <paramref name="id"/> in place of the route value, and the query.</summary>
    public string PathFor(string? id, string? query = null)
    {
        var path = Template.Replace("{id}", id ?? Id, StringComparison.Ordinal).Replace("{path}", id ?? Id, StringComparison.Ordinal).Replace("{token}", id ?? Id, StringComparison.Ordinal)
            .Replace("{asset}", Asset, StringComparison.Ordinal);
        query ??= string.Join("&", Query.Select(q => q.Name + "=" + Uri.EscapeDataString(q.Value)));
        return query.Length == 0 ? path : path + "?" + query;
    }

    /// <summary>True when the template has a route value to mutate.</summary>
    public bool HasId => Template.Contains('{', StringComparison.Ordinal);
}
