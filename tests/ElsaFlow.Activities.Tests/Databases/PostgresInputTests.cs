using System.Text.Json.Nodes;
using ElsaFlow.Activities.Connections;
using ElsaFlow.Activities.Tests.Support;
using ElsaFlow.Engine.Store;
using Microsoft.Extensions.DependencyInjection;

namespace ElsaFlow.Activities.Tests.Databases;

[Collection(DatabaseCollection.Name)]
public sealed class PostgresInputTests(DatabaseServers servers) : IAsyncLifetime
{
    private string _database = "";
    private DataHarness _data = null!;

    public async Task InitializeAsync()
    {
        _database = await servers.NewPostgresDatabaseAsync();
        _data = new DataHarness(services: s => s.AddSingleton<IConnectionCatalog>(new FixedConnections(FixedConnections.Of("lake", "postgres", _database))));
    }

    public async Task DisposeAsync() => await _data.DisposeAsync();

    private static string Flow(string inputs) => $$$"""
        {"definitionId": "db", "inputs": [{"name": "who", "type": "String"}],
         "root": {"id": "root", "type": "Flowchart", "activities": [{"id": "read", "type": "PostgresInput", "connection": "lake", {{{inputs}}}}]}}
        """;

    [Fact]
    public async Task PostgresInput_GoldenTable_MapsEveryCommonType()
    {
        await DatabaseServers.PostgresAsync(_database, """
            CREATE TABLE golden (id INT PRIMARY KEY, small SMALLINT, big BIGINT, flag BOOLEAN, price NUMERIC(12,2), free NUMERIC, ratio DOUBLE PRECISION,
              f REAL, day DATE, at TIMESTAMP, instant TIMESTAMPTZ, clock TIME, name TEXT, code VARCHAR(5), bytes BYTEA, doc JSONB, u UUID, tags INT[]);
            INSERT INTO golden VALUES (1, -300, -9000000000, TRUE, 1234567890.12, 12345678901234567890.123456789012345, 2.5, 0.5, '2024-02-29',
              '2024-02-29 13:45:01.123456', '2024-03-01 00:00:01.5+02', '23:59:58', '李雷', 'ab', '\x00ff10', '{"a": [1, 2]}',
              'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{1,2}');
            INSERT INTO golden (id) VALUES (2);
            """);

        var result = await _data.RunAsync(Flow("\"table\": \"public.golden\""));

        ResultAssert.Status(WorkflowStatus.Finished, result);
        var dataset = await _data.DatasetAsync(result, "read");
        Assert.Equal(
            ["id:INTEGER", "small:SMALLINT", "big:BIGINT", "flag:BOOLEAN", "price:DECIMAL(12,2)", "free:VARCHAR", "ratio:DOUBLE", "f:FLOAT",
             "day:DATE", "at:TIMESTAMP", "instant:TIMESTAMP WITH TIME ZONE", "clock:TIME", "name:VARCHAR", "code:VARCHAR", "bytes:BLOB", "doc:JSON",
             "u:UUID", "tags:VARCHAR"],
            dataset.Columns.Select(c => $"{c.Name}:{c.Type}"));
        await using var workspace = await _data.Workspaces.OpenAsync(result.InstanceId);
        var rows = await workspace.QueryAsync($"""
            SELECT * EXCLUDE (bytes, instant), hex(bytes) AS hex, strftime(instant AT TIME ZONE 'UTC', '%Y-%m-%d %H:%M:%S.%g') AS utc
            FROM "{dataset.Relation}" ORDER BY id
            """);
        var first = rows[0];
        Assert.Equal("-300|-9000000000|true|1234567890.12|12345678901234567890.123456789012345|2.5|0.5",
            string.Join("|", new[] { "small", "big", "flag", "price", "free", "ratio", "f" }.Select(c => first[c]!.ToString())));
        Assert.Equal("2024-02-29|2024-02-29T13:45:01.123456|2024-02-29 22:00:01.500|23:59:58|李雷|ab|00FF10|a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11|[1, 2]",
            string.Join("|", new[] { "day", "at", "utc", "clock", "name", "code", "hex", "u", "tags" }.Select(c => first[c]!.ToString())));
        Assert.Equal("{\"a\":[1,2]}", (first["doc"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : first["doc"]!.ToJsonString()).Replace(" ", ""));
        Assert.All(rows[1].Where(p => p.Key != "id"), p => Assert.Null(p.Value));
    }

    [Fact]
    public async Task PostgresInput_ParallelSplitWithAParameter_ReadsTheSameRowsAsOneReader()
    {
        await DatabaseServers.PostgresAsync(_database, """
            CREATE TABLE events (id BIGINT, who TEXT);
            INSERT INTO events SELECT i, CASE WHEN i % 3 = 0 THEN 'ann' ELSE 'bob' END FROM generate_series(1, 3000) i;
            INSERT INTO events VALUES (NULL, 'ann');
            """);
        var query = "\"query\": \"SELECT id, who FROM events WHERE who = ${who}\"";
        var inputs = new JsonObject { ["who"] = "ann" };

        var one = await _data.RunAsync(Flow(query), inputs);
        var three = await _data.RunAsync(Flow(query + ", \"splitColumn\": \"id\", \"parallelism\": 3"), (JsonObject)inputs.DeepClone());

        ResultAssert.Status(WorkflowStatus.Finished, three);
        var expected = (await _data.RowsAsync(one, "read")).Select(r => $"{r["id"]}").Order().ToList();
        Assert.Equal(1001, expected.Count);
        Assert.Equal(expected, (await _data.RowsAsync(three, "read")).Select(r => $"{r["id"]}").Order().ToList());
    }

    [Fact]
    public async Task PostgresInput_HostileParameter_StaysOneValue()
    {
        await DatabaseServers.PostgresAsync(_database, "CREATE TABLE users (name TEXT); INSERT INTO users VALUES ('ann'), ('bob');");

        var result = await _data.RunAsync(Flow("\"query\": \"SELECT name FROM users WHERE name = ${who}\""),
            new JsonObject { ["who"] = "x'; DROP TABLE users; --" });

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Empty(await _data.RowsAsync(result, "read"));
        Assert.Equal(["2"], await DatabaseServers.PostgresRowsAsync(_database, "SELECT COUNT(*) FROM users"));
    }
}
