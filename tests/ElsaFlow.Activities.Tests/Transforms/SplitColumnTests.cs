using ElsaFlow.Activities.Tests.Support;
using ElsaFlow.Engine.Store;

namespace ElsaFlow.Activities.Tests.Transforms;

public sealed class SplitColumnTests : IAsyncLifetime
{
    private readonly DataHarness _data = new();

    public Task InitializeAsync()
    {
        _data.WriteFile("in.csv", "id,tags,n\n1,a;b,x\n2,c,y\n3,,z\n");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _data.DisposeAsync();

    [Fact]
    public async Task SplitColumn_IntoRows_OneRowPerPart()
    {
        var result = await _data.RunAsync(TransformFlow.Single("""{"id": "step", "type": "SplitColumn", "column": "tags", "delimiter": ";"}"""));

        ResultAssert.Status(WorkflowStatus.Finished, result);
        var rows = await _data.RowsAsync(result, "step");
        Assert.Equal(["id", "tags", "n"], TransformFlow.Names(rows));
        Assert.Equal(["1|a|x", "1|b|x", "2|c|y", "3|∅|z"], TransformFlow.Sorted(rows));
    }

    [Fact]
    public async Task SplitColumn_IntoColumns_ReplacesTheColumn()
    {
        var result = await _data.RunAsync(TransformFlow.Single("""{"id": "step", "type": "SplitColumn", "column": "tags", "delimiter": ";", "mode": "columns", "count": 2}"""));

        ResultAssert.Status(WorkflowStatus.Finished, result);
        var rows = await _data.RowsAsync(result, "step");
        Assert.Equal(["id", "tags_1", "tags_2", "n"], TransformFlow.Names(rows));
        Assert.Equal(["1|a|b|x", "2|c|∅|y", "3|∅|∅|z"], TransformFlow.Sorted(rows));
    }

    [Fact]
    public async Task SplitColumn_ColumnsWithoutNames_Faults()
    {
        var result = await _data.RunAsync(TransformFlow.Single("""{"id": "step", "type": "SplitColumn", "column": "tags", "mode": "columns"}"""));

        ResultAssert.Status(WorkflowStatus.Faulted, result);
        Assert.Equal("step", result.FaultedActivityId);
        Assert.Equal("into: give the names of the new columns, or a count", result.Error);
    }

    [Fact]
    public async Task SplitColumn_UnknownColumn_FaultsListingColumns()
    {
        var result = await _data.RunAsync(TransformFlow.Single("""{"id": "step", "type": "SplitColumn", "column": "tag"}"""));

        ResultAssert.Status(WorkflowStatus.Faulted, result);
        Assert.Equal("column: column 'tag' does not exist; the input has id, tags, n", result.Error);
    }
}
