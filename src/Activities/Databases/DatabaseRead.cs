using System.Data.Common;
using System.Threading.Channels;
using ElsaFlow.Activities.Data;
using ElsaFlow.Activities.Inputs;
using ElsaFlow.Data;
using ElsaFlow.Data.Sql;

namespace ElsaFlow.Activities.Databases;

/// <summary>
/// Streams the rows of a query on a database server into a workspace table: one or more readers (one connection each,
/// a key range each when split) hand batches through a bounded channel to the DuckDB appender, so memory holds a few
/// batches, never the result. Column types come from the first reader's schema.
/// </summary>
internal sealed class DatabaseRead(DataContext context, DatabaseDialect dialect, ConnectionSource source)
{
    private const int RowsPerBatch = 1_000;
    private const int BatchesInFlight = 8;

    private string Activity => context.Activity.ActivityType;

    public async Task<Dataset> RunAsync(BoundQuery query, string? splitColumn, int parallelism)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);
        var parts = await PartsAsync(query, splitColumn, parallelism, stop.Token);
        var channel = Channel.CreateBounded<object?[][]>(new BoundedChannelOptions(BatchesInFlight) { SingleReader = true });
        var schema = new TaskCompletionSource<IReadOnlyList<ReadColumn>>(TaskCreationOptions.RunContinuationsAsynchronously);
        var readers = parts.Select(part => ReadAsync(part, channel.Writer, schema, stop.Token)).ToList();
        var all = Task.WhenAll(readers).ContinueWith(t => channel.Writer.TryComplete(t.Exception?.InnerException), TaskScheduler.Default);
        try
        {
            var columns = await schema.Task.WaitAsync(stop.Token);
            return await AppendAsync(columns, channel.Reader, stop);
        }
        catch (Exception e) when (e is not DataStepException && DatabaseFailure.IsDatabaseError(e))
        {
            throw DatabaseFailure.Wrap(e, Activity, "read from", source, dialect);
        }
        catch (OperationCanceledException) when (!context.CancellationToken.IsCancellationRequested && readers.FirstOrDefault(r => r.IsFaulted) is { } failed)
        {
            throw DatabaseFailure.Wrap(failed.Exception!.InnerException!, Activity, "read from", source, dialect);
        }
        finally
        {
            await stop.CancelAsync();
            await all;
        }
    }

    /// <summary>The query for each reader: the query itself, or one key range of it each.</summary>
    private async Task<IReadOnlyList<BoundQuery>> PartsAsync(BoundQuery query, string? splitColumn, int parallelism, CancellationToken ct)
    {
        if (context.PreviewRows is { } rows) return [query with { Sql = dialect.Limit(query.Sql, rows) }];
        if (parallelism <= 1 || string.IsNullOrWhiteSpace(splitColumn)) return [query];
        var key = dialect.Quote(splitColumn);
        var (min, max) = await RangeAsync(query, key, ct);
        if (min is null || max is null) return [query];
        var markers = (dialect.Marker(query.Values.Count), dialect.Marker(query.Values.Count + 1));
        return SplitRange.Split(min.Value, max.Value, parallelism)
            .Select(range => new BoundQuery(
                $"SELECT * FROM ({query.Sql}) AS elsaflow_split WHERE {range.Condition(key, markers.Item1, markers.Item2)}",
                [.. query.Values, range.From, range.To]))
            .ToList();
    }

    private async Task<(long? Min, long? Max)> RangeAsync(BoundQuery query, string key, CancellationToken ct)
    {
        try
        {
            await using var connection = await OpenAsync(ct);
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT MIN({key}), MAX({key}) FROM ({query.Sql}) AS elsaflow_range";
            query.AddTo(command, dialect);
            await using var reader = await command.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            if (reader.IsDBNull(0)) return (null, null);
            try { return (Convert.ToInt64(reader.GetValue(0)), Convert.ToInt64(reader.GetValue(1))); }
            catch (Exception e) when (e is FormatException or InvalidCastException or OverflowException)
            {
                throw new DataStepException($"splitColumn: '{key}' must hold whole numbers to split the read on; it holds {reader.GetDataTypeName(0)}");
            }
        }
        catch (Exception e) when (e is not DataStepException && DatabaseFailure.IsDatabaseError(e))
        {
            throw DatabaseFailure.Wrap(e, Activity, "read from", source, dialect);
        }
    }

    public async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        var connection = dialect.Connect(source.ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private async Task ReadAsync(BoundQuery query, ChannelWriter<object?[][]> output, TaskCompletionSource<IReadOnlyList<ReadColumn>> schema, CancellationToken ct)
    {
        try
        {
            await using var connection = await OpenAsync(ct);
            await using var command = connection.CreateCommand();
            command.CommandText = query.Sql;
            command.CommandTimeout = 0;
            query.AddTo(command, dialect);
            await using var reader = await command.ExecuteReaderAsync(ct);
            var columns = reader.GetColumnSchema().Select(dialect.Column).ToList();
            schema.TrySetResult(columns);
            var batch = new List<object?[]>(RowsPerBatch);
            while (await reader.ReadAsync(ct))
            {
                var row = new object?[columns.Count];
                for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : Value(reader, columns[i], i);
                batch.Add(row);
                if (batch.Count < RowsPerBatch) continue;
                await output.WriteAsync([.. batch], ct);
                batch.Clear();
            }
            if (batch.Count > 0) await output.WriteAsync([.. batch], ct);
        }
        catch (Exception e)
        {
            schema.TrySetException(e);
            throw;
        }
    }

    private static object? Value(DbDataReader reader, ReadColumn column, int ordinal)
    {
        try { return column.Read(reader, ordinal); }
        catch (Exception e) when (e is FormatException or InvalidCastException or OverflowException or ArgumentOutOfRangeException)
        {
            throw new DataStepException($"table: column '{column.Name}' ({reader.GetDataTypeName(ordinal)}) has a value that does not fit {column.DuckType}: {e.Message}");
        }
    }

    private async Task<Dataset> AppendAsync(IReadOnlyList<ReadColumn> columns, ChannelReader<object?[][]> input, CancellationTokenSource stop)
    {
        var names = AppendedTable.UniqueNames(columns.Select(c => c.Name));
        var relation = context.Relation();
        var definition = string.Join(", ", columns.Select((c, i) => $"{SqlText.Identifier(names[i])} {c.DuckType}"));
        await context.Workspace.ExecuteAsync($"CREATE OR REPLACE TABLE {SqlText.Identifier(relation)} ({definition})", stop.Token);
        var limit = context.PreviewRows ?? long.MaxValue;
        long rows = 0;
        var appender = context.Workspace.Connection.CreateAppender(relation);
        try
        {
            await foreach (var batch in input.ReadAllAsync(stop.Token))
            {
                foreach (var values in batch)
                {
                    if (rows >= limit) break;
                    var row = appender.CreateRow();
                    foreach (var value in values) AppendedTable.Append(row, value);
                    row.EndRow();
                    // The appender buffers; closing it now and then writes the rows out and keeps memory flat.
                    if (++rows % AppendedTable.BatchSize != 0) continue;
                    appender.Dispose();
                    appender = context.Workspace.Connection.CreateAppender(relation);
                }
                if (rows >= limit) break;
            }
        }
        finally
        {
            appender.Dispose();
        }
        context.Log($"read {rows} rows from {source.Label}");
        return await context.Workspace.DescribeAsync(relation, materialized: true, stop.Token);
    }
}
