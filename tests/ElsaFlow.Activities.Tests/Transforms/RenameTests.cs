using ElsaFlow.Activities.Tests.Support;
using ElsaFlow.Engine.Store;

namespace ElsaFlow.Activities.Tests.Transforms;

public sealed class RenameTests : IAsyncLifetime
{
    private readonly DataHarness _data = new();

    public Task InitializeAsync()
    {
        _data.WriteFile("in.csv", "a,b,c,d\n1,2,3,4\n");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _data.DisposeAsync();

    [Fact]
    public async Task Rename_RenameDropAndOrder_ShapesColumns()
    {
        var result = await _data.RunAsync(TransformFlow.Single("""{"id": "step", "type": "Rename", "columns": {"a": "x"}, "drop": ["c"], "order": ["d"]}"""));

        ResultAssert.Status(WorkflowStatus.Finished, result);
        var rows = await _data.RowsAsync(result, "step");
        Assert.Equal(["d", "x", "b"], TransformFlow.Names(rows));
        Assert.Equal(["4|1|2"], TransformFlow.Lines(rows));
    }

    [Fact]
    public async Task Rename_IgnoreMissing_SkipsAbsentColumnsAndRenamesTheRest()
    {
        var result = await _data.RunAsync(TransformFlow.Single("""{"id": "step", "type": "Rename", "columns": {"a": "x", "nope": "y"}, "drop": ["gone", "c"], "ignoreMissing": true}"""));

        ResultAssert.Status(WorkflowStatus.Finished, result);
        var rows = await _data.RowsAsync(result, "step");
        Assert.Equal(["x", "b", "d"], TransformFlow.Names(rows));
        Assert.Equal(["1|2|4"], TransformFlow.Lines(rows));
    }

    [Fact]
    public async Task Rename_Select_KeepsOnlyThoseInOrder()
    {
        var result = await _data.RunAsync(TransformFlow.Single("""{"id": "step", "type": "Rename", "select": ["c", "a"], "columns": {"c": "z"}}"""));

        ResultAssert.Status(WorkflowStatus.Finished, result);
        var rows = await _data.RowsAsync(result, "step");
        Assert.Equal(["z", "a"], TransformFlow.Names(rows));
        Assert.Equal(["3|1"], TransformFlow.Lines(rows));
    }

    [Fact]
    public async Task Rename_DropUnknownColumn_FaultsListingColumns()
    {
        var result = await _data.RunAsync(TransformFlow.Single("""{"id": "step", "type": "Rename", "drop": ["e"]}"""));

        ResultAssert.Status(WorkflowStatus.Faulted, result);
        Assert.Equal("step", result.FaultedActivityId);
        Assert.Equal("drop: column 'e' does not exist; the input has a, b, c, d", result.Error);
    }
}
