using ElsaFlow.Activities.Tests.Support;
using ElsaFlow.Engine.Store;
using Microsoft.Data.Sqlite;

namespace ElsaFlow.Activities.Tests.Inputs;

public sealed class SqliteInputTests : IAsyncLifetime
{
    private readonly DataHarness _data = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _data.DisposeAsync();

    private static string Flow(string inputs) => $$$"""
        {"definitionId": "sqlite", "root": {"id": "root", "type": "Flowchart", "activities": [
           {"id": "read", "type": "SqliteInput", "path": "shop.db", {{{inputs}}}},
           {"id": "sorted", "type": "Sort", "by": [{"column": "id"}]}],
         "connections": [{"source": {"activity": "read", "port": "Done"}, "target": {"activity": "sorted", "port": "In"}}]}}
        """;

    private void WriteDatabase()
    {
        using var connection = new SqliteConnection($"Data Source={_data.PathOf("shop.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE TABLE orders (id INTEGER PRIMARY KEY, customer TEXT, amount REAL, note BLOB);
            INSERT INTO orders VALUES (2, '李雷', 7.25, NULL), (1, 'ann', 12.5, x'0102'), (3, 'bob', 3, NULL);
            """;
        command.ExecuteNonQuery();
    }

    [Fact]
    public async Task SqliteInput_Table_ReadsRowsWithDeclaredTypes()
    {
        WriteDatabase();

        var result = await _data.RunAsync(Flow("""
            "table": "orders"
            """));

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Equal(["id:BIGINT", "customer:VARCHAR", "amount:DOUBLE", "note:BLOB"],
            (await _data.DatasetAsync(result, "sorted")).Columns.Select(c => $"{c.Name}:{c.Type}"));
        var rows = await _data.RowsAsync(result, "sorted");
        Assert.Equal(["1:ann:12.5:False", "2:李雷:7.25:True", "3:bob:3:True"], rows.Select(r => $"{r["id"]}:{r["customer"]}:{r["amount"]}:{r["note"] is null}"));
    }

    [Fact]
    public async Task SqliteInput_Query_ReadsItsRows()
    {
        WriteDatabase();

        var result = await _data.RunAsync(Flow("""
            "query": "SELECT id, upper(customer) AS who, amount * 2 AS doubled FROM orders WHERE amount > 5"
            """));

        ResultAssert.Status(WorkflowStatus.Finished, result);
        var rows = await _data.RowsAsync(result, "sorted");
        Assert.Equal(["1:ANN:25", "2:李雷:14.5"], rows.Select(r => $"{r["id"]}:{r["who"]}:{r["doubled"]}"));
    }

    [Fact]
    public async Task SqliteInput_WrongTable_FaultsListingTheTables()
    {
        WriteDatabase();

        var result = await _data.RunAsync(Flow("""
            "table": "customers"
            """));

        ResultAssert.Status(WorkflowStatus.Faulted, result);
        Assert.Equal("read", result.FaultedActivityId);
        Assert.Equal("table: 'shop.db' has no table 'customers'; its tables are orders", result.Error);
    }

    [Fact]
    public async Task SqliteInput_BadQuery_FaultsNamingTheQuery()
    {
        WriteDatabase();

        var result = await _data.RunAsync(Flow("""
            "query": "SELECT nope FROM orders"
            """));

        ResultAssert.Status(WorkflowStatus.Faulted, result);
        Assert.Equal("read", result.FaultedActivityId);
        Assert.StartsWith("query: SQLite refused to read 'shop.db': ", result.Error);
        Assert.Contains("no such column: nope", result.Error);
    }
}
