using ElsaFlow.Activities.Tests.Support;
using ElsaFlow.Engine.Store;

namespace ElsaFlow.Activities.Tests.Transforms;

public sealed class SortTests : IAsyncLifetime
{
    private readonly DataHarness _data = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _data.DisposeAsync();

    [Fact]
    public async Task Sort_ByAmountDescendingThenName_OrdersRows()
    {
        _data.WriteFile("sales.csv", "name,amount\nann,5\nbob,9\ncid,5\ndan,1\n");

        var result = await _data.RunAsync("""
        {"definitionId": "sort", "root": {"id": "root", "type": "Flowchart", "activities": [
           {"id": "read", "type": "CsvInput", "path": "sales.csv"},
           {"id": "top", "type": "Sort", "by": [{"column": "amount", "descending": true}, {"column": "name"}]}],
         "connections": [{"source": {"activity": "read", "port": "Done"}, "target": {"activity": "top", "port": "In"}}]}}
        """);

        ResultAssert.Status(WorkflowStatus.Finished, result);
        var rows = await _data.RowsAsync(result, "top");
        Assert.Equal(["bob:9", "ann:5", "cid:5", "dan:1"], rows.Select(r => $"{r["name"]}:{r["amount"]}"));
        Assert.Equal(4, (await _data.DatasetAsync(result, "top")).RowCount);
    }

    [Fact]
    public async Task Sort_UnknownColumn_FaultsNamingTheColumnAndActivity()
    {
        _data.WriteFile("sales.csv", "name,amount\nann,5\n");

        var result = await _data.RunAsync("""
        {"definitionId": "sort-bad", "root": {"id": "root", "type": "Flowchart", "activities": [
           {"id": "read", "type": "CsvInput", "path": "sales.csv"},
           {"id": "top", "type": "Sort", "by": [{"column": "price"}]}],
         "connections": [{"source": {"activity": "read", "port": "Done"}, "target": {"activity": "top", "port": "In"}}]}}
        """);

        ResultAssert.Status(WorkflowStatus.Faulted, result);
        Assert.Equal("top", result.FaultedActivityId);
        Assert.Equal("by: column 'price' does not exist; the input has name, amount", result.Error);
    }

    [Fact]
    public async Task CsvInput_OutsideTheDataRoot_IsRefused()
    {
        var result = await _data.RunAsync("""
        {"definitionId": "escape", "root": {"id": "root", "type": "Sequence", "activities": [
           {"id": "read", "type": "CsvInput", "path": "/etc/passwd"}]}}
        """);

        ResultAssert.Status(WorkflowStatus.Faulted, result);
        Assert.StartsWith("path: '/etc/passwd' is outside the data roots", result.Error);
    }
}
