using ElsaFlow.Activities.Connections;
using ElsaFlow.Activities.Tests.Support;
using ElsaFlow.Engine.Store;
using ElsaFlow.TestServers;
using Microsoft.Extensions.DependencyInjection;

namespace ElsaFlow.Activities.Tests.Databases;

/// <summary>ClickHouseInput and ClickHouseOutput against a private ClickHouse 18.16 (Debian's package), over its HTTP interface.</summary>
public sealed class ClickHouseTests : IClassFixture<ClickHouseServer>, IAsyncLifetime
{
    private readonly ClickHouseServer _server;
    private readonly DataHarness _data;

    public ClickHouseTests(ClickHouseServer server)
    {
        _server = server;
        _data = new DataHarness(services: s => s.AddSingleton<IConnectionCatalog>(new FixedConnections(
            FixedConnections.Of("olap", "clickhouse", server.ConnectionString),
            FixedConnections.Of("badolap", "clickhouse", server.ConnectionString.Replace(ClickHouseServer.Password, "not-the-password")))));
        _data.WriteFile("seed.csv", "n\n1\n");
    }

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _data.DisposeAsync();

    private static string Read(string inputs) => $$$"""
        {"definitionId": "ch", "root": {"id": "root", "type": "Flowchart", "activities": [
           {"id": "read", "type": "ClickHouseInput", {{{inputs}}}}]}}
        """;

    private static string Write(string select, string output) => $$$"""
        {"definitionId": "ch", "root": {"id": "root", "type": "Flowchart", "activities": [
           {"id": "seed", "type": "CsvInput", "path": "seed.csv"},
           {"id": "data", "type": "SQL", "query": "{{{select}}}"},
           {"id": "write", "type": "ClickHouseOutput", "connection": "olap", {{{output}}}}],
         "connections": [{"source": {"activity": "seed", "port": "Done"}, "target": {"activity": "data", "port": "In"}},
                         {"source": {"activity": "data", "port": "Done"}, "target": {"activity": "write", "port": "In"}}]}}
        """;

    [Fact]
    public async Task ClickHouseInput_GoldenTable_MapsEveryCommonType()
    {
        await _server.QueryAsync("""
            CREATE TABLE golden (id Int32, i8 Int8, u8 UInt8, u64 UInt64, i64 Int64, f32 Float32, f64 Float64, price Decimal(12,2),
              day Date, at DateTime, name String, fixed FixedString(3), u UUID, maybe Nullable(Int32), tags Array(Int32)) ENGINE = MergeTree() ORDER BY id
            """);
        await _server.QueryAsync("""
            INSERT INTO golden VALUES (1, -5, 250, 18446744073709551615, -9000000000, 0.5, 2.5, 1234567890.12, '2024-02-29', '2024-02-29 13:45:01',
              'tab\there 李雷', 'abc', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', NULL, [1, 2])
            """);

        var result = await _data.RunAsync(Read("\"connection\": \"olap\", \"table\": \"golden\""));

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Equal(
            ["id:INTEGER", "i8:TINYINT", "u8:UTINYINT", "u64:UBIGINT", "i64:BIGINT", "f32:FLOAT", "f64:DOUBLE", "price:DECIMAL(12,2)",
             "day:DATE", "at:TIMESTAMP", "name:VARCHAR", "fixed:VARCHAR", "u:UUID", "maybe:INTEGER", "tags:VARCHAR"],
            (await _data.DatasetAsync(result, "read")).Columns.Select(c => $"{c.Name}:{c.Type}"));
        var row = Assert.Single(await _data.RowsAsync(result, "read"));
        Assert.Equal("-5|250|18446744073709551615|-9000000000|0.5|2.5|1234567890.12|2024-02-29|2024-02-29T13:45:01|tab\there 李雷|abc|a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11|[1,2]",
            string.Join("|", new[] { "i8", "u8", "u64", "i64", "f32", "f64", "price", "day", "at", "name", "fixed", "u", "tags" }.Select(c => row[c]!.ToString())));
        Assert.Null(row["maybe"]);
    }

