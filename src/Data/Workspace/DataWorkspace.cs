using System.Data.Common;
using System.Text.Json.Nodes;
using DuckDB.NET.Data;
using ElsaFlow.Data.Sql;

namespace ElsaFlow.Data.Workspace;

/// <summary>
/// One instance's DuckDB database file: every dataset of the instance lives here as a view or a table, so results
/// survive a restart and can be previewed. Open one per activity run; connections to the same file share the database.
/// </summary>
public sealed class DataWorkspace : IAsyncDisposable, IDisposable
{
    private DataWorkspace(string path, DuckDBConnection connection)
    {
        Path = path;
        Connection = connection;
    }

    public string Path { get; }
    public DuckDBConnection Connection { get; }

    public static async Task<DataWorkspace> OpenAsync(string path, CancellationToken ct = default)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        var connection = new DuckDBConnection($"Data Source={path}");
        await connection.OpenAsync(ct);
        var workspace = new DataWorkspace(path, connection);
        // Extensions are never downloaded at run time: CSV, Parquet, JSON and ICU are built in.
        await workspace.ExecuteAsync("SET autoinstall_known_extensions = false; SET autoload_known_extensions = false;", ct);
        return workspace;
    }

    public async Task ExecuteAsync(string sql, CancellationToken ct = default)
    {
        await using var command = Connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task<object?> ScalarAsync(string sql, CancellationToken ct = default)
    {
        await using var command = Connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(ct);
    }

    /// <summary>A view: cheap, fused by DuckDB with what reads it. Enough for row-wise steps and unchanging files.</summary>
    public async Task<Dataset> CreateViewAsync(string relation, string select, CancellationToken ct = default)
    {
        await ExecuteAsync($"CREATE OR REPLACE VIEW {SqlText.Identifier(relation)} AS {select}", ct);
        return await DescribeAsync(relation, materialized: false, ct);
    }

    /// <summary>A table: the rows are computed once and kept. Needed for blocking steps and results used more than once.</summary>
    public async Task<Dataset> CreateTableAsync(string relation, string select, CancellationToken ct = default)
    {
        await ExecuteAsync($"CREATE OR REPLACE TABLE {SqlText.Identifier(relation)} AS {select}", ct);
        return await DescribeAsync(relation, materialized: true, ct);
    }

    /// <summary>Columns of a relation, and its row count when it is a table (counting a view would run it).</summary>
    public async Task<Dataset> DescribeAsync(string relation, bool materialized, CancellationToken ct = default)
    {
        var columns = new List<DataColumn>();
        await using (var command = Connection.CreateCommand())
        {
            command.CommandText = $"DESCRIBE SELECT * FROM {SqlText.Identifier(relation)}";
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) columns.Add(new DataColumn(reader.GetString(0), reader.GetString(1)));
        }
        long? rows = materialized ? await CountAsync(relation, ct) : null;
        return new Dataset(relation, columns, rows, materialized);
    }

    public async Task<long> CountAsync(string relation, CancellationToken ct = default) =>
        Convert.ToInt64(await ScalarAsync($"SELECT count(*) FROM {SqlText.Identifier(relation)}", ct));

    public async Task<bool> ExistsAsync(string relation, CancellationToken ct = default) =>
        Convert.ToInt64(await ScalarAsync($"SELECT count(*) FROM duckdb_views() WHERE view_name = {SqlText.String(relation)}", ct)) +
        Convert.ToInt64(await ScalarAsync($"SELECT count(*) FROM duckdb_tables() WHERE table_name = {SqlText.String(relation)}", ct)) > 0;

    /// <summary>Rows of a query as JSON objects (preview, ForEach over rows, tests).</summary>
    public async Task<List<JsonObject>> QueryAsync(string sql, CancellationToken ct = default)
    {
        await using var command = Connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await ReadAllAsync(reader, ct);
    }

    /// <summary>Schema, row count and a page of rows of a relation.</summary>
    public async Task<DatasetPreview> PreviewAsync(string relation, int offset, int limit, CancellationToken ct = default)
    {
        var dataset = await DescribeAsync(relation, materialized: true, ct);
        var rows = await QueryAsync($"SELECT * FROM {SqlText.Identifier(relation)} LIMIT {limit} OFFSET {offset}", ct);
        return new DatasetPreview(dataset.Columns, dataset.RowCount ?? 0, offset, rows);
    }

    internal static async Task<List<JsonObject>> ReadAllAsync(DbDataReader reader, CancellationToken ct)
    {
        var rows = new List<JsonObject>();
        while (await reader.ReadAsync(ct))
        {
            var row = new JsonObject();
            for (var i = 0; i < reader.FieldCount; i++)
                row[reader.GetName(i)] = reader.IsDBNull(i) ? null : DuckValues.ToJson(reader.GetValue(i));
            rows.Add(row);
        }
        return rows;
    }

    public void Dispose() => Connection.Dispose();

    public ValueTask DisposeAsync() => Connection.DisposeAsync();
}
