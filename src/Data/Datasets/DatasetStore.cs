using ElsaFlow.Data.Sql;
using ElsaFlow.Data.Workspace;

namespace ElsaFlow.Data.Datasets;

/// <summary>
/// The folder a cluster's nodes share for datasets: a DuckDB workspace file is locked by one process, so a dataset one
/// node made and another node reads travels as a Parquet file here (<c>INSTANCE/RELATION.parquet</c>). Paths in tokens
/// are relative and stay inside the folder: a token a flow made up cannot point anywhere else.
/// </summary>
public sealed class DatasetStore(string folder)
{
    public string Folder { get; } = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));

    /// <summary>Writes a dataset of this workspace to the store; the token that comes back says where its rows are now.</summary>
    public async Task<Dataset> ExportAsync(DataWorkspace workspace, string instanceId, Dataset dataset, CancellationToken ct = default)
    {
        var relative = $"{instanceId}/{dataset.Relation}.parquet";
        var path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + ".tmp";
        await workspace.ExecuteAsync(
            $"COPY (SELECT {StoredColumns(dataset)} FROM {SqlText.Identifier(dataset.Relation)}) TO {SqlText.String(temp)} (FORMAT parquet)", ct);
        // The count comes from the file's footer: free, and what the next step will read.
        var rows = Convert.ToInt64(await workspace.ScalarAsync($"SELECT CAST(sum(num_rows) AS BIGINT) FROM parquet_file_metadata({SqlText.String(temp)})", ct) ?? 0L);
        // Written under another name and moved: a reader never sees half a file, and a step run twice replaces it whole.
        File.Move(temp, path, overwrite: true);
        return dataset with { RowCount = rows, Materialized = true, Store = relative };
    }

    /// <summary>Makes a stored dataset readable in this workspace under its relation name (a view over its Parquet file).</summary>
    public async Task AttachAsync(DataWorkspace workspace, Dataset dataset, CancellationToken ct = default)
    {
        if (dataset.Store is not { } relative) return;
        var path = PathOf(relative);
        if (!File.Exists(path))
            throw new FileNotFoundException($"the rows of dataset '{dataset.Relation}' are gone from the shared dataset store ({path})", path);
        await workspace.ExecuteAsync(
            $"CREATE OR REPLACE VIEW {SqlText.Identifier(dataset.Relation)} AS SELECT {ReadColumns(dataset)} FROM read_parquet({SqlText.String(path)})", ct);
    }

    // Parquet has no 128-bit integers: DuckDB would write them as DOUBLE (sum() of BIGINT is a HUGEINT) and lose digits.
    // They travel as DECIMAL(38,0) or text and come back as the type the token names, so a step sees what it would in one process.
    private static string? StoredAs(string type) => type switch
    {
        "HUGEINT" => "DECIMAL(38,0)",
        "UHUGEINT" => "VARCHAR",
        _ => null
    };

    private static string StoredColumns(Dataset dataset) => Columns(dataset, c => StoredAs(c.Type) is { } stored
        ? $"CAST({SqlText.Identifier(c.Name)} AS {stored}) AS {SqlText.Identifier(c.Name)}" : SqlText.Identifier(c.Name));

    private static string ReadColumns(Dataset dataset) => Columns(dataset, c => StoredAs(c.Type) is not null
        ? $"CAST({SqlText.Identifier(c.Name)} AS {c.Type}) AS {SqlText.Identifier(c.Name)}" : SqlText.Identifier(c.Name));

    // A token without its schema (made by hand) is read as it is.
    private static string Columns(Dataset dataset, Func<DataColumn, string> column) =>
        dataset.Columns.Count == 0 ? "*" : string.Join(", ", dataset.Columns.Select(column));

    public bool Exists(Dataset dataset) => dataset.Store is { } relative && File.Exists(PathOf(relative));

    /// <summary>Removes an instance's datasets (retention, instance deletion).</summary>
    public void Delete(string instanceId)
    {
        var folder = PathOf(instanceId);
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
    }

    /// <summary>The full path of a relative store path; one that leaves the folder is refused.</summary>
    public string PathOf(string relative)
    {
        var full = Path.GetFullPath(Path.Combine(Folder, relative));
        if (!full.StartsWith(Folder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new ArgumentException($"'{relative}' is not a path inside the shared dataset store", nameof(relative));
        return full;
    }
}
