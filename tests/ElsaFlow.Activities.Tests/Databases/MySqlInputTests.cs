using System.Text.Json.Nodes;
using ElsaFlow.Activities.Connections;
using ElsaFlow.Activities.Tests.Support;
using ElsaFlow.Engine.Store;
using Microsoft.Extensions.DependencyInjection;

namespace ElsaFlow.Activities.Tests.Databases;

[Collection(DatabaseCollection.Name)]
public sealed class MySqlInputTests(DatabaseServers servers) : IAsyncLifetime
{
    private string _database = "";
    private DataHarness _data = null!;

    public async Task InitializeAsync()
    {
        _database = await servers.NewMySqlDatabaseAsync();
        _data = new DataHarness(services: s => s.AddSingleton<IConnectionCatalog>(new FixedConnections(
            FixedConnections.Of("warehouse", "mysql", _database),
            FixedConnections.Of("wrongpass", "mysql", servers.MariaDb.WrongPassword(_database)),
            FixedConnections.Of("lake", "postgres", "Host=127.0.0.1"))));
    }

    public async Task DisposeAsync() => await _data.DisposeAsync();

    private static string Flow(string inputs, string type = "MySqlInput") => $$$"""
        {"definitionId": "db", "inputs": [{"name": "who", "type": "String"}, {"name": "since", "type": "Number"}],
         "root": {"id": "root", "type": "Flowchart", "activities": [
           {"id": "read", "type": "{{{type}}}", {{{inputs}}}}]}}
        """;

    [Fact]
    public async Task MySqlInput_GoldenTable_MapsEveryCommonType()
    {
        await DatabaseServers.MySqlAsync(_database, """
            CREATE TABLE golden (id INT PRIMARY KEY, tiny TINYINT, utiny TINYINT UNSIGNED, small SMALLINT, uint INT UNSIGNED,
              big BIGINT, ubig BIGINT UNSIGNED, flag BOOLEAN, price DECIMAL(12,2), wide DECIMAL(40,10), ratio DOUBLE, f FLOAT,
              day DATE, at DATETIME(6), ts TIMESTAMP(3) NULL, clock TIME, name VARCHAR(40), body TEXT, bytes VARBINARY(8), doc JSON);
            INSERT INTO golden VALUES (1, -5, 250, -300, 4000000000, -9000000000, 18446744073709551615, TRUE, 1234567890.12,
              123456789012345678901234567890.0123456789, 2.5, 0.5, '2024-02-29', '2024-02-29 13:45:01.123456', '2024-03-01 00:00:01.5',
              '23:59:58', '李雷', 'long text', X'00FF10', '{"a": [1, 2]}');
            INSERT INTO golden (id) VALUES (2);
            """);

        var result = await _data.RunAsync(Flow("\"connection\": \"warehouse\", \"table\": \"golden\""));

        ResultAssert.Status(WorkflowStatus.Finished, result);
        var dataset = await _data.DatasetAsync(result, "read");
        Assert.Equal(
            ["id:INTEGER", "tiny:TINYINT", "utiny:UTINYINT", "small:SMALLINT", "uint:UINTEGER", "big:BIGINT", "ubig:UBIGINT", "flag:BOOLEAN",
             "price:DECIMAL(12,2)", "wide:VARCHAR", "ratio:DOUBLE", "f:FLOAT", "day:DATE", "at:TIMESTAMP", "ts:TIMESTAMP", "clock:TIME",
             "name:VARCHAR", "body:VARCHAR", "bytes:BLOB", "doc:VARCHAR"],
            dataset.Columns.Select(c => $"{c.Name}:{c.Type}"));
        await using var workspace = await _data.Workspaces.OpenAsync(result.InstanceId);
        var rows = await workspace.QueryAsync($"SELECT * EXCLUDE (bytes), hex(bytes) AS hex FROM \"{dataset.Relation}\" ORDER BY id");
        var first = rows[0];
        Assert.Equal("-5|250|-300|4000000000|-9000000000|18446744073709551615|true|1234567890.12|123456789012345678901234567890.0123456789",
            string.Join("|", new[] { "tiny", "utiny", "small", "uint", "big", "ubig", "flag", "price", "wide" }.Select(c => first[c]!.ToString())));
        Assert.Equal("2024-02-29|2024-02-29T13:45:01.123456|2024-03-01T00:00:01.5|23:59:58|李雷|long text|00FF10|{\"a\": [1, 2]}",
            string.Join("|", new[] { "day", "at", "ts", "clock", "name", "body", "hex", "doc" }.Select(c => Text(first[c]))));
        Assert.All(rows[1].Where(p => p.Key != "id"), p => Assert.Null(p.Value));
    }

    [Fact]
    public async Task MySqlInput_QueryPlaceholders_AreParametersThatCannotInject()
    {
        await DatabaseServers.MySqlAsync(_database, """
            CREATE TABLE people (id INT PRIMARY KEY, name VARCHAR(40), joined INT);
            INSERT INTO people VALUES (1, 'ann', 2020), (2, 'bob', 2021), (3, 'o''neil', 2022);
            """);
        var flow = Flow("\"connection\": \"warehouse\", \"query\": \"SELECT id FROM people WHERE name = ${who} OR joined > ${since} ORDER BY id\"");

        var normal = await _data.RunAsync(flow, new JsonObject { ["who"] = "o'neil", ["since"] = 2020 });
        var hostile = await _data.RunAsync(flow, new JsonObject { ["who"] = "x' OR '1'='1", ["since"] = 3000 });

        ResultAssert.Status(WorkflowStatus.Finished, normal);
        Assert.Equal(["2", "3"], (await _data.RowsAsync(normal, "read")).Select(r => r["id"]!.ToString()));
        ResultAssert.Status(WorkflowStatus.Finished, hostile);
        Assert.Empty(await _data.RowsAsync(hostile, "read"));
    }

