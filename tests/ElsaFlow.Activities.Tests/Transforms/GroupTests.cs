using ElsaFlow.Activities.Tests.Support;
using ElsaFlow.Engine.Store;

namespace ElsaFlow.Activities.Tests.Transforms;

public sealed class GroupTests : IAsyncLifetime
{
    private readonly DataHarness _data = new();

    public Task InitializeAsync()
    {
        _data.WriteFile("in.csv", "region,name,amount\nEU,ann,5\nUS,bob,7\nEU,cid,3\nEU,ann,2\n");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _data.DisposeAsync();

    [Fact]
    public async Task Group_ByRegion_ComputesEveryFunction()
    {
        var result = await _data.RunAsync(TransformFlow.Single("""
            {"id": "step", "type": "Group", "by": ["region"], "aggregations": [
              {"column": "amount", "function": "sum", "as": "total"},
              {"column": "amount", "function": "avg"},
              {"column": "amount", "function": "min"},
              {"column": "amount", "function": "max"},
              {"function": "count", "as": "rows"},
              {"column": "name", "function": "count_distinct", "as": "people"},
              {"column": "name", "function": "first"},
              {"column": "name", "function": "last"},
              {"column": "name", "function": "string_agg", "separator": "/", "as": "names"}]}
            """));

        ResultAssert.Status(WorkflowStatus.Finished, result);
        var rows = await _data.RowsAsync(result, "step");
        Assert.Equal(["region", "total", "avg_amount", "min_amount", "max_amount", "rows", "people", "first_name", "last_name", "names"], TransformFlow.Names(rows));
        Assert.Equal(["EU|10|3.3333333333333335|2|5|3|2|ann|ann|ann/cid/ann", "US|7|7|7|7|1|1|bob|bob|bob"], TransformFlow.Sorted(rows));
    }

    [Fact]
    public void Group_UnknownFunction_IsAValidationProblemListingFunctions()
    {
        var problems = _data.Problems(TransformFlow.Single("""
            {"id": "step", "type": "Group", "by": ["region"], "aggregations": [{"column": "amount", "function": "median"}]}
            """));

        Assert.Equal(["flow 't', activity 'step', field 'aggregations[0].function': 'median' is not one of sum, avg, min, max, count, count_distinct, first, last, string_agg"],
            problems);
    }

    [Fact]
    public async Task Group_UnknownKey_FaultsListingColumns()
    {
        var result = await _data.RunAsync(TransformFlow.Single("""
            {"id": "step", "type": "Group", "by": ["country"], "aggregations": [{"column": "amount", "function": "sum"}]}
            """));

        ResultAssert.Status(WorkflowStatus.Faulted, result);
        Assert.Equal("by: column 'country' does not exist; the input has region, name, amount", result.Error);
    }
}
