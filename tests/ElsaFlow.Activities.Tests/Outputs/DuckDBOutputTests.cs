using DuckDB.NET.Data;
using ElsaFlow.Activities.Tests.Support;
using ElsaFlow.Engine.Store;

namespace ElsaFlow.Activities.Tests.Outputs;

public sealed class DuckDBOutputTests : IAsyncLifetime
{
    private readonly DataHarness _data = new();

    public Task InitializeAsync()
    {
        _data.WriteFile("sales.csv", OutputFlow.Sales);
        _data.WriteFile("update.csv", "id,name,amount\n2,bob,10\n4,dan,4\n");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _data.DisposeAsync();

    [Fact]
    public async Task DuckDBOutput_Insert_CreatesTheTableAndPassesRowsOn()
    {
        var result = await _data.RunAsync(OutputFlow.Chain("""{"id": "out", "type": "DuckDBOutput", "path": "db/sales.duckdb", "table": "sales"}"""));

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Equal(["1:ann:5", "2:bob:9", "3:c,d:1"], await RowsAsync("db/sales.duckdb"));
        Assert.Equal(OutputFlow.SalesText, OutputFlow.Text(await _data.RowsAsync(result, "after")));
    }

    [Fact]
    public async Task DuckDBOutput_InsertTwice_AppendsAndOverwriteReplaces()
    {
        var insert = OutputFlow.Chain("""{"id": "out", "type": "DuckDBOutput", "path": "sales.duckdb", "table": "sales"}""");
        ResultAssert.Status(WorkflowStatus.Finished, await _data.RunAsync(insert));
        ResultAssert.Status(WorkflowStatus.Finished, await _data.RunAsync(insert));
        Assert.Equal(6, (await RowsAsync("sales.duckdb")).Count);

        var overwrite = OutputFlow.Chain("""{"id": "out", "type": "DuckDBOutput", "path": "sales.duckdb", "table": "sales", "mode": "overwrite"}""", "update.csv");
        ResultAssert.Status(WorkflowStatus.Finished, await _data.RunAsync(overwrite));

        Assert.Equal(["2:bob:10", "4:dan:4"], await RowsAsync("sales.duckdb"));
    }

    [Fact]
    public async Task DuckDBOutput_Upsert_UpdatesExistingKeysAndInsertsNewOnes()
    {
        ResultAssert.Status(WorkflowStatus.Finished, await _data.RunAsync(
            OutputFlow.Chain("""{"id": "out", "type": "DuckDBOutput", "path": "sales.duckdb", "table": "sales", "mode": "upsert", "keys": ["id", "name"]}""")));
        var upsert = OutputFlow.Chain("""{"id": "out", "type": "DuckDBOutput", "path": "sales.duckdb", "table": "sales", "mode": "upsert", "keys": ["id", "name"]}""", "update.csv");

        ResultAssert.Status(WorkflowStatus.Finished, await _data.RunAsync(upsert));
        ResultAssert.Status(WorkflowStatus.Finished, await _data.RunAsync(upsert));

        Assert.Equal(["1:ann:5", "2:bob:10", "3:c,d:1", "4:dan:4"], await RowsAsync("sales.duckdb"));
    }

    [Fact]
    public async Task DuckDBOutput_Preview_WritesNothing()
    {
        var result = await _data.PreviewAsync(OutputFlow.Chain("""{"id": "out", "type": "DuckDBOutput", "path": "sales.duckdb", "table": "sales"}"""), "out");

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.False(File.Exists(_data.PathOf("sales.duckdb")));
    }

    [Fact]
    public async Task DuckDBOutput_UpsertWithUnknownKey_Faults()
    {
        var result = await _data.RunAsync(OutputFlow.Chain("""{"id": "out", "type": "DuckDBOutput", "path": "sales.duckdb", "table": "sales", "mode": "upsert", "keys": ["sku"]}"""));

        ResultAssert.Status(WorkflowStatus.Faulted, result);
        Assert.Equal("out", result.FaultedActivityId);
        Assert.Equal("keys: column 'sku' does not exist; the input has id, name, amount", result.Error);
    }

    [Fact]
    public async Task DuckDBOutput_UpsertWithoutKeys_Faults()
    {
        var result = await _data.RunAsync(OutputFlow.Chain("""{"id": "out", "type": "DuckDBOutput", "path": "sales.duckdb", "table": "sales", "mode": "upsert"}"""));

        ResultAssert.Status(WorkflowStatus.Faulted, result);
        Assert.Equal("out", result.FaultedActivityId);
        Assert.Equal("keys: mode upsert needs the key columns that identify a row", result.Error);
    }

    [Fact]
    public async Task DuckDBOutput_PathOutsideTheDataRoot_Faults()
    {
        var result = await _data.RunAsync(OutputFlow.Chain("""{"id": "out", "type": "DuckDBOutput", "path": "/var/x.duckdb", "table": "sales"}"""));

        ResultAssert.Status(WorkflowStatus.Faulted, result);
        Assert.Equal("out", result.FaultedActivityId);
        Assert.StartsWith("path: '/var/x.duckdb' is outside the data roots", result.Error);
    }

    private async Task<List<string>> RowsAsync(string path)
    {
        await using var connection = new DuckDBConnection($"Data Source={_data.PathOf(path)}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, name, amount FROM sales ORDER BY id";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync()) rows.Add($"{reader.GetInt64(0)}:{reader.GetString(1)}:{reader.GetInt64(2)}");
        return rows;
    }
}
