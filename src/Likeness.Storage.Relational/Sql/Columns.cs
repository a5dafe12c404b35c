using System.Collections.Frozen;
using System.Data.Common;
using System.Globalization;

namespace Likeness.Storage.Relational.Sql;

/// <summary>
/// A query's column list, named once: <see cref="Sql"/> is what the SELECT lists, and a <see cref="Row"/> finds a
/// column by its name in it, so no mapper counts positions.
/// </summary>
internal sealed class Columns
{
    private readonly FrozenDictionary<string, int> _ordinals;

    public Columns(params string[] names)
    {
        Sql = string.Join(", ", names);
        _ordinals = names.Select((n, i) => (Name: Alias(n), i)).ToFrozenDictionary(x => x.Name, x => x.i, StringComparer.Ordinal);
    }

    /// <summary>The columns as the SELECT lists them.</summary>
    public string Sql { get; }

    public int this[string name] => _ordinals.TryGetValue(name, out var i) ? i : throw new ArgumentException($"No column '{name}' in this query.", nameof(name));

    // "COUNT(*) AS renders" is found as "renders".
    private static string Alias(string expression)
    {
        var at = expression.LastIndexOf(" AS ", StringComparison.OrdinalIgnoreCase);
        return at < 0 ? expression : expression[(at + 4)..];
    }
}

/// <summary>The current row of a query over <see cref="Columns"/>, read by column name.</summary>
internal readonly struct Row(DbDataReader reader, Columns columns)
{
    public string Text(string column) => reader.GetString(columns[column]);

    public string? TextOrNull(string column) => reader.IsDBNull(columns[column]) ? null : reader.GetString(columns[column]);

    public long Long(string column) => reader.GetInt64(columns[column]);

    public long? LongOrNull(string column) => reader.IsDBNull(columns[column]) ? null : reader.GetInt64(columns[column]);

    public int Int(string column) => checked((int)reader.GetInt64(columns[column]));

    public bool Flag(string column) => reader.GetInt64(columns[column]) != 0;

    public byte[] Bytes(string column) => (byte[])reader.GetValue(columns[column]);

    public byte[]? BytesOrNull(string column) => reader.IsDBNull(columns[column]) ? null : (byte[])reader.GetValue(columns[column]);

    /// <summary>A time stored as UTC ticks.</summary>
    public DateTimeOffset Time(string column) => new(reader.GetInt64(columns[column]), TimeSpan.Zero);

    public DateTimeOffset? TimeOrNull(string column) => reader.IsDBNull(columns[column]) ? null : Time(column);

    /// <summary>A date stored as <c>yyyy-MM-dd</c>.</summary>
    public DateOnly? DateOrNull(string column) =>
        reader.IsDBNull(columns[column]) ? null : DateOnly.ParseExact(reader.GetString(columns[column]), "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A vocabulary code; a value this program does not know means the row is corrupt.</summary>
    public T Code<T>(string column)
        where T : struct, Enum =>
        Domain.Common.Vocabulary<T>.TryParse(reader.GetString(columns[column]), out var v) ? v : throw new InvalidDataException($"Unknown stored value '{reader.GetString(columns[column])}' in {column}.");
}

/// <summary>Reads of one row, many rows or one value, mapped by column name.</summary>
internal static class SqlReads
{
    public static T? One<T>(this ISql sql, string text, Columns columns, Func<Row, T> map, params object?[] args)
        where T : class =>
        sql.Read(text, args, r => r.Read() ? map(new Row(r, columns)) : null);

    public static List<T> Many<T>(this ISql sql, string text, Columns columns, Func<Row, T> map, params object?[] args) =>
        sql.Read(text, args, r =>
        {
            var list = new List<T>();
            var row = new Row(r, columns);
            while (r.Read())
            {
                list.Add(map(row));
            }

            return list;
        });

    /// <summary>The first column of the first row, or default when there is none or it is null.</summary>
    public static T? Scalar<T>(this ISql sql, string text, params object?[] args)
    {
        var v = sql.Read(text, args, r => r.Read() ? r.GetValue(0) : null);
        return v is null or DBNull ? default : (T)Convert.ChangeType(v, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T), CultureInfo.InvariantCulture);
    }

    public static DateTimeOffset Time(long ticks) => new(ticks, TimeSpan.Zero);

    public static string? DateText(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
