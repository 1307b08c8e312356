using ElsaFlow.Activities.Tests.Support;
using ElsaFlow.Engine.Store;

namespace ElsaFlow.Activities.Tests.Transforms;

public sealed class DataJoinTests : IAsyncLifetime
{
    private readonly DataHarness _data = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _data.DisposeAsync();

    private string Flow(string step, string right = "id,amount\n1,10\n1,11\n2,20\n4,40\n")
    {
        _data.WriteFile("left.csv", "id,name\n1,ann\n2,bob\n3,cid\n");
        _data.WriteFile("right.csv", right);
        return TransformFlow.Flow([TransformFlow.Read("l", "left.csv"), TransformFlow.Read("r", "right.csv"), step],
            [("l", "Done", "step", "Left"), ("r", "Done", "step", "Right")]);
    }

    [Theory]
    [InlineData("inner", "1|ann|10;1|ann|11;2|bob|20")]
    [InlineData("left", "1|ann|10;1|ann|11;2|bob|20;3|cid|∅")]
    [InlineData("right", "1|ann|10;1|ann|11;2|bob|20;4|∅|40")]
    [InlineData("full", "1|ann|10;1|ann|11;2|bob|20;3|cid|∅;4|∅|40")]
    [InlineData("semi", "1|ann;2|bob")]
    [InlineData("anti", "3|cid")]
    public async Task DataJoin_EachType_GivesExactRows(string type, string expected)
    {
        var result = await _data.RunAsync(Flow($$"""{"id": "step", "type": "DataJoin", "joinType": "{{type}}", "on": [{"left": "id", "right": "id"}]}"""));

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Equal(expected.Split(';').Order(StringComparer.Ordinal), TransformFlow.Sorted(await _data.RowsAsync(result, "step")));
    }

    [Fact]
    public async Task DataJoin_DifferentKeyNamesAndClashingColumn_KeepsBothWithSuffix()
    {
        var result = await _data.RunAsync(Flow("""{"id": "step", "type": "DataJoin", "on": [{"left": "id", "right": "customer"}]}""", "customer,name\n2,Bobby\n"));

        ResultAssert.Status(WorkflowStatus.Finished, result);
        var rows = await _data.RowsAsync(result, "step");
        Assert.Equal(["id", "name", "customer", "name_right"], TransformFlow.Names(rows));
        Assert.Equal(["2|bob|2|Bobby"], TransformFlow.Lines(rows));
    }

    [Fact]
    public async Task DataJoin_UnknownLeftColumn_FaultsListingLeftColumns()
    {
        var result = await _data.RunAsync(Flow("""{"id": "step", "type": "DataJoin", "on": [{"left": "key", "right": "id"}]}"""));

        ResultAssert.Status(WorkflowStatus.Faulted, result);
        Assert.Equal("step", result.FaultedActivityId);
        Assert.Equal("on: left column 'key' does not exist; the Left dataset has id, name", result.Error);
    }

    [Theory]
    [InlineData("inner", "1|ann|10;1|ann|11;2|bob|20")]
    [InlineData("anti", "3|cid")]
    public async Task Join_WithDatasetsOnLeftAndRight_JoinsTheirRows(string type, string expected)
    {
        var result = await _data.RunAsync(Flow($$"""{"id": "step", "type": "Join", "joinType": "{{type}}", "on": [{"left": "id", "right": "id"}]}"""));

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Equal(expected.Split(';').Order(StringComparer.Ordinal), TransformFlow.Sorted(await _data.RowsAsync(result, "step")));
    }

    [Fact]
    public async Task Join_WithDatasets_UnknownColumn_FaultsTheJoin()
    {
        var result = await _data.RunAsync(Flow("""{"id": "step", "type": "Join", "on": [{"left": "key", "right": "id"}]}"""));

        ResultAssert.Status(WorkflowStatus.Faulted, result);
        Assert.Equal("step", result.FaultedActivityId);
        Assert.Equal("on: left column 'key' does not exist; the Left dataset has id, name", result.Error);
    }
}
