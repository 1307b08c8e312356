using ElsaFlow.Activities.Tests.Support;
using ElsaFlow.Engine.Store;
using Microsoft.Data.Sqlite;

namespace ElsaFlow.Activities.Tests.Outputs;

public sealed class SqliteOutputTests : IAsyncLifetime
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
    public async Task SqliteOutput_Insert_CreatesTheTableAndPassesRowsOn()
    {
        var result = await _data.RunAsync(OutputFlow.Chain("""{"id": "out", "type": "SqliteOutput", "path": "db/sales.db", "table": "sales"}"""));

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Equal(["1:ann:5:integer", "2:bob:9:integer", "3:c,d:1:integer"], Rows("db/sales.db"));
        Assert.Equal(OutputFlow.SalesText, OutputFlow.Text(await _data.RowsAsync(result, "after")));
    }

    [Fact]
    public async Task SqliteOutput_ManyRows_WritesEveryRowAcrossMultiRowStatements()
    {
        // 1,203 rows: two full 500-row statements and a shorter last one.
        _data.WriteFile("many.csv", "id,name,amount\n" + string.Concat(Enumerable.Range(1, 1203).Select(i => $"{i},n{i},{i % 7}\n")));

        var result = await _data.RunAsync(OutputFlow.Chain("""{"id": "out", "type": "SqliteOutput", "path": "many.db", "table": "sales"}""", "many.csv"));

        ResultAssert.Status(WorkflowStatus.Finished, result);
        var rows = Rows("many.db");
        Assert.Equal(1203, rows.Count);
        Assert.Equal(1203, rows.Distinct().Count());
        Assert.Contains("1203:n1203:6:integer", rows);
        Assert.Contains("500:n500:3:integer", rows);
    }

    [Fact]
    public async Task SqliteOutput_InsertTwice_AppendsAndOverwriteReplaces()
    {
        var insert = OutputFlow.Chain("""{"id": "out", "type": "SqliteOutput", "path": "sales.db", "table": "sales", "mode": "insert"}""");
        ResultAssert.Status(WorkflowStatus.Finished, await _data.RunAsync(insert));
        ResultAssert.Status(WorkflowStatus.Finished, await _data.RunAsync(insert));
        Assert.Equal(6, Rows("sales.db").Count);

        var overwrite = OutputFlow.Chain("""{"id": "out", "type": "SqliteOutput", "path": "sales.db", "table": "sales", "mode": "overwrite"}""", "update.csv");
        ResultAssert.Status(WorkflowStatus.Finished, await _data.RunAsync(overwrite));

        Assert.Equal(["2:bob:10:integer", "4:dan:4:integer"], Rows("sales.db"));
    }

    [Fact]
    public async Task SqliteOutput_Upsert_UpdatesExistingKeysAndInsertsNewOnes()
    {
        ResultAssert.Status(WorkflowStatus.Finished, await _data.RunAsync(
            OutputFlow.Chain("""{"id": "out", "type": "SqliteOutput", "path": "sales.db", "table": "sales", "mode": "upsert", "keys": ["id"]}""")));
        var upsert = OutputFlow.Chain("""{"id": "out", "type": "SqliteOutput", "path": "sales.db", "table": "sales", "mode": "upsert", "keys": ["id"]}""", "update.csv");

        ResultAssert.Status(WorkflowStatus.Finished, await _data.RunAsync(upsert));
        ResultAssert.Status(WorkflowStatus.Finished, await _data.RunAsync(upsert));

        Assert.Equal(["1:ann:5:integer", "2:bob:10:integer", "3:c,d:1:integer", "4:dan:4:integer"], Rows("sales.db"));
    }

    [Fact]
    public async Task SqliteOutput_Preview_WritesNothing()
    {
        var result = await _data.PreviewAsync(OutputFlow.Chain("""{"id": "out", "type": "SqliteOutput", "path": "sales.db", "table": "sales"}"""), "out");

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.False(File.Exists(_data.PathOf("sales.db")));
    }

    [Fact]
    public async Task SqliteOutput_UpsertWithoutKeys_Faults()
    {
        var result = await _data.RunAsync(OutputFlow.Chain("""{"id": "out", "type": "SqliteOutput", "path": "sales.db", "table": "sales", "mode": "upsert"}"""));

        ResultAssert.Status(WorkflowStatus.Faulted, result);
        Assert.Equal("out", result.FaultedActivityId);
        Assert.Equal("keys: mode upsert needs the key columns that identify a row", result.Error);
    }

    [Fact]
    public async Task SqliteOutput_UnknownMode_Faults()
    {
        var flow = OutputFlow.Chain("""{"id": "out", "type": "SqliteOutput", "path": "sales.db", "table": "sales", "mode": {"expression": {"type": "JavaScript", "value": "'replace'"}}}""");

        var result = await _data.RunAsync(flow);

        ResultAssert.Status(WorkflowStatus.Faulted, result);
        Assert.Equal("out", result.FaultedActivityId);
        Assert.Contains("mode", result.Error);
        Assert.Contains("'\"replace\"' is not a valid", result.Error);
        Assert.Contains(_data.Problems(flow.Replace("""{"expression": {"type": "JavaScript", "value": "'replace'"}}""", "\"replace\"")), p => p.Contains("mode"));
    }

    [Fact]
    public async Task SqliteOutput_PathOutsideTheDataRoot_Faults()
    {
        var result = await _data.RunAsync(OutputFlow.Chain("""{"id": "out", "type": "SqliteOutput", "path": "../x.db", "table": "sales"}"""));

        ResultAssert.Status(WorkflowStatus.Faulted, result);
        Assert.Equal("out", result.FaultedActivityId);
        Assert.StartsWith("path: '../x.db' is outside the data roots", result.Error);
    }

    private List<string> Rows(string path)
    {
        using var connection = new SqliteConnection($"Data Source={_data.PathOf(path)};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, name, amount, typeof(amount) FROM sales ORDER BY id";
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read()) rows.Add($"{reader.GetInt64(0)}:{reader.GetString(1)}:{reader.GetInt64(2)}:{reader.GetString(3)}");
        return rows;
    }
}
