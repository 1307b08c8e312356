namespace ElsaFlow.Data;

/// <summary>Where data lives: the workspace folder and the roots flows may read and write.</summary>
public sealed class DataOptions
{
    /// <summary>Folder of the per-instance DuckDB workspaces.</summary>
    public string WorkspaceFolder { get; set; } = Path.Combine(".elsaflow", "workspaces");

    /// <summary>Folders flows may use; relative paths resolve against the first. Default: the current folder.</summary>
    public List<string> Roots { get; set; } = [Directory.GetCurrentDirectory()];
}
