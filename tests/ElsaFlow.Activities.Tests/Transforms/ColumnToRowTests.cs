using ElsaFlow.Activities.Tests.Support;
using ElsaFlow.Engine.Store;

namespace ElsaFlow.Activities.Tests.Transforms;

public sealed class ColumnToRowTests : IAsyncLifetime
{
    private readonly DataHarness _data = new();

    public Task InitializeAsync()
    {
        _data.WriteFile("in.csv", "id,q1,q2\n1,5,6\n2,7,\n");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _data.DisposeAsync();

    [Fact]
    public async Task ColumnToRow_TwoColumns_OneRowPerColumnWithNulls()
    {
        var result = await _data.RunAsync(TransformFlow.Single("""{"id": "step", "type": "ColumnToRow", "columns": ["q1", "q2"], "nameColumn": "quarter"}"""));

        ResultAssert.Status(WorkflowStatus.Finished, result);
        var rows = await _data.RowsAsync(result, "step");
        Assert.Equal(["id", "quarter", "value"], TransformFlow.Names(rows));
        Assert.Equal(["1|q1|5", "1|q2|6", "2|q1|7", "2|q2|∅"], TransformFlow.Sorted(rows));
    }

    [Fact]
    public async Task ColumnToRow_NameColumnClashes_Faults()
    {
        var result = await _data.RunAsync(TransformFlow.Single("""{"id": "step", "type": "ColumnToRow", "columns": ["q1"], "nameColumn": "id"}"""));

        ResultAssert.Status(WorkflowStatus.Faulted, result);
        Assert.Equal("step", result.FaultedActivityId);
        Assert.Equal("nameColumn: 'id' is empty or already a column of the input", result.Error);
    }
}
