using Likeness.Application.Ports;

namespace Likeness.Storage.Relational.Sql;

/// <summary>
/// The WHERE clause of a list, built from the filters it was given and no others: a condition that does not apply is
/// left out rather than written as <c>(@p IS NULL OR …)</c>, so the planner sees the query it must run and picks the
/// index for it. Parameters are numbered in the order they are added.
/// </summary>
internal sealed class ListConditions
{
    private readonly List<string> _conditions = [];
    private readonly List<object?> _args = [];

    /// <summary>The parameter values, in order.</summary>
    public object?[] Args => [.. _args];

    /// <summary>The conditions joined, with WHERE; empty when there are none.</summary>
    public string Where => _conditions.Count == 0 ? "" : " WHERE " + string.Join(" AND ", _conditions);

    /// <summary>Adds a value as the next parameter and returns its name.</summary>
    public string Param(object value)
    {
        _args.Add(value);
        return "@p" + (_args.Count - 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Adds a condition (its parameters already added through <see cref="Param"/>).</summary>
    public ListConditions Add(string condition)
    {
        _conditions.Add(condition);
        return this;
    }

    /// <summary>The row belongs to the scope: its studio, one of its performers, or both.</summary>
    public ListConditions Scope(ListScope scope, string studioColumn, string performerColumn)
    {
        if (scope.StudioId is { } studio)
        {
            Add($"{studioColumn} = {Param(studio)}");
        }

        if (scope.PerformerIds is { } performers)
        {
            Add(performers.Count == 0 ? "1 = 0" : $"{performerColumn} IN ({string.Join(", ", Padded(performers).Select(p => Param(p)))})");
        }

        return this;
    }

    /// <summary>The most performers one statement lists; a larger scope is read in parts (<see cref="InParts"/>).</summary>
    public const int MaxPerformers = 256;

    /// <summary>
    /// Runs <paramref name="query"/> once, or, for a scope of more than <see cref="MaxPerformers"/> performers (a large
    /// union's members), once per part of them, and keeps the first <paramref name="limit"/> rows in list order: each
    /// part's first rows after the keyset include the whole list's.
    /// </summary>
    public static IReadOnlyList<T> InParts<T>(ListScope scope, int limit, Func<ListScope, List<T>> query, Func<T, DateTimeOffset> at, Func<T, string> id)
    {
        if (scope.PerformerIds is not { Count: > MaxPerformers } performers)
        {
            return query(scope);
        }

        return performers.Chunk(MaxPerformers).SelectMany(part => query(scope with { PerformerIds = part }))
            .OrderBy(at).ThenBy(id, StringComparer.Ordinal).Take(limit).ToList();
    }

    // Lists of 1, 2, 4, … 256 values (the last repeated), so a connection prepares a few shapes of statement, not one per count.
    private static IEnumerable<string> Padded(IReadOnlyList<string> values)
    {
        var size = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)values.Count);
        return values.Concat(Enumerable.Repeat(values[^1], size - values.Count));
    }

    /// <summary>The row comes after the keyset position in (time, id) order, written without row values so every provider reads it.</summary>
    public ListConditions After(Keyset? after, string timeColumn, string idColumn = "id")
    {
        if (after is { } k)
        {
            var at = Param(k.At.UtcTicks);
            Add($"({timeColumn} > {at} OR ({timeColumn} = {at} AND {idColumn} > {Param(k.Id)}))");
        }

        return this;
    }
}
