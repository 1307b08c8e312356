using ElsaFlow.Activities.Tests.Support;
using ElsaFlow.Data.Workspace;
using ElsaFlow.Engine.Store;

namespace ElsaFlow.Activities.Tests.Inputs;

public sealed class DuckDBInputTests : IAsyncLifetime
{
    private readonly DataHarness _data = new();

    public async Task InitializeAsync()
    {
        await using var duck = await DataWorkspace.OpenAsync(_data.PathOf("warehouse.duckdb"), []);
        await duck.ExecuteAsync("""
            CREATE SCHEMA sales;
            CREATE TABLE orders (id INTEGER, customer VARCHAR, amount DECIMAL(10,2));
            INSERT INTO orders VALUES (2, '韩梅梅', 7.25), (1, 'ann', 12.50);
            CREATE TABLE sales.regions (id INTEGER, region VARCHAR);
            INSERT INTO sales.regions VALUES (1, 'north');
            """);
    }

    public async Task DisposeAsync() => await _data.DisposeAsync();

    private static string Flow(string inputs) => $$$"""
        {"definitionId": "duck", "root": {"id": "root", "type": "Flowchart", "activities": [
           {"id": "read", "type": "DuckDBInput", "path": "warehouse.duckdb", {{{inputs}}}},
           {"id": "sorted", "type": "Sort", "by": [{"column": "id"}]}],
         "connections": [{"source": {"activity": "read", "port": "Done"}, "target": {"activity": "sorted", "port": "In"}}]}}
        """;

    [Fact]
    public async Task DuckDBInput_Table_CopiesRowsAndTypes()
    {
        var result = await _data.RunAsync(Flow("""
            "table": "orders"
            """));

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Equal(["INTEGER", "VARCHAR", "DECIMAL(10,2)"], (await _data.DatasetAsync(result, "read")).Columns.Select(c => c.Type));
        var rows = await _data.RowsAsync(result, "sorted");
        Assert.Equal(["1:ann:12.50", "2:韩梅梅:7.25"], rows.Select(r => $"{r["id"]}:{r["customer"]}:{r["amount"]}"));
    }

    [Fact]
    public async Task DuckDBInput_QueryNamingItsOwnTables_ReadsItsRows()
    {
        var result = await _data.RunAsync(Flow("""
            "query": "SELECT o.id, o.customer, r.region FROM orders o JOIN sales.regions r USING (id)"
            """));

        ResultAssert.Status(WorkflowStatus.Finished, result);
        var rows = await _data.RowsAsync(result, "sorted");
        Assert.Equal(["1:ann:north"], rows.Select(r => $"{r["id"]}:{r["customer"]}:{r["region"]}"));
    }

    [Fact]
    public async Task DuckDBInput_WrongTable_FaultsListingTheTables()
    {
        var result = await _data.RunAsync(Flow("""
            "table": "customers"
            """));

        ResultAssert.Status(WorkflowStatus.Faulted, result);
        Assert.Equal("read", result.FaultedActivityId);
        Assert.Equal("table: 'warehouse.duckdb' has no table 'customers'; its tables are orders, sales.regions", result.Error);
    }

    [Fact]
    public void DuckDBInput_TableAndQuery_IsAValidationProblem()
    {
        var problems = _data.Problems(Flow("""
            "table": "orders", "query": "SELECT 1"
            """));

        Assert.Contains(problems, p => p.Contains("activity 'read', field 'table': give either a table or a query"));
    }
}
