using ElsaFlow.Activities.Tests.Support;
using ElsaFlow.Data;
using ElsaFlow.Data.Datasets;
using ElsaFlow.Engine.Runtime;
using ElsaFlow.Engine.Store;

namespace ElsaFlow.Activities.Tests.Data;

/// <summary>
/// Data steps as they run on a cluster's nodes: every result goes to the shared dataset store as Parquet and the next
/// step reads it from there, so it does not matter which node runs which step. The rows are those of one process.
/// </summary>
public sealed class SharedDatasetsTests : IAsyncDisposable
{
    private const string Csv = "region,amount\nEU,10\nUS,5\nEU,7\nASIA,1\nUS,20\n";

    private const string Flow = """
        {"definitionId": "shared", "root": {"id": "root", "type": "Flowchart", "activities": [
          {"id": "read", "type": "CsvInput", "path": "sales.csv"},
          {"id": "big", "type": "Filter", "condition": "amount > 2"},
          {"id": "totals", "type": "Group", "by": ["region"], "aggregations": [{"column": "amount", "function": "sum", "as": "total"}]},
          {"id": "order", "type": "Sort", "by": [{"column": "total", "descending": true}]},
          {"id": "write", "type": "CsvOutput", "path": "out/totals.csv"}],
         "connections": [
          {"source": {"activity": "read", "port": "Done"}, "target": {"activity": "big", "port": "In"}},
          {"source": {"activity": "big", "port": "Done"}, "target": {"activity": "totals", "port": "In"}},
          {"source": {"activity": "totals", "port": "Done"}, "target": {"activity": "order", "port": "In"}},
          {"source": {"activity": "order", "port": "Done"}, "target": {"activity": "write", "port": "In"}}]}}
        """;

    private readonly DataHarness _shared = new(sharedDatasets: "shared-datasets");
    private readonly DataHarness _local = new();

    [Fact]
    public async Task Run_WithASharedStore_WritesTheRowsOneProcessWritesAndKeepsEveryResultInTheStore()
    {
        _shared.WriteFile("sales.csv", Csv);
        _local.WriteFile("sales.csv", Csv);

        var result = await _shared.RunAsync(Flow);
        ResultAssert.Status(WorkflowStatus.Finished, await _local.RunAsync(Flow));

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Equal(File.ReadAllText(_local.PathOf("out/totals.csv")), File.ReadAllText(_shared.PathOf("out/totals.csv")));
        var outputs = WorkflowStateSerializer.Deserialize((await _shared.Store.GetInstanceAsync(result.InstanceId))!.StateJson).ActivityOutputs;
        foreach (var step in new[] { "read", "big", "totals", "order" })
        {
            var dataset = Dataset.FromToken(outputs[step])!;
            Assert.Equal($"{result.InstanceId}/{dataset.Relation}.parquet", dataset.Store);
            Assert.True(File.Exists(_shared.PathOf(Path.Combine("shared-datasets", dataset.Store!))), $"{step}'s rows are not in the store");
        }
        Assert.Equal(2, Dataset.FromToken(outputs["order"])!.RowCount);
        // Steps worked in scratch workspaces they deleted; the instance has no workspace of its own to keep.
        Assert.False(_shared.Workspaces.Exists(result.InstanceId));
        Assert.Empty(Directory.GetFiles(Path.Combine(_shared.Workspaces.Folder, "steps")));
    }

    [Fact]
    public async Task Preview_OfAStepWhoseRowsAreInTheStore_ShowsThem()
    {
        _shared.WriteFile("sales.csv", Csv);
        var result = await _shared.RunAsync(Flow);

        var preview = await _shared.Previewer.PreviewAsync(result.InstanceId, "order");

        Assert.Equal(2, preview.RowCount);
        Assert.Equal("HUGEINT", preview.Columns.Single(c => c.Name == "total").Type);
        Assert.Equal("US", preview.Rows[0]["region"]!.GetValue<string>());
        Assert.Equal(25m, preview.Rows[0]["total"]!.GetValue<decimal>());
    }

    [Fact]
    public void PathOf_AStorePathThatLeavesTheFolder_IsRefused()
    {
        var store = new DatasetStore(_shared.PathOf("shared-datasets"));

        Assert.Throws<ArgumentException>(() => store.PathOf("../../etc/passwd"));
        Assert.Throws<ArgumentException>(() => store.PathOf("/etc/passwd"));
        Assert.StartsWith(store.Folder, store.PathOf("i1/read__x1.parquet"));
    }

    public async ValueTask DisposeAsync()
    {
        await _shared.DisposeAsync();
        await _local.DisposeAsync();
    }
}
