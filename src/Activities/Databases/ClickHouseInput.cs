using ElsaFlow.Activities.Data;
using ElsaFlow.Activities.Inputs;
using ElsaFlow.Data;
using ElsaFlow.Engine.ActivityModel;

namespace ElsaFlow.Activities.Databases;

/// <summary>
/// Reads a table or a query from ClickHouse over its HTTP interface: the answer, TabSeparatedWithNamesAndTypes, is read
/// line by line into the appender (never held whole). One stream: ClickHouse parallelises a query itself, so there is
/// no split read.
/// </summary>
[Activity(Category = "Inputs", Description = "Read a table or query from ClickHouse (HTTP interface)")]
public sealed class ClickHouseInput : DatabaseServerInput
{
    internal override DatabaseDialect Dialect => ClickHouseDialect.Instance;

    internal override async Task<Dataset> ReadAsync(DataContext context, ConnectionSource source, BoundQuery query, string? split, int parallelism)
    {
        if (parallelism > 1)
            throw new DataStepException("parallelism: ClickHouseInput reads one stream (ClickHouse runs a query on all its cores itself); leave parallelism at 1");
        var ct = context.CancellationToken;
        var sql = (context.PreviewRows is { } rows ? Dialect.Limit(query.Sql, rows) : query.Sql) + " FORMAT TabSeparatedWithNamesAndTypes";
        try
        {
            using var http = new ClickHouseHttp(ClickHouseHttp.Settings.Parse(source.ConnectionString));
            using var response = await http.QueryAsync(sql, query.Values, ct);
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(ct));
            var names = ClickHouseTsv.Fields(await reader.ReadLineAsync(ct) ?? "");
            var types = ClickHouseTsv.Fields(await reader.ReadLineAsync(ct) ?? "").Select(t => ClickHouseTypes.Read(t ?? "String")).ToList();
            var unique = AppendedTable.UniqueNames(names);
            var columns = unique.Select((name, i) => new DataColumn(name, types[i].DuckType)).ToList();
            var dataset = await AppendedTable.FillAsync(context, columns, Rows(reader, types, unique));
            context.Log($"read {dataset.RowCount} rows from {source.Label}");
            return dataset;
        }
        catch (Exception e) when (e is not DataStepException && DatabaseFailure.IsDatabaseError(e) || e is HttpRequestException)
        {
            throw DatabaseFailure.Wrap(e, context.Activity.ActivityType, "read from", source, Dialect);
        }
    }

    private static IEnumerable<object?[]> Rows(StreamReader reader, IReadOnlyList<(string DuckType, Func<string, object?> Parse)> types, IReadOnlyList<string> names)
    {
        while (reader.ReadLine() is { } line)
        {
            var fields = ClickHouseTsv.Fields(line);
            var row = new object?[types.Count];
            for (var i = 0; i < row.Length; i++)
                try { row[i] = fields[i] is { } text ? types[i].Parse(text) : null; }
                catch (Exception e) when (e is FormatException or OverflowException)
                {
                    throw new DataStepException($"table: column '{names[i]}' has a value that does not fit {types[i].DuckType}: '{fields[i]}'");
                }
            yield return row;
        }
    }
}
