namespace ElsaFlow.Data;

/// <summary>Where data lives: the workspace folder, the roots flows may read and write, and the folders they may never use.</summary>
public sealed class DataOptions
{
    /// <summary>Folder of the per-instance DuckDB workspaces.</summary>
    public string WorkspaceFolder { get; set; } = Path.Combine(".elsaflow", "workspaces");

    /// <summary>Folders flows may use; relative paths resolve against the first. Default: the current folder.</summary>
    public List<string> Roots { get; set; } = [Directory.GetCurrentDirectory()];

    /// <summary>
    /// Folders flows may never read or write, even inside a root: the host's state folder (store, workspaces, API keys,
    /// logs). The workspace folder is always one of them.
    /// </summary>
    public List<string> Excluded { get; set; } = [];

    /// <summary>
    /// The dataset store a cluster's nodes share (a folder every node mounts at the same path). When set, every data
    /// step's result is written there as Parquet and read from there by the next step, whichever node runs it; when
    /// empty (one process), results stay in the instance's own workspace.
    /// </summary>
    public string SharedDatasets { get; set; } = "";

    /// <summary>
    /// The most memory DuckDB may use per instance workspace (512MB, 2GB...); past it, it spills to a folder beside the
    /// workspace file. Empty: DuckDB's default, 80% of the machine's memory for each database (see <see cref="Workspace.MemoryLimit"/>).
    /// </summary>
    public string MemoryLimit { get; set; } = "";
}
