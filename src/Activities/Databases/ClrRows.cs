using System.Data;
using DataColumn = ElsaFlow.Data.DataColumn;

namespace ElsaFlow.Activities.Databases;

/// <summary>A batch as a DataTable of the plain types the MySQL and SQL Server bulk copies take (dates as DateTime, times as TimeSpan).</summary>
internal static class ClrRows
{
    public static DataTable Table(IReadOnlyList<DataColumn> columns, IReadOnlyList<object?[]> rows, bool guidsAsText)
    {
        var table = new DataTable();
        var types = columns.Select(c => TypeOf(c.Type, guidsAsText)).ToList();
        for (var i = 0; i < columns.Count; i++) table.Columns.Add("c" + i, types[i]);
        table.BeginLoadData();
        foreach (var row in rows)
        {
            var values = new object[row.Length];
            for (var i = 0; i < row.Length; i++) values[i] = Plain(row[i], guidsAsText) ?? DBNull.Value;
            table.Rows.Add(values);
        }
        table.EndLoadData();
        return table;
    }

    private static object? Plain(object? value, bool guidsAsText) => value switch
    {
        DateOnly date => date.ToDateTime(TimeOnly.MinValue),
        TimeOnly time => time.ToTimeSpan(),
        DateTimeOffset instant => instant.UtcDateTime,
        Guid guid when guidsAsText => guid.ToString(),
        _ => value
    };

    private static Type TypeOf(string duckType, bool guidsAsText) => duckType switch
    {
        "BOOLEAN" => typeof(bool),
        "TINYINT" => typeof(sbyte),
        "SMALLINT" => typeof(short),
        "INTEGER" => typeof(int),
        "BIGINT" => typeof(long),
        "UTINYINT" => typeof(byte),
        "USMALLINT" => typeof(ushort),
        "UINTEGER" => typeof(uint),
        "UBIGINT" => typeof(ulong),
        "FLOAT" => typeof(float),
        "DOUBLE" => typeof(double),
        "DATE" or "TIMESTAMP" or "TIMESTAMP WITH TIME ZONE" => typeof(DateTime),
        "TIME" => typeof(TimeSpan),
        "BLOB" => typeof(byte[]),
        "UUID" => guidsAsText ? typeof(string) : typeof(Guid),
        _ when duckType.StartsWith("DECIMAL", StringComparison.Ordinal) => typeof(decimal),
        _ => typeof(string)
    };
}
