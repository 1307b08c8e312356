using ElsaFlow.Activities.Tests.Support;
using ElsaFlow.Engine.Store;

namespace ElsaFlow.Activities.Tests.Transforms;

public sealed class UniqueTests : IAsyncLifetime
{
    private readonly DataHarness _data = new();

    public Task InitializeAsync()
    {
        _data.WriteFile("in.csv", "id,v\n1,a\n2,b\n1,c\n3,d\n2,e\n");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _data.DisposeAsync();

    private static string Flow(string step) => TransformFlow.Flow(
        [TransformFlow.Read("read", "in.csv"), step,
         """{"id": "once", "type": "Filter", "condition": "TRUE"}""", """{"id": "dups", "type": "Filter", "condition": "TRUE"}"""],
        [("read", "Done", "step", "In"), ("step", "Done", "once", "In"), ("step", "Duplicates", "dups", "In")]);

    [Fact]
    public async Task Unique_ByKey_SplitsSingleAndRepeatedKeys()
    {
        var result = await _data.RunAsync(Flow("""{"id": "step", "type": "Unique", "keys": ["id"]}"""));

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Equal(["3|d"], TransformFlow.Sorted(await _data.RowsAsync(result, "once")));
        Assert.Equal(["1|a", "1|c", "2|b", "2|e"], TransformFlow.Sorted(await _data.RowsAsync(result, "dups")));
    }

    [Fact]
    public async Task Unique_UnknownKey_FaultsListingColumns()
    {
        var result = await _data.RunAsync(Flow("""{"id": "step", "type": "Unique", "keys": ["idx"]}"""));

        ResultAssert.Status(WorkflowStatus.Faulted, result);
        Assert.Equal("step", result.FaultedActivityId);
        Assert.Equal("keys: column 'idx' does not exist; the input has id, v", result.Error);
    }
}
