namespace Likeness.Storage.Relational;

/// <summary>The few things that differ between SQL providers; everything else is the same SQL.</summary>
public abstract class Dialect
{
    /// <summary>A BIGINT primary key that is cheap to append to (SQLite: the rowid).</summary>
    public abstract string IdColumn { get; }

    /// <summary>An ever-increasing generated key.</summary>
    public abstract string SerialColumn { get; }

    public abstract string BlobType { get; }

    /// <summary>Steers the month's usage scan to the covering index, where the planner needs telling.</summary>
    public abstract string SettledIndexHint { get; }

    /// <summary>A condition: the JSON array of strings in <paramref name="column"/> contains <paramref name="parameter"/>.</summary>
    public abstract string RepresentsContains(string column, string parameter);

    /// <summary>
    /// Where the database takes arrays, a row source of the idempotency records whose scopes and keys are listed in
    /// two parallel arrays (<c>@p0</c>, <c>@p1</c>), exposing the table's columns unqualified; null where it does not
    /// (the keys are then listed as row values).
    /// </summary>
    public virtual string? IdempotencyFromArrays => null;

    /// <summary>The migrations with this dialect's types filled in.</summary>
    public IReadOnlyList<string> Migrations =>
        Schema.Migrations.Select(m => m.Replace("{id}", IdColumn, StringComparison.Ordinal).Replace("{serial}", SerialColumn, StringComparison.Ordinal)
            .Replace("{blob}", BlobType, StringComparison.Ordinal)).ToArray();
}
