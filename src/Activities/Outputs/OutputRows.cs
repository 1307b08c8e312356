using ElsaFlow.Activities.Data;
using ElsaFlow.Data;
using ElsaFlow.Data.Sql;

namespace ElsaFlow.Activities.Outputs;

/// <summary>Streams the rows of a dataset to outputs that DuckDB cannot write natively (Excel, HTML, Markdown, SQLite, HTTP).</summary>
internal static class OutputRows
{
    /// <summary>Every cell as DuckDB's own text form (dates as 2024-01-31, lists as [1, 2]); null stays null.</summary>
    public static IAsyncEnumerable<object?[]> TextAsync(DataContext context, Dataset input, long? limit = null) =>
        QueryAsync(context, TextSelect(input) + (limit is { } n ? $" LIMIT {n}" : ""));

    /// <summary>Every cell as the CLR value DuckDB.NET reads (long, double, decimal, DateTime, string...).</summary>
    public static IAsyncEnumerable<object?[]> ValuesAsync(DataContext context, Dataset input) =>
        QueryAsync(context, $"SELECT * FROM {DataContext.From(input)}");

    public static string TextSelect(Dataset input) => input.Columns.Count == 0
        ? $"SELECT * FROM {DataContext.From(input)}"
        : $"SELECT {string.Join(", ", input.Columns.Select(c => $"CAST({SqlText.Identifier(c.Name)} AS VARCHAR) AS {SqlText.Identifier(c.Name)}"))} FROM {DataContext.From(input)}";

    /// <summary>The rows of a query, one array of values each.</summary>
    public static async IAsyncEnumerable<object?[]> QueryAsync(DataContext context, string sql)
    {
        await using var command = context.Workspace.Connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(context.CancellationToken);
        while (await reader.ReadAsync(context.CancellationToken))
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            yield return row;
        }
    }

    /// <summary>Whether a DuckDB type holds numbers (right-aligned in tables).</summary>
    public static bool IsNumeric(string duckType) =>
        duckType.StartsWith("DECIMAL", StringComparison.OrdinalIgnoreCase) ||
        duckType.ToUpperInvariant() is "TINYINT" or "SMALLINT" or "INTEGER" or "BIGINT" or "HUGEINT" or "UTINYINT" or "USMALLINT"
            or "UINTEGER" or "UBIGINT" or "UHUGEINT" or "FLOAT" or "DOUBLE";
}
