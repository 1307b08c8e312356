using System.Text.Json.Nodes;
using ElsaFlow.Activities.Connections;
using ElsaFlow.Activities.Tests.Support;
using ElsaFlow.Engine.Store;
using Microsoft.Data.SqlClient;
using Microsoft.Extensions.DependencyInjection;

namespace ElsaFlow.Activities.Tests.Databases;

/// <summary>SqlServerInput and SqlServerOutput on the server named by ELSAFLOW_TEST_SQLSERVER, in a database created for the test and dropped after.</summary>
public sealed class SqlServerTests : IAsyncLifetime
{
    private readonly string _name = "elsaflow_" + Guid.NewGuid().ToString("N")[..12];
    private string _database = "";
    private DataHarness _data = null!;

    private static string? Server => Environment.GetEnvironmentVariable(SqlServerFactAttribute.Variable);

    public async Task InitializeAsync()
    {
        if (string.IsNullOrWhiteSpace(Server)) return;
        await ExecuteAsync(Server, $"CREATE DATABASE [{_name}]");
        _database = new SqlConnectionStringBuilder(Server) { InitialCatalog = _name }.ConnectionString;
        _data = new DataHarness(services: s => s.AddSingleton<IConnectionCatalog>(new FixedConnections(
            FixedConnections.Of("mssql", "sqlserver", _database),
            FixedConnections.Of("badmssql", "sqlserver", new SqlConnectionStringBuilder(_database) { Password = "not-the-password" }.ConnectionString))));
        _data.WriteFile("seed.csv", "n\n1\n");
    }

    public async Task DisposeAsync()
    {
        if (string.IsNullOrWhiteSpace(Server)) return;
        await _data.DisposeAsync();
        SqlConnection.ClearAllPools();
        await ExecuteAsync(Server, $"ALTER DATABASE [{_name}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{_name}]");
    }

    [SqlServerFact]
    public async Task SqlServerInput_GoldenTable_MapsEveryCommonType()
    {
        await ExecuteAsync(_database, """
            CREATE TABLE golden (id INT PRIMARY KEY, tiny TINYINT, small SMALLINT, big BIGINT, flag BIT, price DECIMAL(12,2), ratio FLOAT, f REAL,
              day DATE, at DATETIME2, instant DATETIMEOFFSET, clock TIME, name NVARCHAR(40), bytes VARBINARY(8), u UNIQUEIDENTIFIER);
            INSERT INTO golden VALUES (1, 250, -300, -9000000000, 1, 1234567890.12, 2.5, 0.5, '2024-02-29', '2024-02-29 13:45:01.1234567',
              '2024-03-01 00:00:01.5 +02:00', '23:59:58', N'李雷', 0x00FF10, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11');
            INSERT INTO golden (id) VALUES (2);
            """);

        var result = await _data.RunAsync("""
            {"definitionId": "mssql", "root": {"id": "root", "type": "Flowchart", "activities": [
               {"id": "read", "type": "SqlServerInput", "connection": "mssql", "table": "dbo.golden"}]}}
            """);

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Equal(
            ["id:INTEGER", "tiny:UTINYINT", "small:SMALLINT", "big:BIGINT", "flag:BOOLEAN", "price:DECIMAL(12,2)", "ratio:DOUBLE", "f:FLOAT",
             "day:DATE", "at:TIMESTAMP", "instant:TIMESTAMP WITH TIME ZONE", "clock:TIME", "name:VARCHAR", "bytes:BLOB", "u:UUID"],
            (await _data.DatasetAsync(result, "read")).Columns.Select(c => $"{c.Name}:{c.Type}"));
        var rows = (await _data.RowsAsync(result, "read")).OrderBy(r => (int)r["id"]!).ToList();
        Assert.Equal("250|-300|-9000000000|true|1234567890.12|李雷|a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11",
            string.Join("|", new[] { "tiny", "small", "big", "flag", "price", "name", "u" }.Select(c => rows[0][c]!.ToString())));
        Assert.All(rows[1].Where(p => p.Key != "id"), p => Assert.Null(p.Value));
    }

    [SqlServerFact]
    public async Task SqlServerOutput_UpsertRunTwice_LeavesEveryRowOnce()
    {
        var flow = """
            {"definitionId": "mssql", "root": {"id": "root", "type": "Flowchart", "activities": [
               {"id": "seed", "type": "CsvInput", "path": "seed.csv"},
               {"id": "data", "type": "SQL", "query": "SELECT CAST(i AS INTEGER) AS id, 'v' || i AS name FROM range(1, 2501) t(i)"},
               {"id": "write", "type": "SqlServerOutput", "connection": "mssql", "table": "sink", "mode": "upsert", "keys": ["id"], "batchSize": 1000}],
             "connections": [{"source": {"activity": "seed", "port": "Done"}, "target": {"activity": "data", "port": "In"}},
                             {"source": {"activity": "data", "port": "Done"}, "target": {"activity": "write", "port": "In"}}]}}
            """;

        ResultAssert.Status(WorkflowStatus.Finished, await _data.RunAsync(flow));
        ResultAssert.Status(WorkflowStatus.Finished, await _data.RunAsync(flow));

        Assert.Equal("2500|2500", await ScalarRowAsync("SELECT CONCAT(COUNT(*), '|', COUNT(DISTINCT id)) FROM sink"));
    }

    [SqlServerFact]
    public async Task SqlServerInput_WrongPassword_NamesTheConnectionNotThePassword()
    {
        var result = await _data.RunAsync("""
            {"definitionId": "mssql", "root": {"id": "root", "type": "Flowchart", "activities": [
               {"id": "read", "type": "SqlServerInput", "connection": "badmssql", "query": "SELECT ${n} AS n"}]}}
            """, new JsonObject { ["n"] = 1 });

        ResultAssert.Status(WorkflowStatus.Faulted, result);
        Assert.StartsWith("connection: SqlServerInput could not read from connection 'badmssql'", result.Error);
        Assert.DoesNotContain("not-the-password", result.Error);
    }

    private async Task<string?> ScalarRowAsync(string sql)
    {
        await using var connection = new SqlConnection(_database);
        await connection.OpenAsync();
        await using var command = new SqlCommand(sql, connection);
        return (await command.ExecuteScalarAsync())?.ToString();
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new SqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new SqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
