using ElsaFlow.Data.Datasets;
using ElsaFlow.Data.Paths;

namespace ElsaFlow.Data.Workspace;

/// <summary>
/// Where the workspaces of instances live: one DuckDB file per instance under the workspace folder, each confined to
/// the data roots (its own scratch folder, and in a cluster the shared dataset store). In a cluster (a shared
/// <see cref="DatasetStore"/>) a step works in a scratch workspace of its own instead, which it deletes when it is done:
/// its inputs come from the store and its results go there, so no node keeps anything another one needs.
/// </summary>
public sealed class DataWorkspaces(DataOptions options, DataRoots roots)
{
    public string Folder { get; } = Path.GetFullPath(options.WorkspaceFolder);

    /// <summary>The shared dataset store of a cluster; null in one process.</summary>
    public DatasetStore? Shared { get; } = options.SharedDatasets.Length > 0 ? new DatasetStore(options.SharedDatasets) : null;

    /// <summary>DuckDB's memory_limit for every workspace, or null for its default.</summary>
    public string? MemoryCap { get; } = MemoryLimit.Parse(options.MemoryLimit);

    public string PathFor(string instanceId) => Path.Combine(Folder, $"{instanceId}.duckdb");

    // Held while a reader checks that a workspace exists and opens it, and while one is deleted: opening creates the
    // file, so a preview racing retention would otherwise bring back an empty workspace that nothing deletes again.
    private readonly SemaphoreSlim _openOrDelete = new(1, 1);

    public Task<DataWorkspace> OpenAsync(string instanceId, CancellationToken ct = default) => DataWorkspace.OpenAsync(PathFor(instanceId), Allowed(), ct, MemoryCap);

    /// <summary>Opens an instance's workspace for reading only if it is still there; null once it was deleted (or never made).</summary>
    public async Task<DataWorkspace?> OpenExistingAsync(string instanceId, CancellationToken ct = default)
    {
        await _openOrDelete.WaitAsync(ct);
        try
        {
            return Exists(instanceId) ? await OpenAsync(instanceId, ct) : null;
        }
        finally
        {
            _openOrDelete.Release();
        }
    }

    /// <summary>Where an instance's workspace keeps its scratch files (<see cref="DataWorkspace.ScratchFolder"/>).</summary>
    public string ScratchFolderFor(string instanceId) => DataWorkspace.ScratchFolderOf(PathFor(instanceId));

    public bool Exists(string instanceId) => File.Exists(PathFor(instanceId));

    /// <summary>
    /// The workspace one run of a data step uses, with the given datasets readable in it: the instance's own workspace in
    /// one process; in a cluster a scratch one (see <see cref="DeleteScratch"/>) with the stored datasets attached.
    /// </summary>
    public async Task<DataWorkspace> OpenForStepAsync(string instanceId, string executionId, IEnumerable<Dataset> datasets, CancellationToken ct = default)
    {
        if (Shared is null) return await OpenAsync(instanceId, ct);
        var workspace = await DataWorkspace.OpenAsync(ScratchPath($"{instanceId}__{executionId}"), Allowed(), ct, MemoryCap);
        try
        {
            foreach (var dataset in datasets) await Shared.AttachAsync(workspace, dataset, ct);
            return workspace;
        }
        catch
        {
            await workspace.DisposeAsync();
            DeleteScratch(workspace);
            throw;
        }
    }

    /// <summary>
    /// Reads one dataset of an instance (previews, downloads) wherever its rows are; a scratch workspace used for it is
    /// deleted after. Throws <see cref="WorkspaceGoneException"/> when the instance's workspace is no longer there.
    /// </summary>
    public async Task<T> ReadAsync<T>(string instanceId, Dataset dataset, Func<DataWorkspace, Task<T>> read, CancellationToken ct = default)
    {
        var workspace = dataset.Store is null || Shared is null
            ? await OpenExistingAsync(instanceId, ct) ?? throw new WorkspaceGoneException(instanceId)
            : await OpenForStepAsync(instanceId, $"read{Guid.NewGuid():n}", [dataset], ct);
        try
        {
            return await read(workspace);
        }
        finally
        {
            await workspace.DisposeAsync();
            DeleteScratch(workspace);
        }
    }

    /// <summary>True when the dataset's rows can still be read: in the shared store, or in the instance's workspace.</summary>
    public bool HasRows(string instanceId, Dataset dataset) => dataset.Store is not null && Shared is not null ? Shared.Exists(dataset) : Exists(instanceId);

    /// <summary>Deletes a scratch workspace and its scratch files once it is closed (nothing happens to an instance's own workspace).</summary>
    public void DeleteScratch(DataWorkspace workspace)
    {
        if (Path.GetDirectoryName(workspace.Path) != StepsFolder) return;
        foreach (var file in new[] { workspace.Path, workspace.Path + ".wal" })
            if (File.Exists(file)) File.Delete(file);
        if (Directory.Exists(workspace.ScratchFolder)) Directory.Delete(workspace.ScratchFolder, recursive: true);
    }

    /// <summary>Removes an instance's workspace, its scratch files and its shared datasets (retention, instance deletion).</summary>
    public void Delete(string instanceId)
    {
        _openOrDelete.Wait();
        try
        {
            foreach (var file in new[] { PathFor(instanceId), PathFor(instanceId) + ".wal" })
                if (File.Exists(file)) File.Delete(file);
        }
        finally
        {
            _openOrDelete.Release();
        }
        var scratch = ScratchFolderFor(instanceId);
        if (Directory.Exists(scratch)) Directory.Delete(scratch, recursive: true);
        Shared?.Delete(instanceId);
    }

    private string StepsFolder => Path.Combine(Folder, "steps");

    private string ScratchPath(string name)
    {
        Directory.CreateDirectory(StepsFolder);
        return Path.Combine(StepsFolder, $"{name}.duckdb");
    }

    // DuckDB compares paths as text: a root that is a symbolic link is allowed under its own name and its target's.
    private List<string> Allowed() => roots.Roots
        .SelectMany(root => new[] { root, Directory.Exists(root) ? new DirectoryInfo(root).ResolveLinkTarget(returnFinalTarget: true)?.FullName : null })
        .Append(Shared?.Folder)
        .OfType<string>().Distinct(StringComparer.Ordinal).ToList();
}
