namespace ElsaFlow.Activities.Tests.Samples;

/// <summary>The repository's workflows/ folder, and a way to put a copy of it in a harness's data root.</summary>
internal static class SampleFolder
{
    public static readonly string[] Extensions = [".json", ".yaml", ".yml", ".xml"];

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string Workflows => Path.Combine(RepositoryRoot, "workflows");

    /// <summary>The flow files of one sub-folder of workflows/, by file name.</summary>
    public static List<string> FlowsIn(string folder) =>
        Directory.EnumerateFiles(Path.Combine(Workflows, folder))
            .Where(f => Extensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
            .Select(Path.GetFileName).OfType<string>()
            .Order(StringComparer.Ordinal).ToList();

    /// <summary>Copies workflows/ into <paramref name="to"/>, so flows read workflows/data/... and write out/... there, never in the repository.</summary>
    public static void CopyTo(string to)
    {
        foreach (var file in Directory.EnumerateFiles(Workflows, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(Workflows, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ElsaFlow.sln"))) return dir.FullName;
        throw new InvalidOperationException($"no folder above {AppContext.BaseDirectory} holds ElsaFlow.sln");
    }
}
