using ElsaFlow.Activities.Data;
using ElsaFlow.Data;
using ElsaFlow.Data.Sql;

namespace ElsaFlow.Activities.Inputs;

/// <summary>
/// Fills a workspace table through the DuckDB appender, for sources DuckDB cannot read itself (Excel, Faker, HTML,
/// SQLite). The appender is flushed every <see cref="BatchSize"/> rows so memory stays flat.
/// </summary>
internal static class AppendedTable
{
    public const int BatchSize = 10_000;

    /// <summary>Creates (or replaces) this run's table with the given columns and appends the rows, already converted to the column types.</summary>
    public static async Task<Dataset> FillAsync(DataContext context, IReadOnlyList<DataColumn> columns, IEnumerable<object?[]> rows, string? suffix = null)
    {
        var relation = context.Relation(suffix);
        var definition = string.Join(", ", columns.Select(c => $"{SqlText.Identifier(c.Name)} {c.Type}"));
        await context.Workspace.ExecuteAsync($"CREATE OR REPLACE TABLE {SqlText.Identifier(relation)} ({definition})", context.CancellationToken);
        using var enumerator = rows.GetEnumerator();
        var more = true;
        while (more)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            using var appender = context.Workspace.Connection.CreateAppender(relation);
            var count = 0;
            while (count < BatchSize && (more = enumerator.MoveNext()))
            {
                var row = appender.CreateRow();
                foreach (var value in enumerator.Current) Append(row, value);
                row.EndRow();
                count++;
            }
        }
        return await context.Workspace.DescribeAsync(relation, materialized: true, context.CancellationToken);
    }

    /// <summary>Unique, non-empty column names: blanks become column1, column2...; repeats get _2, _3.</summary>
    public static List<string> UniqueNames(IEnumerable<string?> names)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var result = new List<string>();
        var position = 0;
        foreach (var raw in names)
        {
            position++;
            var name = string.IsNullOrWhiteSpace(raw) ? $"column{position}" : raw.Trim();
            var unique = name;
            for (var n = 2; !seen.Add(unique); n++) unique = $"{name}_{n}";
            result.Add(unique);
        }
        return result;
    }

    internal static void Append(DuckDB.NET.Data.IDuckDBAppenderRow row, object? value)
    {
        switch (value)
        {
            case null or DBNull: row.AppendNullValue(); break;
            case string s: row.AppendValue(s); break;
            case bool b: row.AppendValue(b); break;
            case long l: row.AppendValue(l); break;
            case int i: row.AppendValue(i); break;
            case short i: row.AppendValue(i); break;
            case sbyte i: row.AppendValue(i); break;
            case ulong u: row.AppendValue(u); break;
            case uint u: row.AppendValue(u); break;
            case ushort u: row.AppendValue(u); break;
            case byte u: row.AppendValue(u); break;
            case double d: row.AppendValue(d); break;
            case float f: row.AppendValue(f); break;
            case decimal m: row.AppendValue(m); break;
            case DateOnly date: row.AppendValue(date); break;
            case DateTime dt: row.AppendValue(dt); break;
            case DateTimeOffset dto: row.AppendValue(dto); break;
            case TimeOnly time: row.AppendValue(time); break;
            case TimeSpan span: row.AppendValue(span); break;
            case Guid guid: row.AppendValue(guid); break;
            case byte[] bytes: row.AppendValue(bytes); break;
            default: row.AppendValue(ColumnGuess.Text(value)); break;
        }
    }
}
