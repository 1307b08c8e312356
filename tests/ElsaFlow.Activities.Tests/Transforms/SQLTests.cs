using ElsaFlow.Activities.Tests.Support;
using ElsaFlow.Engine.Store;

namespace ElsaFlow.Activities.Tests.Transforms;

public sealed class SQLTests : IAsyncLifetime
{
    private readonly DataHarness _data = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _data.DisposeAsync();

    private string Flow(string step)
    {
        _data.WriteFile("customers.csv", "id,name\n1,ann\n2,bob\n3,cid\n");
        _data.WriteFile("orders.csv", "customer,amount\n1,10\n2,7\n1,5\n");
        return TransformFlow.Flow([TransformFlow.Read("customers", "customers.csv"), TransformFlow.Read("orders", "orders.csv"), step],
            [("customers", "Done", "step", "In"), ("orders", "Done", "step", "In")]);
    }

    [Fact]
    public async Task SQL_TwoInbound_WaitsForBothAndKnowsThemByStepId()
    {
        var result = await _data.RunAsync(Flow("""
            {"id": "step", "type": "SQL", "query": "SELECT c.name, sum(o.amount) AS total FROM customers c JOIN orders o ON c.id = o.customer GROUP BY c.name ORDER BY c.name"}
            """));

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Equal(["ann|15", "bob|7"], TransformFlow.Lines(await _data.RowsAsync(result, "step")));
        Assert.True((await _data.DatasetAsync(result, "step")).Materialized);
    }

    [Fact]
    public async Task SQL_TablesRenameAndOwnWith_AreMerged()
    {
        var result = await _data.RunAsync(Flow("""
            {"id": "step", "type": "SQL", "tables": [{"step": "customers", "table": "people"}],
             "query": "WITH big AS (SELECT * FROM orders WHERE amount > 6) SELECT p.name, b.amount FROM people p JOIN big b ON p.id = b.customer ORDER BY p.name;"}
            """));

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Equal(["ann|10", "bob|7"], TransformFlow.Lines(await _data.RowsAsync(result, "step")));
    }

    [Fact]
    public async Task SQL_BadQuery_FaultsNamingQueryWithDuckDbMessage()
    {
        var result = await _data.RunAsync(Flow("""{"id": "step", "type": "SQL", "query": "SELECT * FROM invoices"}"""));

        ResultAssert.Status(WorkflowStatus.Faulted, result);
        Assert.Equal("step", result.FaultedActivityId);
        Assert.StartsWith("query: ", result.Error);
        Assert.Contains("invoices", result.Error);
    }

    [Fact]
    public async Task SQL_RenameOfUnknownStep_FaultsListingInboundSteps()
    {
        var result = await _data.RunAsync(Flow("""{"id": "step", "type": "SQL", "tables": [{"step": "clients", "table": "c"}], "query": "SELECT 1"}"""));

        ResultAssert.Status(WorkflowStatus.Faulted, result);
        Assert.Equal("step", result.FaultedActivityId);
        Assert.Equal("tables: step 'clients' sent no dataset here; the inbound steps are customers, orders", result.Error);
    }
}
