namespace ElsaFlow.Server.Hosting;

/// <summary>The "ElsaFlow:Datasets" section.</summary>
public sealed class DatasetsOptions
{
    /// <summary>
    /// The dataset store a cluster's nodes share: a folder every node mounts at the same path. Data steps then write
    /// their results there as Parquet, so a step on another node (or a master's preview) can read them. Empty: one
    /// process, results stay in the instance's workspace.
    /// </summary>
    public string Shared { get; set; } = "";
}
