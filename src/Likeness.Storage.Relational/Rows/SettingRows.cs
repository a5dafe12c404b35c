using Likeness.Storage.Relational.Sql;

namespace Likeness.Storage.Relational.Rows;

/// <summary>The <c>settings</c> table and the schema's version.</summary>
internal static class SettingRows
{
    public static string? GetSetting(ISql sql, string name) => sql.Scalar<string>("SELECT value FROM settings WHERE name = @p0", name);

    public static void SetSetting(ISql sql, string name, string value) =>
        sql.Exec("INSERT INTO settings(name, value) VALUES (@p0, @p1) ON CONFLICT(name) DO UPDATE SET value = excluded.value", name, value);

    public static void DeleteSetting(ISql sql, string name) => sql.Exec("DELETE FROM settings WHERE name = @p0", name);

    public static long SchemaVersion(ISql sql) => sql.Scalar<long>("SELECT COALESCE(MAX(version), 0) FROM schema_version");
}
