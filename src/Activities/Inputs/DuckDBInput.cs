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
            var tables = await TablesAsync(context, alias);
            if (table.Length > 0)
                return DataResult.Done(await context.TableAsync($"SELECT * FROM {Find(tables, alias, table, path)}{context.LimitClause}"));
            // The query reads that database's tables and nothing else (UserSql), named as they are inside it.
            var names = tables.SelectMany(t => t.Schema == "main" ? new[] { t.Name, $"main.{t.Name}" } : [$"{t.Schema}.{t.Name}"]).ToList();
            var select = UserSql.Query(query, "query", names);
            var relation = context.Relation();
            try
            {
                // The query names tables as it would inside that database, so it runs with that database as the default.
                await workspace.ExecuteAsync($"USE {SqlText.Identifier(alias)}", ct);
                await workspace.ExecuteAsync($"CREATE OR REPLACE TABLE {SqlText.Identifier(home)}.main.{SqlText.Identifier(relation)} AS SELECT * FROM ({select}){context.LimitClause}", ct);
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

    /// <summary>The tables and views of the attached database, by schema and name.</summary>
    private static async Task<List<(string Schema, string Name)>> TablesAsync(DataContext context, string alias)
    {
        var rows = await context.Workspace.QueryAsync(
            $"SELECT schema_name, table_name FROM duckdb_tables() WHERE database_name = {SqlText.String(alias)} " +
            $"UNION ALL SELECT schema_name, view_name FROM duckdb_views() WHERE database_name = {SqlText.String(alias)} AND NOT internal ORDER BY 1, 2",
            context.CancellationToken);
        return rows.Select(r => ((string)r["schema_name"]!, (string)r["table_name"]!)).ToList();
    }

    /// <summary>The quoted name of a table or view of the attached database; a clear error listing what is there otherwise.</summary>
    private static string Find(List<(string Schema, string Name)> tables, string alias, string table, string path)
    {
        var dot = table.IndexOf('.');
        var (schema, name) = dot > 0 ? (table[..dot], table[(dot + 1)..]) : ("main", table);
        var found = tables.FirstOrDefault(t => string.Equals(t.Schema, schema, StringComparison.OrdinalIgnoreCase) && string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));
        if (found == default)
        {
            var names = tables.Select(t => t.Schema == "main" ? t.Name : $"{t.Schema}.{t.Name}");
            throw new DataStepException($"table: '{path}' has no table '{table}'; its tables are {(tables.Count == 0 ? "(none)" : string.Join(", ", names))}");
        }
        return $"{SqlText.Identifier(alias)}.{SqlText.Identifier(found.Schema)}.{SqlText.Identifier(found.Name)}";
    }
}
