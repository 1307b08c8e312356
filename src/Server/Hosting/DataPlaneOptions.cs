namespace ElsaFlow.Server.Hosting;

/// <summary>The "ElsaFlow:Data" section.</summary>
public sealed class DataPlaneOptions
{
    /// <summary>
    /// The most memory DuckDB may use per instance workspace (512MB, 2GB...); past it, DuckDB spills to a folder beside
    /// the workspace file, inside the data folder. Empty: DuckDB's default (80% of the machine's memory per workspace).
    /// </summary>
    public string MemoryLimit { get; set; } = "";
}
