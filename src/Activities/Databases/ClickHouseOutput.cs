using System.Text;
using ElsaFlow.Activities.Data;
using ElsaFlow.Activities.Outputs;
using ElsaFlow.Data;
using ElsaFlow.Engine.ActivityModel;

namespace ElsaFlow.Activities.Databases;

/// <summary>
/// Writes the dataset into a ClickHouse table over its HTTP interface: one streamed INSERT ... FORMAT TabSeparated per
/// batch, ClickHouse's bulk insert. ClickHouse has no transactions and no unique keys, so there is insert and overwrite
/// (TRUNCATE, then the inserts: not atomic), and upsert and merge are refused with what to use instead. A created
/// table is a MergeTree of Nullable columns.
/// </summary>
[Activity(Category = "Outputs", Description = "Write the dataset into a ClickHouse table (insert or overwrite)")]
public sealed class ClickHouseOutput : DatabaseServerOutput
{
    internal override DatabaseDialect Dialect => ClickHouseDialect.Instance;

    internal override async Task<long> WriteTableAsync(DataContext context, Dataset input, TableTarget target, int batchSize, ConnectionSource source)
    {
        if (target.Mode is TableWriteMode.Upsert or TableWriteMode.Merge)
            throw new DataStepException($"mode: ClickHouse has no unique keys or transactions, so no {target.Mode.ToString().ToLowerInvariant()}; " +
                "insert into a ReplacingMergeTree table ordered by the keys (ClickHouse collapses rows with one key as it merges), or overwrite");
        var ct = context.CancellationToken;
        var table = Dialect.QuoteTable(target.Table);
        var columns = OutputBatches.Columns(input);
        try
        {
            using var http = new ClickHouseHttp(ClickHouseHttp.Settings.Parse(source.ConnectionString));
            if (await http.ScalarAsync($"EXISTS TABLE {table}", ct) != "1")
            {
                await http.ExecuteAsync($"CREATE TABLE {table} ({string.Join(", ", columns.Select(c => $"{Dialect.Quote(c.Name)} {ClickHouseTypes.Create(c.Type)}"))}) " +
                    "ENGINE = MergeTree() ORDER BY tuple()", ct);
                context.Log($"created table {target.Table}");
            }
            if (target.Mode == TableWriteMode.Overwrite) await http.ExecuteAsync($"TRUNCATE TABLE {table}", ct);
            var insert = $"INSERT INTO {table} ({string.Join(", ", columns.Select(c => Dialect.Quote(c.Name)))}) FORMAT TabSeparated";
            long written = 0;
            await foreach (var batch in OutputBatches.ReadAsync(context, input, batchSize, ct))
            {
                await http.InsertAsync(insert, Encoding.UTF8.GetBytes(Lines(batch)), ct);
                written += batch.Count;
            }
            return written;
        }
        catch (Exception e) when (e is not DataStepException && DatabaseFailure.IsDatabaseError(e) || e is HttpRequestException)
        {
            throw DatabaseFailure.Wrap(e, context.Activity.ActivityType, $"write table {target.Table} of", source, Dialect);
        }
    }

    private static string Lines(List<object?[]> batch)
    {
        var text = new StringBuilder();
        foreach (var row in batch)
        {
            for (var i = 0; i < row.Length; i++)
            {
                if (i > 0) text.Append('\t');
                ClickHouseTsv.Write(text, row[i]);
            }
            text.Append('\n');
        }
        return text.ToString();
    }
}
