using ElsaFlow.Data.Paths;

namespace ElsaFlow.Data.Workspace;

/// <summary>
/// Where the workspaces of instances live: one DuckDB file per instance under the workspace folder, each confined to
/// the data roots (and its own scratch folder).
/// </summary>
public sealed class DataWorkspaces(DataOptions options, DataRoots roots)
{
    public string Folder { get; } = Path.GetFullPath(options.WorkspaceFolder);

    public string PathFor(string instanceId) => Path.Combine(Folder, $"{instanceId}.duckdb");

    public Task<DataWorkspace> OpenAsync(string instanceId, CancellationToken ct = default) => DataWorkspace.OpenAsync(PathFor(instanceId), Allowed(), ct);

    /// <summary>Where an instance's workspace keeps its scratch files (<see cref="DataWorkspace.ScratchFolder"/>).</summary>
    public string ScratchFolderFor(string instanceId) => DataWorkspace.ScratchFolderOf(PathFor(instanceId));

    public bool Exists(string instanceId) => File.Exists(PathFor(instanceId));

    // DuckDB compares paths as text: a root that is a symbolic link is allowed under its own name and its target's.
    private List<string> Allowed() => roots.Roots
        .SelectMany(root => new[] { root, Directory.Exists(root) ? new DirectoryInfo(root).ResolveLinkTarget(returnFinalTarget: true)?.FullName : null })
        .OfType<string>().Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Removes an instance's workspace and its scratch files (retention, instance deletion).</summary>
    public void Delete(string instanceId)
    {
        foreach (var file in new[] { PathFor(instanceId), PathFor(instanceId) + ".wal" })
            if (File.Exists(file)) File.Delete(file);
        var scratch = ScratchFolderFor(instanceId);
        if (Directory.Exists(scratch)) Directory.Delete(scratch, recursive: true);
    }
}
