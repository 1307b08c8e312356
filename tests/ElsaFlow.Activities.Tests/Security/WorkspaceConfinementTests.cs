using DuckDB.NET.Data;
using ElsaFlow.Activities.Tests.Support;
using ElsaFlow.Data;
using ElsaFlow.Data.Paths;
using ElsaFlow.Data.Sql;
using ElsaFlow.Data.Workspace;

namespace ElsaFlow.Activities.Tests.Security;

/// <summary>
/// The defence behind the SQL checks: SQL sent straight to a workspace, checked by nothing, still cannot touch files
/// outside the data roots, load extensions or change the settings.
/// </summary>
[Trait("Suite", "Security")]
public sealed class WorkspaceConfinementTests : IAsyncLifetime
{
    private readonly DataHarness _data = new();
    private readonly string _outside = Directory.CreateTempSubdirectory("elsaflow-outside").FullName;
    private DataWorkspace _workspace = null!;

    public async Task InitializeAsync() => _workspace = await _data.Workspaces.OpenAsync("confined");

    public async Task DisposeAsync()
    {
        await _workspace.DisposeAsync();
        await _data.DisposeAsync();
        Directory.Delete(_outside, recursive: true);
    }

    private string Outside(string name) => Path.Combine(_outside, name);

    private async Task<string> RefusedAsync(string sql) => (await Assert.ThrowsAsync<DuckDBException>(() => _workspace.QueryAsync(sql))).Message;

    [Theory]
    [InlineData("SELECT * FROM read_csv('/etc/passwd', header=false, sep=':')", "Permission Error")]
    [InlineData("SELECT * FROM read_text('/etc/hostname')", "Permission Error")]
    [InlineData("SELECT * FROM read_blob('/etc/hostname')", "Permission Error")]
    [InlineData("SELECT * FROM glob('/etc/*')", "Permission Error")]
    // With external access off DuckDB does not turn a file name in FROM into a scan of the file.
    [InlineData("SELECT * FROM '/etc/passwd'", "Table with name /etc/passwd does not exist")]
    public async Task Workspace_ReadOutsideTheRoots_IsRefusedByDuckDb(string sql, string message)
    {
        Assert.Contains(message, await RefusedAsync(sql));
    }

    [Fact]
    public async Task Workspace_CopyOutsideTheRoots_IsRefusedAndWritesNothing()
    {
        var target = Outside("x.csv");

        var message = await RefusedAsync($"COPY (SELECT 42) TO {SqlText.String(target)}");

        Assert.Contains("Permission Error", message);
        Assert.False(File.Exists(target));
    }

    [Fact]
    public async Task Workspace_AttachOutsideTheRoots_IsRefusedAndCreatesNothing()
    {
        var target = Outside("x.duckdb");

        var message = await RefusedAsync($"ATTACH {SqlText.String(target)} AS x");

        Assert.Contains("Permission Error", message);
        Assert.False(File.Exists(target));
    }

    [Fact]
    public async Task Workspace_DotDotOutOfARoot_IsRefused()
    {
        var target = Path.Combine(_data.Root, "..", Path.GetFileName(_outside), "x.csv");

        Assert.Contains("Permission Error", await RefusedAsync($"COPY (SELECT 1) TO {SqlText.String(target)}"));
        Assert.False(File.Exists(Outside("x.csv")));
    }

    [Theory]
    [InlineData("SET enable_external_access = true")]
    [InlineData("SET allowed_directories = ['/']")]
    [InlineData("RESET lock_configuration")]
    [InlineData("SET autoload_known_extensions = true")]
    public async Task Workspace_ChangingTheSettings_IsRefused(string sql)
    {
        Assert.Contains("the configuration has been locked", await RefusedAsync(sql));
    }

    [Fact]
    public async Task Workspace_InsideTheRoots_ReadsWritesAndAttaches()
    {
        _data.WriteFile("in.csv", "a\n1\n2\n");
        var copy = _data.PathOf("out/copy.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(copy)!);

        var rows = await _workspace.QueryAsync($"SELECT sum(a)::BIGINT AS total FROM read_csv({SqlText.String(_data.PathOf("in.csv"))})");
        await _workspace.ExecuteAsync($"COPY (SELECT 7 AS b) TO {SqlText.String(copy)}");
        await _workspace.ExecuteAsync($"ATTACH {SqlText.String(_data.PathOf("side.duckdb"))} AS side; CREATE TABLE side.t AS SELECT 1 AS c; DETACH side;");

        Assert.Equal(3, rows[0]["total"]!.GetValue<long>());
        Assert.Equal("b\n7\n", File.ReadAllText(copy));
        Assert.True(File.Exists(_data.PathOf("side.duckdb")));
    }

    [Fact]
    public async Task Workspace_ScratchFolder_IsWritable()
    {
        Directory.CreateDirectory(_workspace.ScratchFolder);
        var spool = Path.Combine(_workspace.ScratchFolder, "spool.csv");

        await _workspace.ExecuteAsync($"COPY (SELECT 1 AS a) TO {SqlText.String(spool)}");

        Assert.True(File.Exists(spool));
    }

    [Fact]
    public async Task Workspace_RootThatIsASymbolicLink_IsAllowedUnderBothNames()
    {
        var real = Directory.CreateDirectory(Path.Combine(_outside, "real")).FullName;
        var link = Path.Combine(_outside, "link");
        Directory.CreateSymbolicLink(link, real);
        var workspaces = new DataWorkspaces(new DataOptions { WorkspaceFolder = Path.Combine(_outside, "ws") }, new DataRoots([link]));
        await using var workspace = await workspaces.OpenAsync("linked");

        await workspace.ExecuteAsync($"COPY (SELECT 1 AS a) TO {SqlText.String(Path.Combine(link, "by-link.csv"))}");
        await workspace.ExecuteAsync($"COPY (SELECT 1 AS a) TO {SqlText.String(Path.Combine(real, "by-target.csv"))}");

        Assert.Equal(["by-link.csv", "by-target.csv"], Directory.GetFiles(real).Select(Path.GetFileName).Order());
        Assert.Contains("Permission Error", (await Assert.ThrowsAsync<DuckDBException>(() =>
            workspace.ExecuteAsync($"COPY (SELECT 1) TO {SqlText.String(Path.Combine(_outside, "beside.csv"))}"))).Message);
    }

    [Fact]
    public async Task Workspace_OpenedTwice_SharesTheLockedSettings()
    {
        await using var second = await _data.Workspaces.OpenAsync("confined");

        var external = await second.ScalarAsync("SELECT current_setting('enable_external_access')");

        Assert.Equal(false, external);
        await Assert.ThrowsAsync<DuckDBException>(() => second.QueryAsync("SELECT * FROM read_text('/etc/hostname')"));
    }

    [Fact]
    public async Task Workspace_FileAlreadyOpenWithOtherAccess_IsNotOpenedAsAWorkspace()
    {
        var path = _data.PathOf("elsewhere.duckdb");
        await using var loose = await DataWorkspace.OpenAsync(path, [_outside]);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => DataWorkspace.OpenAsync(path, [_data.Root]));

        Assert.Contains("already open with other file access settings", error.Message);
    }
}
