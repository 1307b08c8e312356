using ElsaFlow.Activities.Tests.Support;
using ElsaFlow.Engine.Store;

namespace ElsaFlow.Activities.Tests.Transforms;

public sealed class EditFieldTests : IAsyncLifetime
{
    private readonly DataHarness _data = new();

    public Task InitializeAsync()
    {
        _data.WriteFile("in.csv", "name,amount\nann,5\nbob,7\n");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _data.DisposeAsync();

    [Fact]
    public async Task EditField_Expressions_ReplaceColumnsInPlace()
    {
        var result = await _data.RunAsync(TransformFlow.Single("""
            {"id": "step", "type": "EditField", "fields": [{"name": "name", "expression": "upper(name)"}, {"name": "amount", "expression": "amount * 10"}]}
            """));

        ResultAssert.Status(WorkflowStatus.Finished, result);
        var rows = await _data.RowsAsync(result, "step");
        Assert.Equal(["name", "amount"], TransformFlow.Names(rows));
        Assert.Equal(["ANN|50", "BOB|70"], TransformFlow.Sorted(rows));
    }

    [Fact]
    public async Task EditField_UnknownColumn_FaultsListingColumns()
    {
        var result = await _data.RunAsync(TransformFlow.Single("""{"id": "step", "type": "EditField", "fields": [{"name": "nme", "expression": "1"}]}"""));

        ResultAssert.Status(WorkflowStatus.Faulted, result);
        Assert.Equal("step", result.FaultedActivityId);
        Assert.Equal("fields: column 'nme' does not exist; the input has name, amount", result.Error);
    }
}
