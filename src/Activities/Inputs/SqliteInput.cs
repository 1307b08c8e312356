using ElsaFlow.Activities.Data;
using ElsaFlow.Data;
using ElsaFlow.Data.Sql;
using ElsaFlow.Engine.ActivityModel;
using Microsoft.Data.Sqlite;

namespace ElsaFlow.Activities.Inputs;

/// <summary>
/// Reads a table, or the rows of a query, from a SQLite database file (opened read-only). DuckDB's sqlite extension
/// is not built in and nothing is downloaded, so rows come through Microsoft.Data.Sqlite and the appender.
/// Column types follow SQLite's declared-type affinity, or the values when a column has no declared type. A query is one
/// statement that only reads the file (<see cref="SqliteQuery"/>).
/// </summary>
[Activity(Category = "Inputs", Description = "Read a table or query from a SQLite database file")]
public sealed class SqliteInput : DatabaseInput
{
    private const int SampleRows = 1000;

    protected override async ValueTask<DataResult> ExecuteAsync(DataContext context)
    {
        var (full, table, query) = Source(context);
        var path = context.Get(Path);

        var connectionString = new SqliteConnectionStringBuilder { DataSource = full, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();
        await using var connection = new SqliteConnection(connectionString);
        await using var command = connection.CreateCommand();
        try
        {
            await connection.OpenAsync(context.CancellationToken);
            SqliteQuery.Confine(connection);
            if (table.Length > 0)
            {
                var tables = await TablesAsync(connection, context.CancellationToken);
                if (!tables.Contains(table, StringComparer.OrdinalIgnoreCase))
                    throw new DataStepException($"table: '{path}' has no table '{table}'; its tables are {(tables.Count == 0 ? "(none)" : string.Join(", ", tables))}");
                command.CommandText = $"SELECT * FROM {SqlText.Identifier(table)}";
            }
            else
            {
                SqliteQuery.Check(connection, query, path);
                command.CommandText = query;
            }
            await using var reader = await command.ExecuteReaderAsync(context.CancellationToken);
            return DataResult.Done(await CopyAsync(context, reader));
        }
        catch (SqliteException e)
        {
            // SQLITE_ERROR and SQLITE_AUTH (the authorizer of SqliteQuery) are about the query; the rest about the file.
            var field = query.Length > 0 && e.SqliteErrorCode is 1 or 23 ? "query" : "path";
            throw new DataStepException($"{field}: SQLite refused to read '{path}': {e.Message}", e);
        }
    }

    private static async Task<List<string>> TablesAsync(SqliteConnection connection, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' ORDER BY name";
        await using var reader = await command.ExecuteReaderAsync(ct);
        var names = new List<string>();
        while (await reader.ReadAsync(ct)) names.Add(reader.GetString(0));
        return names;
    }

    private static async Task<Dataset> CopyAsync(DataContext context, SqliteDataReader reader)
    {
        var limit = context.PreviewRows ?? int.MaxValue;
        var sample = new List<object?[]>();
        while (sample.Count < Math.Min(SampleRows, limit) && await reader.ReadAsync(context.CancellationToken)) sample.Add(Values(reader));

        var names = AppendedTable.UniqueNames(Enumerable.Range(0, reader.FieldCount).Select(reader.GetName));
        var types = Enumerable.Range(0, reader.FieldCount)
            .Select(i => Affinity(reader.GetDataTypeName(i)) is { } type && (type != "BLOB" || sample.All(row => row[i] is null or byte[]))
                ? type : ColumnGuess.TypeOf(sample.Select(row => row[i]), parseText: false)).ToList();
        var schema = names.Select((name, i) => new DataColumn(name, types[i])).ToList();

        IEnumerable<object?[]> Rows()
        {
            var read = 0L;
            foreach (var row in sample) yield return Convert(row, ++read);
            while (read < limit && reader.Read()) yield return Convert(Values(reader), ++read);
        }

        object?[] Convert(object?[] row, long number)
        {
            var converted = new object?[row.Length];
            for (var i = 0; i < row.Length; i++)
                try { converted[i] = ColumnGuess.Convert(row[i], types[i]); }
                catch (Exception e) when (e is FormatException or InvalidCastException or OverflowException)
                {
                    throw new DataStepException($"table: row {number}, column '{names[i]}': '{row[i]}' does not fit the column's type {types[i]}", e);
                }
            return converted;
        }

        return await AppendedTable.FillAsync(context, schema, Rows());
    }

    private static object?[] Values(SqliteDataReader reader)
    {
        var row = new object?[reader.FieldCount];
        for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
        return row;
    }

    /// <summary>
    /// SQLite's type affinity rules for a declared column type; null when there is none to go by. Columns of a query
    /// that are expressions have no declared type, and the reader then names the current value's type (BLOB past the
    /// last row), so a BLOB is only believed when the values are bytes.
    /// </summary>
    private static string? Affinity(string? declared)
    {
        var type = (declared ?? "").ToUpperInvariant();
        if (type.Contains("INT")) return "BIGINT";
        if (type.Contains("CHAR") || type.Contains("CLOB") || type.Contains("TEXT")) return "VARCHAR";
        if (type.Contains("BLOB")) return "BLOB";
        if (type.Contains("REAL") || type.Contains("FLOA") || type.Contains("DOUB")) return "DOUBLE";
        return null;
    }
}
