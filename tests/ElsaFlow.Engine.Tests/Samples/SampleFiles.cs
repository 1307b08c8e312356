namespace ElsaFlow.Engine.Tests.Samples;

/// <summary>Finds the sample flows in the repository's workflows/ folder.</summary>
public static class SampleFiles
{
    private static readonly string[] Extensions = [".json", ".yaml", ".yml", ".xml"];

    /// <summary>The workflows/ folder, found by walking up from the test assembly to the folder holding ElsaFlow.sln.</summary>
    public static string Folder { get; } = Path.Combine(RepositoryRoot(), "workflows");

    /// <summary>Sub-flows live under workflows/subflows/: they are validated, and run through their callers.</summary>
    public static string SubFlowFolder { get; } = Path.Combine(Folder, "subflows");

    /// <summary>
    /// Folders these engine-only tests leave out: data flows need the data plugins (ElsaFlow.Activities.Tests runs
    /// them, in Samples/EtlSampleTests, ClusterSampleTests and Databases/DatabaseSampleTests) and data/ holds their input files.
    /// </summary>
    private static readonly string[] DataFolders = ["etl/", "cluster/", "data/", "databases/"];

    /// <summary>Every control-flow file, as a path relative to workflows/ with forward slashes.</summary>
    public static IReadOnlyList<string> All { get; } =
        Directory.EnumerateFiles(Folder, "*", SearchOption.AllDirectories)
            .Where(f => Extensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
            .Select(f => Path.GetRelativePath(Folder, f).Replace('\\', '/'))
            .Where(f => !DataFolders.Any(d => f.StartsWith(d, StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>The flows that run on their own (everything outside workflows/subflows/).</summary>
    public static IEnumerable<string> Runnable => All.Where(f => !f.StartsWith("subflows/", StringComparison.Ordinal));

    /// <summary>YAML and XML files that have a JSON twin of the same name beside them.</summary>
    public static IEnumerable<string> Twins => All.Where(f => !f.EndsWith(".json", StringComparison.Ordinal) && File.Exists(FullPath(JsonTwinOf(f))));

    public static string FullPath(string relative) => Path.Combine(Folder, relative);

    public static string JsonTwinOf(string relative) => Path.ChangeExtension(relative, ".json");

    /// <summary>The sample's name: its file name without extension.</summary>
    public static string NameOf(string relative) => Path.GetFileNameWithoutExtension(relative);

    /// <summary>
    /// The sample's definitionId: its name, and for a YAML or XML twin its name and format (hello-yaml), so the server
    /// publishes every file of workflows/ (one definition cannot have two files).
    /// </summary>
    public static string DefinitionIdOf(string relative) =>
        Twins.Contains(relative) ? $"{NameOf(relative)}-{Path.GetExtension(relative).TrimStart('.')}" : NameOf(relative);

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ElsaFlow.sln"))) return dir.FullName;
        throw new InvalidOperationException($"no folder above {AppContext.BaseDirectory} holds ElsaFlow.sln");
    }
}
