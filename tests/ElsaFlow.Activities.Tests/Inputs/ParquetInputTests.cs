using ElsaFlow.Activities.Tests.Support;
using ElsaFlow.Data.Sql;
using ElsaFlow.Data.Workspace;
using ElsaFlow.Engine.Store;

namespace ElsaFlow.Activities.Tests.Inputs;

public sealed class ParquetInputTests : IAsyncLifetime
{
    private readonly DataHarness _data = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _data.DisposeAsync();

    private static string Flow(string path) => $$$"""
        {"definitionId": "parquet", "root": {"id": "root", "type": "Flowchart", "activities": [
           {"id": "read", "type": "ParquetInput", "path": "{{{path}}}"},
           {"id": "sorted", "type": "Sort", "by": [{"column": "id"}]}],
         "connections": [{"source": {"activity": "read", "port": "Done"}, "target": {"activity": "sorted", "port": "In"}}]}}
        """;

    [Fact]
    public async Task ParquetInput_FilesByGlob_ReadsEveryRowWithItsTypes()
    {
        await using (var duck = await DataWorkspace.OpenAsync(_data.PathOf("make.duckdb"), [_data.Root]))
        {
            await duck.ExecuteAsync($"COPY (SELECT 2 AS id, 'bob' AS name, DATE '2024-02-01' AS joined) TO {SqlText.String(_data.PathOf("part-1.parquet"))} (FORMAT parquet)");
            await duck.ExecuteAsync($"COPY (SELECT 1 AS id, 'ann' AS name, DATE '2024-01-01' AS joined) TO {SqlText.String(_data.PathOf("part-2.parquet"))} (FORMAT parquet)");
        }

        var result = await _data.RunAsync(Flow("part-*.parquet"));

        ResultAssert.Status(WorkflowStatus.Finished, result);
        var rows = await _data.RowsAsync(result, "sorted");
        Assert.Equal(["1:ann:2024-01-01", "2:bob:2024-02-01"], rows.Select(r => $"{r["id"]}:{r["name"]}:{r["joined"]}"));
        Assert.Equal(["INTEGER", "VARCHAR", "DATE"], (await _data.DatasetAsync(result, "sorted")).Columns.Select(c => c.Type));
    }

    [Fact]
    public async Task ParquetInput_NotParquet_FaultsNamingThePath()
    {
        _data.WriteFile("fake.parquet", "id,name\n1,ann\n");

        var result = await _data.RunAsync(Flow("fake.parquet"));

        ResultAssert.Status(WorkflowStatus.Faulted, result);
        Assert.Equal("read", result.FaultedActivityId);
        Assert.StartsWith("path: 'fake.parquet' is not readable as Parquet", result.Error);
    }

    [Fact]
    public async Task ParquetInput_MissingFile_FaultsNamingThePath()
    {
        var result = await _data.RunAsync(Flow("none.parquet"));

        ResultAssert.Status(WorkflowStatus.Faulted, result);
        Assert.Equal("read", result.FaultedActivityId);
        Assert.StartsWith("path: the file 'none.parquet' does not exist", result.Error);
    }
}
