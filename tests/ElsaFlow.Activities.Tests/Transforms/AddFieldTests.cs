using ElsaFlow.Activities.Tests.Support;
using ElsaFlow.Engine.Store;

namespace ElsaFlow.Activities.Tests.Transforms;

public sealed class AddFieldTests : IAsyncLifetime
{
    private readonly DataHarness _data = new();

    public Task InitializeAsync()
    {
        _data.WriteFile("in.csv", "price,qty\n2,3\n5,1\n");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _data.DisposeAsync();

    [Fact]
    public async Task AddField_ExpressionConstantAndSequence_AddsColumnsAsAView()
    {
        var result = await _data.RunAsync(TransformFlow.Single("""
            {"id": "step", "type": "AddField", "fields": [
              {"name": "total", "expression": "price * qty"},
              {"name": "source", "value": "web"},
              {"name": "n", "sequence": true, "start": 10, "step": 5}]}
            """));

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Equal(["2|3|6|web|10", "5|1|5|web|15"], TransformFlow.Sorted(await _data.RowsAsync(result, "step")));
        Assert.False((await _data.DatasetAsync(result, "step")).Materialized);
    }

    [Fact]
    public async Task AddField_PlaceholderInAFieldExpression_IsAQuotedSqlLiteral()
    {
        var result = await _data.RunAsync(TransformFlow.Single("""
            {"id": "step", "type": "AddField", "fields": [{"name": "who", "expression": "${buyer} || '#' || qty"}]}
            """).Replace("\"definitionId\": \"t\",", "\"definitionId\": \"t\", \"inputs\": [{\"name\": \"buyer\"}],"), new System.Text.Json.Nodes.JsonObject { ["buyer"] = "O'Brien" });

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Equal(["2|3|O'Brien#3", "5|1|O'Brien#1"], TransformFlow.Sorted(await _data.RowsAsync(result, "step")));
    }

    [Fact]
    public async Task AddField_BadSql_FaultsNamingFields()
    {
        var result = await _data.RunAsync(TransformFlow.Single("""{"id": "step", "type": "AddField", "fields": [{"name": "total", "expression": "price * cost"}]}"""));

        ResultAssert.Status(WorkflowStatus.Faulted, result);
        Assert.Equal("step", result.FaultedActivityId);
        Assert.StartsWith("fields: ", result.Error);
        Assert.Contains("cost", result.Error);
    }

    [Fact]
    public async Task AddField_ExistingName_FaultsPointingToEditField()
    {
        var result = await _data.RunAsync(TransformFlow.Single("""{"id": "step", "type": "AddField", "fields": [{"name": "price", "value": 1}]}"""));

        ResultAssert.Status(WorkflowStatus.Faulted, result);
        Assert.Equal("fields: column 'price' already exists; use EditField to replace it (the input has price, qty)", result.Error);
    }
}
