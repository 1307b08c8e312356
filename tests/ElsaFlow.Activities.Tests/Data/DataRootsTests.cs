using ElsaFlow.Data.Paths;

namespace ElsaFlow.Activities.Tests.Data;

/// <summary>The path checks every file activity goes through (DataContext.ResolvePath): real paths, the state folder, globs.</summary>
[Trait("Suite", "Security")]
public sealed class DataRootsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("elsaflow-roots").FullName;

    private string Root => Path.Combine(_folder, "root");
    private string State => Path.Combine(Root, ".elsaflow");
    private string Outside => Path.Combine(_folder, "outside");

    public DataRootsTests()
    {
        Directory.CreateDirectory(Root);
        Directory.CreateDirectory(Outside);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private DataRoots Roots() => new([Root], [State]);

    private string Write(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "x");
        return path;
    }

    [Fact]
    public void Resolve_FileNotWrittenYet_IsItsPathUnderTheRealParent()
    {
        Directory.CreateDirectory(Path.Combine(Root, "real"));
        Directory.CreateSymbolicLink(Path.Combine(Root, "alias"), Path.Combine(Root, "real"));

        var resolved = Roots().Resolve("alias/new/file.csv", "path");

        Assert.Equal(Path.Combine(Root, "real", "new", "file.csv"), resolved);
    }

    [Fact]
    public void Resolve_RelativeLinkChainStayingInside_IsTheFinalFile()
    {
        var file = Write(Path.Combine(Root, "data", "a.csv"));
        File.CreateSymbolicLink(Path.Combine(Root, "data", "b.csv"), "a.csv");
        File.CreateSymbolicLink(Path.Combine(Root, "c.csv"), Path.Combine("data", "b.csv"));

        Assert.Equal(file, Roots().Resolve("c.csv", "path"));
    }

    [Fact]
    public void Resolve_LinkLoop_RefusedNamingTheField()
    {
        File.CreateSymbolicLink(Path.Combine(Root, "a"), Path.Combine(Root, "b"));
        File.CreateSymbolicLink(Path.Combine(Root, "b"), Path.Combine(Root, "a"));

        var error = Assert.Throws<DataPathException>(() => Roots().Resolve("a", "source"));

        Assert.Equal("source", error.Field);
        Assert.Contains("too many levels of symbolic links", error.Message);
    }

    [Fact]
    public void Resolve_StateFolderMadeALinkAfterStart_StillRefused()
    {
        var roots = Roots();
        var realState = Path.Combine(Root, "hidden-state");
        Write(Path.Combine(realState, "elsaflow.db"));
        Directory.CreateSymbolicLink(State, realState);

        var error = Assert.Throws<DataPathException>(() => roots.Resolve("hidden-state/elsaflow.db", "path"));

        Assert.Contains("is in the state folder", error.Message);
        Assert.Contains("not a data folder", error.Message);
    }

    [Fact]
    public void Resolve_StateFolderItselfAndDotDotIntoIt_Refused()
    {
        Write(Path.Combine(State, "elsaflow.db"));
        var roots = Roots();

        Assert.Throws<DataPathException>(() => roots.Resolve(".elsaflow", "path"));
        Assert.Throws<DataPathException>(() => roots.Resolve("data/../.elsaflow/elsaflow.db", "path"));
        Assert.Throws<DataPathException>(() => roots.Resolve(Path.Combine(State, "elsaflow.db"), "path"));
    }

    [Fact]
    public void Resolve_SiblingWithTheRootAsPrefix_Refused()
    {
        var sibling = Write(Path.Combine(_folder, "root-other", "a.csv"));

        var error = Assert.Throws<DataPathException>(() => Roots().Resolve(sibling, "path"));

        Assert.Contains("is outside the data roots", error.Message);
    }

    [Fact]
    public void ResolveGlob_RecursiveWildcard_SkipsTheStateFolderAndLinkedFolders()
    {
        var kept = Write(Path.Combine(Root, "in", "deep", "a.csv"));
        Write(Path.Combine(State, "a.csv"));
        Write(Path.Combine(Outside, "a.csv"));
        Directory.CreateSymbolicLink(Path.Combine(Root, "in", "shared"), Outside);

        var files = Roots().ResolveGlob("**/a.csv", "path");

        Assert.Equal([kept], files);
    }

    [Fact]
    public void ResolveGlob_ClassesAndQuestionMarks_MatchAsInAShell()
    {
        foreach (var name in new[] { "a1.csv", "a2.csv", "b1.csv", "a10.csv" }) Write(Path.Combine(Root, "in", name));

        Assert.Equal(["a1.csv", "a2.csv"], Roots().ResolveGlob("in/a?.csv", "path").Select(Path.GetFileName));
        Assert.Equal(["a1.csv", "b1.csv"], Roots().ResolveGlob("in/[ab]1.csv", "path").Select(Path.GetFileName));
        Assert.Equal(["a10.csv", "a2.csv"], Roots().ResolveGlob("in/[!b]*[02].csv", "path").Select(Path.GetFileName));
    }

    [Fact]
    public void ResolveGlob_WildcardAboveTheRoot_Refused()
    {
        var error = Assert.Throws<DataPathException>(() => Roots().ResolveGlob(Path.Combine(_folder, "*", "a.csv"), "path"));

        Assert.Contains("is outside the data roots", error.Message);
    }
}
