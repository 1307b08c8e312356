using ElsaFlow.Activities.Tests.Support;
using ElsaFlow.Engine.Store;

namespace ElsaFlow.Activities.Tests.Transforms;

public sealed class RowToColumnTests : IAsyncLifetime
{
    private readonly DataHarness _data = new();

    public Task InitializeAsync()
    {
        _data.WriteFile("in.csv", "region,month,amount\nEU,jan,5\nEU,feb,3\nUS,jan,7\nEU,jan,1\n");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _data.DisposeAsync();

    [Theory]
    [InlineData("sum", "EU|3|6;US|∅|7")]
    [InlineData("first", "EU|3|5;US|∅|7")]
    public async Task RowToColumn_ByMonth_PivotsWithTheFunction(string function, string expected)
    {
        var result = await _data.RunAsync(TransformFlow.Single($$"""
            {"id": "step", "type": "RowToColumn", "index": ["region"], "column": "month", "value": "amount", "function": "{{function}}"}
            """));

        ResultAssert.Status(WorkflowStatus.Finished, result);
        var rows = await _data.RowsAsync(result, "step");
        Assert.Equal(["region", "feb", "jan"], TransformFlow.Names(rows));
        Assert.Equal(expected.Split(';'), TransformFlow.Sorted(rows));
    }

    [Fact]
    public void RowToColumn_UnknownFunction_IsAValidationProblem()
    {
        var problems = _data.Problems(TransformFlow.Single("""
            {"id": "step", "type": "RowToColumn", "index": ["region"], "column": "month", "value": "amount", "function": "median"}
            """));

        Assert.Equal(["flow 't', activity 'step', field 'function': 'median' is not one of sum, avg, min, max, count, count_distinct, first, last, string_agg"], problems);
    }
}
