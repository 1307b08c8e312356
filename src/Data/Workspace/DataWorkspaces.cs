namespace ElsaFlow.Data.Workspace;

/// <summary>Where the workspaces of instances live: one DuckDB file per instance under the workspace folder.</summary>
public sealed class DataWorkspaces(DataOptions options)
{
    public string Folder { get; } = Path.GetFullPath(options.WorkspaceFolder);

    public string PathFor(string instanceId) => Path.Combine(Folder, $"{instanceId}.duckdb");

    public Task<DataWorkspace> OpenAsync(string instanceId, CancellationToken ct = default) => DataWorkspace.OpenAsync(PathFor(instanceId), ct);

    public bool Exists(string instanceId) => File.Exists(PathFor(instanceId));

    /// <summary>Removes an instance's workspace (retention, instance deletion).</summary>
    public void Delete(string instanceId)
    {
        foreach (var file in new[] { PathFor(instanceId), PathFor(instanceId) + ".wal" })
            if (File.Exists(file)) File.Delete(file);
    }
}
