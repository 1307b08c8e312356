using System.Text.Json.Nodes;
using ElsaFlow.Activities.Tests.Support;
using ElsaFlow.Engine.Store;

namespace ElsaFlow.Activities.Tests.Transforms;

public sealed class FilterTests : IAsyncLifetime
{
    private readonly DataHarness _data = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _data.DisposeAsync();

    [Fact]
    public async Task Filter_AmountAboveTwo_KeepsMatchingRowsAsAView()
    {
        _data.WriteFile("in.csv", "name,amount\nann,5\nbob,1\ncid,3\n");

        var result = await _data.RunAsync(TransformFlow.Single("""{"id": "step", "type": "Filter", "condition": "amount > 2"}"""));

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Equal(["ann|5", "cid|3"], TransformFlow.Sorted(await _data.RowsAsync(result, "step")));
        Assert.False((await _data.DatasetAsync(result, "step")).Materialized);
    }

    [Fact]
    public async Task Filter_PlaceholderInSqlExpression_IsQuotedAsALiteral()
    {
        _data.WriteFile("in.csv", "name,amount\nO'Brien,5\nbob,1\n");

        var result = await _data.RunAsync("""
        {"definitionId": "t", "inputs": [{"name": "who", "type": "String"}], "root": {"id": "root", "type": "Flowchart", "activities": [
           {"id": "read", "type": "CsvInput", "path": "in.csv"},
           {"id": "step", "type": "Filter", "condition": {"expression": {"type": "Sql", "value": "name = ${who}"}}}],
         "connections": [{"source": {"activity": "read", "port": "Done"}, "target": {"activity": "step", "port": "In"}}]}}
        """, new JsonObject { ["who"] = "O'Brien" });

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Equal(["O'Brien|5"], TransformFlow.Lines(await _data.RowsAsync(result, "step")));
    }

    [Fact]
    public async Task Filter_BadSql_FaultsNamingConditionWithDuckDbMessage()
    {
        _data.WriteFile("in.csv", "name,amount\nann,5\n");

        var result = await _data.RunAsync(TransformFlow.Single("""{"id": "step", "type": "Filter", "condition": "price > 2"}"""));

        ResultAssert.Status(WorkflowStatus.Faulted, result);
        Assert.Equal("step", result.FaultedActivityId);
        Assert.StartsWith("condition: ", result.Error);
        Assert.Contains("price", result.Error);
    }
}
