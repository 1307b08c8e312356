using ElsaFlow.Activities.Tests.Support;
using ElsaFlow.Engine.Store;

namespace ElsaFlow.Activities.Tests.Transforms;

public sealed class StrTests : IAsyncLifetime
{
    private readonly DataHarness _data = new();

    public Task InitializeAsync()
    {
        _data.WriteFile("in.csv", "name,phone,code\n\"  ann lee \",tel: 138-1234,7\n");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _data.DisposeAsync();

    [Fact]
    public async Task Str_OperationsInOrder_ChainOnTheSameColumn()
    {
        var result = await _data.RunAsync(TransformFlow.Single("""
            {"id": "step", "type": "Str", "operations": [
              {"column": "name", "operation": "trim"},
              {"column": "name", "operation": "upper"},
              {"column": "name", "operation": "replace", "find": " ", "replacement": "_"},
              {"column": "code", "operation": "pad", "length": 3, "fill": "0"},
              {"column": "phone", "operation": "substring", "startIndex": 5, "length": 3, "target": "prefix"},
              {"column": "phone", "operation": "extract", "pattern": "(\\d+)-(\\d+)", "group": 2, "target": "tail"},
              {"column": "name", "operation": "concat", "columns": ["code"], "separator": "/", "target": "both"},
              {"column": "phone", "operation": "lower"}]}
            """));

        ResultAssert.Status(WorkflowStatus.Finished, result);
        var rows = await _data.RowsAsync(result, "step");
        Assert.Equal(["name", "phone", "code", "prefix", "tail", "both"], TransformFlow.Names(rows));
        Assert.Equal(["ANN_LEE|tel: 138-1234|007|138|1234|ANN_LEE/007"], TransformFlow.Lines(rows));
    }

    [Fact]
    public void Str_UnknownOperation_IsAValidationProblemListingOperations()
    {
        var problems = _data.Problems(TransformFlow.Single("""{"id": "step", "type": "Str", "operations": [{"column": "name", "operation": "reverse"}]}"""));

        Assert.Equal(["flow 't', activity 'step', field 'operations[0].operation': 'reverse' is not one of trim, upper, lower, replace, extract, substring, pad, concat"], problems);
    }
}
