using ElsaFlow.Activities.Tests.Support;
using ElsaFlow.Engine.Store;

namespace ElsaFlow.Activities.Tests.Transforms;

public sealed class DuplicateTests : IAsyncLifetime
{
    private readonly DataHarness _data = new();

    public Task InitializeAsync()
    {
        _data.WriteFile("in.csv", "id,v\n1,a\n2,b\n1,c\n3,d\n2,e\n");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _data.DisposeAsync();

    [Theory]
    [InlineData("first", "1|a;2|b;3|d")]
    [InlineData("last", "1|c;2|e;3|d")]
    public async Task Duplicate_ByKey_KeepsFirstOrLastInInputOrder(string keep, string expected)
    {
        var result = await _data.RunAsync(TransformFlow.Single($$"""{"id": "step", "type": "Duplicate", "keys": ["id"], "keep": "{{keep}}"}"""));

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Equal(expected.Split(';'), TransformFlow.Sorted(await _data.RowsAsync(result, "step")));
    }

    [Fact]
    public async Task Duplicate_NoKeys_DropsIdenticalRows()
    {
        _data.WriteFile("in.csv", "id,v\n1,a\n1,a\n1,b\n");

        var result = await _data.RunAsync(TransformFlow.Single("""{"id": "step", "type": "Duplicate"}"""));

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Equal(["1|a", "1|b"], TransformFlow.Sorted(await _data.RowsAsync(result, "step")));
    }

    [Fact]
    public async Task Duplicate_UnknownKey_FaultsListingColumns()
    {
        var result = await _data.RunAsync(TransformFlow.Single("""{"id": "step", "type": "Duplicate", "keys": ["idx"]}"""));

        ResultAssert.Status(WorkflowStatus.Faulted, result);
        Assert.Equal("step", result.FaultedActivityId);
        Assert.Equal("keys: column 'idx' does not exist; the input has id, v", result.Error);
    }
}
