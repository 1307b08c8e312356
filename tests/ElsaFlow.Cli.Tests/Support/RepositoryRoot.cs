namespace ElsaFlow.Cli.Tests.Support;

/// <summary>The checkout the tests run from: the first folder above the test assembly that holds ElsaFlow.sln.</summary>
public static class RepositoryRoot
{
    public static readonly string Path = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "ElsaFlow.sln"))) return dir.FullName;
        throw new InvalidOperationException($"no folder above {AppContext.BaseDirectory} holds ElsaFlow.sln");
    }
}
