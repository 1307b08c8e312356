using ElsaFlow.Activities.Data;
using ElsaFlow.Data;
using ElsaFlow.Data.Sql;
using ElsaFlow.Engine.ActivityModel;

namespace ElsaFlow.Activities.Outputs;

/// <summary>
/// Writes a dataset into a table of a DuckDB database file (attached to the workspace for the write). Upsert deletes
/// the rows whose keys arrive and inserts the new ones, in one transaction.
/// </summary>
[Activity(Category = "Outputs", Description = "Write the dataset into a table of a DuckDB database file (insert, overwrite or upsert)")]
public sealed class DuckDBOutput : DatabaseOutput
{
    protected override async Task WriteAsync(DataContext context, Dataset input)
    {
        if (context.Get(Mode) == TableWriteMode.Merge)
            throw new DataStepException($"mode: {context.Activity.ActivityType} writes insert, overwrite or upsert; merge is for the database server outputs");
        var target = TableTarget.Check(context.Get(Table), context.Get(Mode), context.Get(Keys), input);
        var path = OutputFiles.Prepare(context, context.Get(Path), "path");
        var alias = SqlText.Identifier("target_" + context.Activity.ExecutionId.Replace("-", "_"));
        var table = $"{alias}.main.{SqlText.Identifier(target.Table)}";
        var source = DataContext.From(input);
        var workspace = context.Workspace;
        var ct = context.CancellationToken;
        await workspace.ExecuteAsync($"ATTACH {SqlText.String(path)} AS {alias}", ct);
        try
        {
            await workspace.ExecuteAsync("BEGIN TRANSACTION", ct);
            try
            {
                if (target.Mode == TableWriteMode.Overwrite)
                    await workspace.ExecuteAsync($"CREATE OR REPLACE TABLE {table} AS SELECT * FROM {source}", ct);
                else
                {
                    await workspace.ExecuteAsync($"CREATE TABLE IF NOT EXISTS {table} AS SELECT * FROM {source} LIMIT 0", ct);
                    if (target.Mode == TableWriteMode.Upsert)
                    {
                        var match = string.Join(" AND ", target.Keys.Select(k => $"s.{SqlText.Identifier(k)} = t.{SqlText.Identifier(k)}"));
                        await workspace.ExecuteAsync($"DELETE FROM {table} AS t WHERE EXISTS (SELECT 1 FROM {source} AS s WHERE {match})", ct);
                    }
                    await workspace.ExecuteAsync($"INSERT INTO {table} BY NAME SELECT * FROM {source}", ct);
                }
                await workspace.ExecuteAsync("COMMIT", ct);
            }
            catch
            {
                await workspace.ExecuteAsync("ROLLBACK", CancellationToken.None);
                throw;
            }
            var rows = await workspace.ScalarAsync($"SELECT count(*) FROM {source}", ct);
            context.Wrote(path);
            context.Log($"wrote {rows} rows to table {target.Table} in {path} ({target.Mode.ToString().ToLowerInvariant()})");
        }
        catch (DuckDB.NET.Data.DuckDBException e)
        {
            throw new DataStepException($"table: writing {target.Table} in '{context.Get(Path)}' failed: {e.Message}", e);
        }
        finally
        {
            await workspace.ExecuteAsync($"DETACH {alias}", CancellationToken.None);
        }
    }
}