    [Fact]
    public async Task MySqlInput_PlaceholderInsideQuotes_IsRefused()
    {
        var result = await _data.RunAsync(Flow("\"connection\": \"warehouse\", \"query\": \"SELECT 1 WHERE 'a' = '${who}'\""), new JsonObject { ["who"] = "a" });

        ResultAssert.Status(WorkflowStatus.Faulted, result);
        Assert.Contains("query: placeholder '${who}' is inside a quoted string", result.Error);
    }

    [Fact]
    public async Task MySqlInput_ParallelSplit_ReadsTheSameRowsAsOneReader()
    {
        await DatabaseServers.MySqlAsync(_database, """
            CREATE TABLE numbers (id BIGINT NULL, label VARCHAR(10));
            SET max_recursive_iterations = 10000;
            INSERT INTO numbers WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2500) SELECT i * 3, CONCAT('n', i) FROM n;
            INSERT INTO numbers VALUES (NULL, 'none'), (-7, 'negative');
            """);

        var one = await _data.RunAsync(Flow("\"connection\": \"warehouse\", \"table\": \"numbers\""));
        var four = await _data.RunAsync(Flow("\"connection\": \"warehouse\", \"table\": \"numbers\", \"splitColumn\": \"id\", \"parallelism\": 4"));

        ResultAssert.Status(WorkflowStatus.Finished, four);
        var expected = (await _data.RowsAsync(one, "read")).Select(r => $"{r["id"]}:{r["label"]}").Order().ToList();
        var actual = (await _data.RowsAsync(four, "read")).Select(r => $"{r["id"]}:{r["label"]}").Order().ToList();
        Assert.Equal(2502, actual.Count);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task MySqlInput_WrongPassword_NamesTheConnectionNotThePassword()
    {
        var result = await _data.RunAsync(Flow("\"connection\": \"wrongpass\", \"table\": \"t\""));

        ResultAssert.Status(WorkflowStatus.Faulted, result);
        Assert.StartsWith("connection: MySqlInput could not read from connection 'wrongpass'", result.Error);
        Assert.Contains("Access denied", result.Error);
        Assert.DoesNotContain("not-the-password", result.Error);
        var journal = await _data.Store.GetJournalAsync(result.InstanceId);
        Assert.DoesNotContain(journal, e => (e.Message ?? "").Contains("not-the-password"));
    }

    [Fact]
    public async Task MySqlInput_ConnectionStringWithWrongPassword_KeepsItOutOfErrorAndJournal()
    {
        var secret = servers.MariaDb.WrongPassword(_database);
        var flow = """
            {"definitionId": "db", "inputs": [{"name": "dsn", "type": "String", "sensitive": true}],
             "root": {"id": "root", "type": "Flowchart", "activities": [
               {"id": "read", "type": "MySqlInput", "connectionString": "${dsn}", "table": "t"}]}}
            """;

        var result = await _data.RunAsync(flow, new JsonObject { ["dsn"] = secret });

        ResultAssert.Status(WorkflowStatus.Faulted, result);
        Assert.StartsWith("connectionString: MySqlInput could not read from the MySQL server of its connectionString", result.Error);
        Assert.DoesNotContain("not-the-password", result.Error);
        var journal = await _data.Store.GetJournalAsync(result.InstanceId);
        Assert.DoesNotContain(journal, e => System.Text.Json.JsonSerializer.Serialize(e).Contains("not-the-password"));
        var logs = await _data.Store.GetLogsAsync(result.InstanceId);
        Assert.DoesNotContain(logs, l => l.Message.Contains("not-the-password"));
    }

    [Fact]
    public async Task MySqlInput_ConnectionOfAnotherKind_IsRefused()
    {
        var result = await _data.RunAsync(Flow("\"connection\": \"lake\", \"table\": \"t\""));

        ResultAssert.Status(WorkflowStatus.Faulted, result);
        Assert.Contains("connection: connection 'lake' is of kind 'postgres'; MySqlInput needs one of kind mysql or mariadb", result.Error);
    }

    [Fact]
    public void MySqlInput_BothConnectionAndConnectionString_IsAProblemOnLoad()
    {
        var problems = _data.Problems(Flow("\"connection\": \"warehouse\", \"connectionString\": \"Server=x\", \"table\": \"t\""));

        Assert.Contains(problems, p => p.Contains("connection") && p.Contains("not both"));
    }

    [Fact]
    public async Task DorisInput_OverTheMySqlProtocol_ReadsAQuery()
    {
        await DatabaseServers.MySqlAsync(_database, "CREATE TABLE d (k INT, v VARCHAR(5)); INSERT INTO d VALUES (1, 'a'), (2, 'b');");
        await using var data = new DataHarness(services: s => s.AddSingleton<IConnectionCatalog>(new FixedConnections(FixedConnections.Of("olap", "doris", _database))));

        var result = await data.RunAsync(Flow("\"connection\": \"olap\", \"query\": \"SELECT k, v FROM d WHERE k >= ${since} ORDER BY k\"", "DorisInput"),
            new JsonObject { ["since"] = 2 });

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Equal(["2:b"], (await data.RowsAsync(result, "read")).Select(r => $"{r["k"]}:{r["v"]}"));
    }

    private static string Text(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        null => "∅",
        _ => node.ToJsonString()
    };
}