    [Fact]
    public async Task ClickHouseOutput_OverwriteRunTwice_CreatesTheTableAndLeavesTheRowsOnce()
    {
        var flow = Write("SELECT CAST(i AS INTEGER) AS id, 'v' || i AS name, CASE WHEN i % 2 = 0 THEN NULL ELSE i * 1.5 END AS amount, DATE '2024-01-01' + CAST(i AS INTEGER) AS day FROM range(1, 2501) t(i)",
            "\"table\": \"sink\", \"mode\": \"overwrite\", \"batchSize\": 1000");

        ResultAssert.Status(WorkflowStatus.Finished, await _data.RunAsync(flow));
        var again = await _data.RunAsync(flow);

        ResultAssert.Status(WorkflowStatus.Finished, again);
        Assert.Equal("2500\t2500\t1250\t2024-01-02\n", await _server.QueryAsync("SELECT count(), uniqExact(id), countIf(isNull(amount)), toString(min(day)) FROM sink"));
        var back = await _data.RunAsync(Read("\"connection\": \"olap\", \"table\": \"sink\""));
        var rows = await _data.RowsAsync(back, "read");
        Assert.Contains(rows, r => r["id"]!.ToString() == "3" && r["name"]!.ToString() == "v3" && r["amount"]!.ToString() == "4.5");
    }

    [Fact]
    public async Task ClickHouseProbe_AnswersWithTheServerVersion()
    {
        var services = new ServiceCollection();
        services.AddElsaFlowActivities(new ElsaFlow.Engine.EngineOptions(), data => data.Roots = [Path.GetTempPath()]);
        await using var provider = services.BuildServiceProvider();
        var probe = provider.GetServices<IConnectionProbe>().Single(p => p.Kinds.Contains("clickhouse"));

        Assert.StartsWith("ClickHouse 18.", await probe.ProbeAsync(FixedConnections.Of("olap", "clickhouse", _server.ConnectionString)));
    }

    [Fact]
    public async Task ClickHouseOutput_Upsert_IsRefusedWithWhatToUseInstead()
    {
        var result = await _data.RunAsync(Write("SELECT 1 AS id", "\"table\": \"t\", \"mode\": \"upsert\", \"keys\": [\"id\"]"));

        ResultAssert.Status(WorkflowStatus.Faulted, result);
        Assert.Contains("mode: ClickHouse has no unique keys or transactions, so no upsert; insert into a ReplacingMergeTree table", result.Error);
    }

    [Fact]
    public async Task ClickHouseInput_QueryParameter_IsSentBesideTheQueryNeverInIt()
    {
        // ClickHouse binds {p0:Type} from param_p0 since 19.11; the 18.16 server here does not know the binding, and says so
        // as an unknown setting, so the value is never part of the SQL it runs.
        var result = await _data.RunAsync("""
            {"definitionId": "ch", "inputs": [{"name": "who", "type": "String"}], "root": {"id": "root", "type": "Flowchart", "activities": [
               {"id": "read", "type": "ClickHouseInput", "connection": "olap", "query": "SELECT ${who} AS who"}]}}
            """, new System.Text.Json.Nodes.JsonObject { ["who"] = "x' OR 1=1 --" });

        if (result.Status == WorkflowStatus.Finished)
            Assert.Equal("x' OR 1=1 --", Assert.Single(await _data.RowsAsync(result, "read"))["who"]!.ToString());
        else
        {
            Assert.Contains("param_p0", result.Error);
            Assert.StartsWith("connection: ClickHouseInput could not read from connection 'olap': ClickHouse answered", result.Error);
        }
    }

    [Fact]
    public async Task ClickHouseInput_WrongPassword_NamesTheConnectionNotThePassword()
    {
        var result = await _data.RunAsync(Read("\"connection\": \"badolap\", \"query\": \"SELECT 1\""));

        ResultAssert.Status(WorkflowStatus.Faulted, result);
        Assert.StartsWith("connection: ClickHouseInput could not read from connection 'badolap': ClickHouse answered", result.Error);
        Assert.DoesNotContain("not-the-password", result.Error);
    }
}
