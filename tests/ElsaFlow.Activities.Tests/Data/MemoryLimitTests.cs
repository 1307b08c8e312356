using ElsaFlow.Activities.Tests.Support;
using ElsaFlow.Data.Workspace;
using ElsaFlow.Engine.Store;

namespace ElsaFlow.Activities.Tests.Data;

/// <summary>ElsaFlow:Data:MemoryLimit: DuckDB's cap per workspace, spills beside the workspace file, clear errors past it.</summary>
public sealed class MemoryLimitTests : IAsyncLifetime
{
    private readonly DataHarness _data = new(memoryLimit: "100MB");

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _data.DisposeAsync();

    [Theory]
    [InlineData("2GB", "2GB")]
    [InlineData(" 1.5GiB ", "1.5GiB")]
    [InlineData("512 MB", "512MB")]
    [InlineData("", null)]
    public void Parse_Sizes_GiveDuckDbsText(string text, string? expected) => Assert.Equal(expected, MemoryLimit.Parse(text));

    [Fact]
    public void Parse_NoUnit_NamesTheSettingAndHowToWriteIt()
    {
        var e = Assert.Throws<ArgumentException>(() => MemoryLimit.Parse("2 gigs"));

        Assert.Equal("ElsaFlow:Data:MemoryLimit: '2 gigs' is not a memory size; write a number and a unit, for example 512MB, 2GB or 1.5GiB", e.Message);
    }

    [Fact]
    public void Parse_BelowWhatDuckDbNeeds_IsRefused()
    {
        var e = Assert.Throws<ArgumentException>(() => MemoryLimit.Parse("1MB", "--memory-limit"));

        Assert.StartsWith("--memory-limit: '1MB' is below 16MB", e.Message);
    }

    [Fact]
    public async Task Workspace_WithALimit_CapsDuckDbAndSpillsBesideTheWorkspaceFile()
    {
        _data.WriteFile("people.csv", "id,amount\n1,5\n");
        var result = await _data.RunAsync(Flow("""{"id": "step", "type": "Sort", "by": [{"column": "id"}]}"""));
        ResultAssert.Status(WorkflowStatus.Finished, result);

        await using var workspace = await _data.Workspaces.OpenAsync(result.InstanceId);
        var limit = Convert.ToString(await workspace.ScalarAsync("SELECT current_setting('memory_limit')"));
        var temp = Convert.ToString(await workspace.ScalarAsync("SELECT current_setting('temp_directory')"));

        Assert.Equal("95.3 MiB", limit); // 100 MB as DuckDB shows it
        Assert.Equal(_data.Workspaces.PathFor(result.InstanceId) + ".tmp", temp);
    }

    [Fact]
    public async Task Step_ThatCannotSpillPastTheLimit_FaultsSayingOutOfMemoryAndTheSetting()
    {
        _data.WriteFile("people.csv", "id,amount\n1,5\n");
        // string_agg keeps its whole result in memory: about 300 MB here, three times the cap, and nothing to spill.
        var result = await _data.RunAsync(Flow("""
            {"id": "step", "type": "SQL", "query": "SELECT string_agg(CAST(i AS VARCHAR) || repeat('x', 140), ',') AS s FROM range(2000000) t(i)"}
            """));

        ResultAssert.Status(WorkflowStatus.Faulted, result);
        Assert.Equal("step", result.FaultedActivityId);
        Assert.Contains("SQL 'step' ran out of memory (", result.Error);
        Assert.Contains("the memory limit is 100MB (ElsaFlow:Data:MemoryLimit, --memory-limit on the CLI): raise it, or free memory, then retry the instance", result.Error);
    }

    [Fact]
    public void DataFailure_NoSpaceLeft_SaysOutOfDiskAndWhereDuckDbWrites()
    {
        var why = DataFailure.Explain(new InvalidOperationException("wrapped", new IOException("IO Error: Could not write file \"x.tmp\": No space left on device")), "2GB");

        Assert.StartsWith("out of disk space (IO Error: Could not write file \"x.tmp\": No space left on device); DuckDB writes the workspace and its spill files in the state folder", why);
        Assert.Null(DataFailure.Explain(new InvalidOperationException("Binder Error: column x not found"), "2GB"));
    }

    private static string Flow(string step) => $$$"""
        {"definitionId": "memory", "root": {"id": "root", "type": "Flowchart", "activities": [
           {"id": "read", "type": "CsvInput", "path": "people.csv"},
           {{{step}}}],
         "connections": [{"source": {"activity": "read", "port": "Done"}, "target": {"activity": "step", "port": "In"}}]}}
        """;
}
