using ElsaFlow.Activities.Tests.Support;
using ElsaFlow.Engine.Store;

namespace ElsaFlow.Activities.Tests.Transforms;

public sealed class UnionTests : IAsyncLifetime
{
    private readonly DataHarness _data = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _data.DisposeAsync();

    private string Flow(string step, string b)
    {
        _data.WriteFile("a.csv", "id,name\n1,ann\n2,bob\n");
        _data.WriteFile("b.csv", b);
        return TransformFlow.Flow([TransformFlow.Read("a", "a.csv"), TransformFlow.Read("b", "b.csv"), step],
            [("a", "Done", "step", "In"), ("b", "Done", "step", "In")]);
    }

    [Fact]
    public async Task Union_All_StacksByColumnName()
    {
        var result = await _data.RunAsync(Flow("""{"id": "step", "type": "Union"}""", "name,id,extra\nbob,2,x\ncid,3,y\n"));

        ResultAssert.Status(WorkflowStatus.Finished, result);
        var rows = await _data.RowsAsync(result, "step");
        Assert.Equal(["id", "name", "extra"], TransformFlow.Names(rows));
        Assert.Equal(["1|ann|∅", "2|bob|x", "2|bob|∅", "3|cid|y"], TransformFlow.Sorted(rows));
    }

    [Fact]
    public async Task Union_Distinct_DropsRepeatedRows()
    {
        var result = await _data.RunAsync(Flow("""{"id": "step", "type": "Union", "distinct": true}""", "name,id\nbob,2\ncid,3\n"));

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Equal(["1|ann", "2|bob", "3|cid"], TransformFlow.Sorted(await _data.RowsAsync(result, "step")));
    }

    [Fact]
    public void Union_DistinctNotABoolean_IsAValidationProblem()
    {
        var problems = _data.Problems(Flow("""{"id": "step", "type": "Union", "distinct": "maybe"}""", "id\n1\n"));

        Assert.Contains(problems, p => p.Contains("step") && p.Contains("distinct"));
    }
}
