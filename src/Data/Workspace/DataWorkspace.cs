using System.Data.Common;
using System.Text.Json.Nodes;
using DuckDB.NET.Data;
using ElsaFlow.Data.Sql;

namespace ElsaFlow.Data.Workspace;

/// <summary>
/// One instance's DuckDB database file: every dataset of the instance lives here as a view or a table, so results
/// survive a restart and can be previewed. Open one per activity run; connections to the same file share the database.
/// </summary>
/// <remarks>
/// The database may touch only the folders it is opened with (the data roots) and its own scratch folder: external
/// access is off, extensions are never installed or loaded (CSV, Parquet, JSON and ICU are built in), and the settings
/// are locked, so no SQL that reaches it, checked or not, can read /etc/passwd, write outside the roots or undo this.
/// DuckDB.NET shares one database between the open connections to a file, so the settings are applied by the first
/// connection (allowed_directories can only be set once the database runs, hence SET rather than open-time options)
/// and checked by the others.
/// </remarks>
public sealed class DataWorkspace : IAsyncDisposable, IDisposable
{
    // Opening and confining happen under a lock per file (striped), so two parallel steps never both configure one database.
    private static readonly object[] OpenLocks = Enumerable.Range(0, 32).Select(_ => new object()).ToArray();

    private DataWorkspace(string path, DuckDBConnection connection)
    {
        Path = path;
        Connection = connection;
    }

    /// <summary>The full path of the database file.</summary>
    public string Path { get; }
    public DuckDBConnection Connection { get; }

    /// <summary>Where steps spool and transcode files for this workspace (beside it, never in a data root); DuckDB may read it.</summary>
    public string ScratchFolder => ScratchFolderOf(Path);

    internal static string ScratchFolderOf(string path) => path + ".scratch";

    /// <summary>
    /// Opens (or creates) the database file, confined to <paramref name="allowedDirectories"/> and its scratch folder.
    /// <paramref name="memoryLimit"/> is DuckDB's memory_limit (see <see cref="MemoryLimit"/>); null keeps DuckDB's default.
    /// Spills go to DuckDB's temporary folder, <c>path.tmp</c> beside the file.
    /// </summary>
    public static Task<DataWorkspace> OpenAsync(string path, IReadOnlyCollection<string> allowedDirectories, CancellationToken ct = default, string? memoryLimit = null)
    {
        ct.ThrowIfCancellationRequested();
        var full = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        var allowed = allowedDirectories.Append(ScratchFolderOf(full)).Select(AsFolder).Distinct(StringComparer.Ordinal).ToList();
        var settings = new DuckDBConnectionStringBuilder
        {
            DataSource = full,
            ["autoinstall_known_extensions"] = "false",
            ["autoload_known_extensions"] = "false"
        };
        if (memoryLimit is not null) settings["memory_limit"] = memoryLimit;
        var connection = new DuckDBConnection(settings.ConnectionString);
        try
        {
            lock (OpenLocks[(StringComparer.OrdinalIgnoreCase.GetHashCode(full) & int.MaxValue) % OpenLocks.Length])
            {
                connection.Open();
                Confine(connection, full, allowed);
            }
        }
        catch
        {
            connection.Dispose();
            throw;
        }
        return Task.FromResult(new DataWorkspace(full, connection));
    }

    private static void Confine(DuckDBConnection connection, string path, List<string> allowed)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT current_setting('lock_configuration'), current_setting('enable_external_access'), " +
                              "current_setting('allowed_directories'), current_setting('temp_directory')";
        bool locked, external;
        List<string> current;
        string temp;
        using (var reader = command.ExecuteReader())
        {
            reader.Read();
            (locked, external, current, temp) = (reader.GetBoolean(0), reader.GetBoolean(1), reader.GetFieldValue<List<string>>(2), reader.GetString(3));
        }
        if (!locked)
        {
            command.CommandText = $"SET allowed_directories = [{string.Join(", ", allowed.Select(SqlText.String))}]; " +
                                  "SET enable_external_access = false; SET lock_configuration = true;";
            command.ExecuteNonQuery();
            return;
        }
        // DuckDB adds its own temp folder to the allowed ones.
        var expected = allowed.Append(AsFolder(temp)).ToHashSet(StringComparer.Ordinal);
        if (external || !expected.SetEquals(current.Select(AsFolder)))
            throw new InvalidOperationException($"The DuckDB database '{path}' is already open with other file access settings " +
                                                $"(allowed: {string.Join(", ", current)}); close it before opening it as a workspace");
    }

    private static string AsFolder(string path) => path.EndsWith('/') ? path : path + "/";

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
