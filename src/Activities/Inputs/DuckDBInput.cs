using DuckDB.NET.Data;
using ElsaFlow.Activities.Data;
using ElsaFlow.Data;
using ElsaFlow.Data.Sql;
using ElsaFlow.Engine.ActivityModel;

namespace ElsaFlow.Activities.Inputs;

/// <summary>
/// Reads a table, or the rows of a query, from another DuckDB database file, attached read-only for the run. The rows
/// are copied into a workspace table: the attachment ends with the run and the source file may change afterwards.
/// </summary>
[Activity(Type = "DuckDBInput", Category = "Inputs", Description = "Read a table or query from a DuckDB database file")]
public sealed class DuckDBInput : DatabaseInput
{
    protected override async ValueTask<DataResult> ExecuteAsync(DataContext context)
    {
        var (full, table, query) = Source(context);
        var path = context.Get(Path);

        var workspace = context.Workspace;
        var ct = context.CancellationToken;
        var home = (string)(await workspace.ScalarAsync("SELECT current_database()", ct))!;
        var alias = "source_" + context.Relation();
        try
        {
            await workspace.ExecuteAsync($"ATTACH {SqlText.String(full)} AS {SqlText.Identifier(alias)} (READ_ONLY)", ct);
        }
        catch (DuckDBException e)
        {
            throw new DataStepException($"path: '{path}' is not readable as a DuckDB database: {e.Message.Split('\n', 2)[0].Trim()}", e);
        }
        try
        {
            if (table.Length > 0)
            {
                var source = await FindTableAsync(context, alias, table, path);
                return DataResult.Done(await context.TableAsync($"SELECT * FROM {source}{context.LimitClause}"));
            }
            var relation = context.Relation();
            try
            {
                // The query names tables as it would inside that database, so it runs with that database as the default.
                await workspace.ExecuteAsync($"USE {SqlText.Identifier(alias)}", ct);
                await workspace.ExecuteAsync($"CREATE OR REPLACE TABLE {SqlText.Identifier(home)}.main.{SqlText.Identifier(relation)} AS SELECT * FROM ({query}){context.LimitClause}", ct);
            }
            catch (DuckDBException e)
            {
                throw new DataStepException($"query: {e.Message.Split('\n', 2)[0].Trim()}", e);
            }
            finally
            {
                await workspace.ExecuteAsync($"USE {SqlText.Identifier(home)}", ct);
            }
            return DataResult.Done(await workspace.DescribeAsync(relation, materialized: true, ct));
        }
        finally
        {
            await workspace.ExecuteAsync($"DETACH {SqlText.Identifier(alias)}", CancellationToken.None);
        }
    }

    /// <summary>The quoted name of a table or view of the attached database; a clear error listing what is there otherwise.</summary>
    private static async Task<string> FindTableAsync(DataContext context, string alias, string table, string path)
    {
        var dot = table.IndexOf('.');
        var (schema, name) = dot > 0 ? (table[..dot], table[(dot + 1)..]) : ("main", table);
        var rows = await context.Workspace.QueryAsync(
            $"SELECT schema_name, table_name FROM duckdb_tables() WHERE database_name = {SqlText.String(alias)} " +
            $"UNION ALL SELECT schema_name, view_name FROM duckdb_views() WHERE database_name = {SqlText.String(alias)} AND NOT internal ORDER BY 1, 2",
            context.CancellationToken);
        var found = rows.FirstOrDefault(r => string.Equals((string?)r["schema_name"], schema, StringComparison.OrdinalIgnoreCase)
                                              && string.Equals((string?)r["table_name"], name, StringComparison.OrdinalIgnoreCase));
        if (found is null)
        {
            var names = rows.Select(r => (string?)r["schema_name"] == "main" ? (string?)r["table_name"] : $"{r["schema_name"]}.{r["table_name"]}");
            throw new DataStepException($"table: '{path}' has no table '{table}'; its tables are {(rows.Count == 0 ? "(none)" : string.Join(", ", names))}");
        }
        return $"{SqlText.Identifier(alias)}.{SqlText.Identifier((string)found["schema_name"]!)}.{SqlText.Identifier((string)found["table_name"]!)}";
    }
}
