using ElsaFlow.Activities.Tests.Support;
using ElsaFlow.Engine.Store;

namespace ElsaFlow.Activities.Tests.Control;

public sealed class DataControlTests : IAsyncLifetime
{
    private readonly DataHarness _data = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _data.DisposeAsync();

    [Fact]
    public async Task ForEach_OverADataset_IteratesItsRowsWithRowColumns()
    {
        _data.WriteFile("orders.csv", "customer,amount\nann,5\nbob,7\ncid,30\n");

        var result = await _data.RunAsync("""
        {"definitionId": "rows", "variables": [{"name": "total", "value": 0}, {"name": "names", "value": ""}],
         "root": {"id": "root", "type": "Flowchart", "activities": [
           {"id": "read", "type": "CsvInput", "path": "orders.csv"},
           {"id": "sorted", "type": "Sort", "by": [{"column": "customer"}]},
           {"id": "each", "type": "ForEach", "items": {"expression": {"type": "JavaScript", "value": "incoming"}}},
           {"id": "add", "type": "SetVariable", "variable": "total", "value": {"expression": {"type": "JavaScript", "value": "variables.total + row.amount"}}},
           {"id": "name", "type": "SetVariable", "variable": "names", "value": {"expression": {"type": "JavaScript", "value": "variables.names + row.customer + index"}}}
         ],
         "connections": [
           {"source": {"activity": "read", "port": "Done"}, "target": {"activity": "sorted", "port": "In"}},
           {"source": {"activity": "sorted", "port": "Done"}, "target": {"activity": "each", "port": "In"}},
           {"source": {"activity": "each", "port": "Iterate"}, "target": {"activity": "add", "port": "In"}},
           {"source": {"activity": "add", "port": "Done"}, "target": {"activity": "name", "port": "In"}}
         ]}}
        """);

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Equal(42, result.Variables["total"]!.GetValue<int>());
        Assert.Equal("ann0bob1cid2", result.Variables["names"]!.GetValue<string>());
    }

    [Fact]
    public async Task ForEach_OverADatasetAboveMaxItems_FaultsNamingTheGuard()
    {
        _data.WriteFile("orders.csv", "customer,amount\nann,5\nbob,7\ncid,30\n");

        var result = await _data.RunAsync("""
        {"definitionId": "rows-guard", "root": {"id": "root", "type": "Flowchart", "activities": [
           {"id": "read", "type": "CsvInput", "path": "orders.csv"},
           {"id": "each", "type": "ForEach", "items": {"expression": {"type": "JavaScript", "value": "incoming"}}, "maxItems": 2}],
         "connections": [{"source": {"activity": "read", "port": "Done"}, "target": {"activity": "each", "port": "In"}}]}}
        """);

        ResultAssert.Status(WorkflowStatus.Faulted, result);
        Assert.Equal("each", result.FaultedActivityId);
        Assert.Equal("maxItems: the dataset has more than 2 rows; raise maxItems or filter it first", result.Error);
    }

    [Theory]
    [InlineData("MatchFirst", "cid", "bob,dan", "ann")]
    [InlineData("MatchAny", "cid", "bob,cid,dan", "ann")]
    public async Task Switch_WithSqlCases_RoutesRowsToEachCase(string mode, string big, string medium, string rest)
    {
        _data.WriteFile("orders.csv", "customer,amount\nann,5\nbob,70\ncid,300\ndan,20\n");

        var result = await _data.RunAsync("""
        {"definitionId": "route", "inputs": [{"name": "limit", "default": 100}],
         "root": {"id": "root", "type": "Flowchart", "activities": [
           {"id": "read", "type": "CsvInput", "path": "orders.csv"},
           {"id": "route", "type": "Switch", "mode": "MODE", "cases": [
              {"name": "big", "condition": {"expression": {"type": "Sql", "value": "amount > ${limit}"}}},
              {"name": "medium", "condition": {"expression": {"type": "Sql", "value": "amount > 10"}}}]},
           {"id": "bigRows", "type": "Sort", "by": [{"column": "customer"}]},
           {"id": "mediumRows", "type": "Sort", "by": [{"column": "customer"}]},
           {"id": "restRows", "type": "Sort", "by": [{"column": "customer"}]}
         ],
         "connections": [
           {"source": {"activity": "read", "port": "Done"}, "target": {"activity": "route", "port": "In"}},
           {"source": {"activity": "route", "port": "big"}, "target": {"activity": "bigRows", "port": "In"}},
           {"source": {"activity": "route", "port": "medium"}, "target": {"activity": "mediumRows", "port": "In"}},
           {"source": {"activity": "route", "port": "Default"}, "target": {"activity": "restRows", "port": "In"}}
         ]}}
        """.Replace("MODE", mode));

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Equal(big, Names(await _data.RowsAsync(result, "bigRows")));
        Assert.Equal(medium, Names(await _data.RowsAsync(result, "mediumRows")));
        Assert.Equal(rest, Names(await _data.RowsAsync(result, "restRows")));
    }

    [Fact]
    public async Task Switch_WithBadSql_FaultsNamingTheCase()
    {
        _data.WriteFile("orders.csv", "customer,amount\nann,5\n");

        var result = await _data.RunAsync("""
        {"definitionId": "route-bad", "root": {"id": "root", "type": "Flowchart", "activities": [
           {"id": "read", "type": "CsvInput", "path": "orders.csv"},
           {"id": "route", "type": "Switch", "cases": [{"name": "big", "condition": {"expression": {"type": "Sql", "value": "price > 1"}}}]}],
         "connections": [{"source": {"activity": "read", "port": "Done"}, "target": {"activity": "route", "port": "In"}}]}}
        """);

        ResultAssert.Status(WorkflowStatus.Faulted, result);
        Assert.Equal("route", result.FaultedActivityId);
        Assert.StartsWith("cases[0].condition: ", result.Error);
        Assert.Contains("price", result.Error);
    }

    private static string Names(List<System.Text.Json.Nodes.JsonObject> rows) => string.Join(",", rows.Select(r => r["customer"]!.GetValue<string>()));
}
