using System.Data.Common;
using ElsaFlow.Activities.Data;
using ElsaFlow.Activities.Outputs;
using ElsaFlow.Data;

namespace ElsaFlow.Activities.Databases;

/// <summary>
/// Writes a dataset into a server table by mode. Insert and upsert commit batch by batch (a batch is all or nothing);
/// overwrite and merge run in one transaction, so a failure leaves the table as it was. Upsert and merge bulk-load each
/// batch into a session staging table and apply it with one statement, never row by row.
/// </summary>
internal sealed class DatabaseWrite(DataContext context, DatabaseDialect dialect, TableWriter writer, ConnectionSource source)
{
    private string Activity => context.Activity.ActivityType;

    public async Task<long> RunAsync(Dataset input, TableTarget target, int batchSize)
    {
        var ct = context.CancellationToken;
        try
        {
            await using var connection = dialect.Connect(source.ConnectionString);
            await connection.OpenAsync(ct);
            var columns = OutputBatches.Columns(input);
            if (!await writer.ExistsAsync(connection, target.Table, ct))
            {
                var keys = target.Mode is TableWriteMode.Upsert or TableWriteMode.Merge ? target.Keys : [];
                await ExecuteAsync(connection, null, writer.CreateTable(target.Table, columns, keys), ct);
                context.Log($"created table {target.Table}");
            }
            if (target.Mode is TableWriteMode.Upsert or TableWriteMode.Merge) await writer.CheckKeysAsync(connection, target.Table, target.Keys, ct);
            return target.Mode switch
            {
                TableWriteMode.Insert => await BatchesAsync(connection, input, target, columns, batchSize, staged: false),
                TableWriteMode.Upsert => await BatchesAsync(connection, input, target, columns, batchSize, staged: !writer.LoadReplaces),
                _ => await WholeAsync(connection, input, target, columns, batchSize)
            };
        }
        catch (Exception e) when (e is not DataStepException and not OperationCanceledException && DatabaseFailure.IsDatabaseError(e))
        {
            throw DatabaseFailure.Wrap(e, Activity, $"write table {target.Table} of", source, dialect);
        }
    }

    /// <summary>Insert and upsert: a transaction per batch, so a rerun after a failure redoes only what did not commit (upsert makes that exact).</summary>
    private async Task<long> BatchesAsync(DbConnection connection, Dataset input, TableTarget target, IReadOnlyList<DataColumn> columns, int size, bool staged)
    {
        var ct = context.CancellationToken;
        var table = dialect.QuoteTable(target.Table);
        long written = 0;
        await foreach (var batch in OutputBatches.ReadAsync(context, input, size, ct))
        {
            await using var transaction = writer.Transactional ? await connection.BeginTransactionAsync(ct) : null;
            if (staged)
            {
                var staging = await writer.CreateStagingAsync(connection, transaction, target.Table, ct);
                await writer.BulkAsync(connection, transaction, staging, columns, batch, ct);
                await ExecuteAsync(connection, transaction, writer.Upsert(target.Table, staging, columns.Select(c => c.Name).ToList(), target.Keys), ct);
                await ExecuteAsync(connection, transaction, writer.DropStaging(staging), ct);
            }
            else await writer.BulkAsync(connection, transaction, table, columns, batch, ct);
            if (transaction is not null) await transaction.CommitAsync(ct);
            written += batch.Count;
        }
        return written;
    }

    /// <summary>Overwrite and merge: every batch in one transaction, committed at the end.</summary>
    private async Task<long> WholeAsync(DbConnection connection, Dataset input, TableTarget target, IReadOnlyList<DataColumn> columns, int size)
    {
        var ct = context.CancellationToken;
        // Where loads replace rows by key, the table left by merge is the table left by overwrite: the dataset's rows.
        var merge = target.Mode == TableWriteMode.Merge && !writer.LoadReplaces;
        await using var transaction = writer.Transactional ? await connection.BeginTransactionAsync(ct) : null;
        var destination = merge ? await writer.CreateStagingAsync(connection, transaction, target.Table, ct) : dialect.QuoteTable(target.Table);
        if (!merge) await ExecuteAsync(connection, transaction, writer.Clear(target.Table), ct);
        long written = 0;
        await foreach (var batch in OutputBatches.ReadAsync(context, input, size, ct))
        {
            await writer.BulkAsync(connection, transaction, destination, columns, batch, ct);
            written += batch.Count;
        }
        if (merge)
        {
            await ExecuteAsync(connection, transaction, writer.Upsert(target.Table, destination, columns.Select(c => c.Name).ToList(), target.Keys), ct);
            await ExecuteAsync(connection, transaction, writer.DeleteMissing(target.Table, destination, target.Keys), ct);
            await ExecuteAsync(connection, transaction, writer.DropStaging(destination), ct);
        }
        if (transaction is not null) await transaction.CommitAsync(ct);
        return written;
    }

    public static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(ct);
    }
}
