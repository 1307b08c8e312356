using ElsaFlow.Activities.Connections;
using ElsaFlow.Activities.Tests.Support;
using ElsaFlow.Engine.Store;
using Microsoft.Extensions.DependencyInjection;

namespace ElsaFlow.Activities.Tests.Databases;

/// <summary>
/// What every database server output must do, run against a real server by each subclass: modes, created tables, a
/// failed write followed by a rerun, secrets kept out of errors.
/// </summary>
public abstract class DatabaseOutputTests : IAsyncLifetime
{
    protected string Database { get; private set; } = "";
    protected DataHarness Data { get; private set; } = null!;

    protected abstract string OutputType { get; }
    protected abstract string Kind { get; }
    protected abstract Task<string> NewDatabaseAsync();
    protected abstract Task ExecuteAsync(string sql);
    protected abstract Task<List<string>> RowsAsync(string sql);
    protected abstract string WrongPassword(string connectionString);
    protected abstract string InputType { get; }

    /// <summary>The golden row as it comes back from the server: every column as DuckDB text (blobs in hex), '|'-joined.</summary>
    protected abstract string GoldenBack { get; }

    private const string Golden =
        "SELECT CAST(i AS INTEGER) AS id, CAST(-5 AS TINYINT) AS i8, CAST(250 AS UTINYINT) AS u8, CAST(-300 AS SMALLINT) AS i16, " +
        "CAST(4000000000 AS UINTEGER) AS u32, CAST(-9000000000 AS BIGINT) AS i64, CAST(18446744073709551615 AS UBIGINT) AS u64, TRUE AS flag, " +
        "CAST(1234567890.12 AS DECIMAL(12,2)) AS price, CAST(2.5 AS DOUBLE) AS ratio, CAST(0.5 AS FLOAT) AS f, DATE '2024-02-29' AS day, " +
        "TIMESTAMP '2024-02-29 13:45:01.123456' AS at, TIMESTAMPTZ '2024-03-01 00:00:01.5+00' AS instant, TIME '23:59:58' AS clock, " +
        "'李雷' AS name, unhex('00FF10') AS bytes, UUID 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11' AS u, to_json({'a': [1, 2]}) AS doc FROM range(1, 2) t(i) " +
        "UNION ALL SELECT 2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL";

    public async Task InitializeAsync()
    {
        Database = await NewDatabaseAsync();
        Data = new DataHarness(services: s => s.AddSingleton<IConnectionCatalog>(new FixedConnections(
            FixedConnections.Of("target", Kind, Database), FixedConnections.Of("badtarget", Kind, WrongPassword(Database)))));
        Data.WriteFile("seed.csv", "n\n1\n");
    }

    public async Task DisposeAsync() => await Data.DisposeAsync();

    /// <summary>A flow whose rows come from a DuckDB query and go into the output with the given settings.</summary>
    protected string Flow(string select, string output) => $$$"""
        {"definitionId": "out", "root": {"id": "root", "type": "Flowchart", "activities": [
           {"id": "seed", "type": "CsvInput", "path": "seed.csv"},
           {"id": "data", "type": "SQL", "query": "{{{select}}}"},
           {"id": "write", "type": "{{{OutputType}}}", "connection": "target", {{{output}}}}],
         "connections": [{"source": {"activity": "seed", "port": "Done"}, "target": {"activity": "data", "port": "In"}},
                         {"source": {"activity": "data", "port": "Done"}, "target": {"activity": "write", "port": "In"}}]}}
        """;

    protected static string Numbers(int count, string name = "'v' || i", string id = "i") =>
        $"SELECT CAST({id} AS INTEGER) AS id, {name} AS name FROM range(1, {count + 1}) t(i)";

    [Fact]
    public async Task Output_Insert_CreatesTheMissingTableAndWritesEveryRowInBatches()
    {
        var result = await Data.RunAsync(Flow(Numbers(2500), "\"table\": \"fresh\", \"batchSize\": 1000"));

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Equal(["2500|2500|1|2500"], await RowsAsync("SELECT COUNT(*), COUNT(DISTINCT id), MIN(id), MAX(id) FROM fresh"));
        Assert.Contains(await Data.LogsAsync(result, "write"), l => l.StartsWith("wrote 2500 rows to table fresh of connection 'target' (insert)"));
    }

    [Fact]
    public async Task Output_GoldenRow_RoundTripsThroughTheServer()
    {
        var written = await Data.RunAsync(Flow(Golden, "\"table\": \"golden\", \"mode\": \"upsert\", \"keys\": [\"id\"]"));
        var read = await Data.RunAsync($$$"""
            {"definitionId": "back", "root": {"id": "root", "type": "Flowchart", "activities": [
               {"id": "read", "type": "{{{InputType}}}", "connection": "target", "query": "SELECT * FROM golden ORDER BY id"}]}}
            """);

        ResultAssert.Status(WorkflowStatus.Finished, written);
        ResultAssert.Status(WorkflowStatus.Finished, read);
        var dataset = await Data.DatasetAsync(read, "read");
        var texts = string.Join(" || '|' || ", dataset.Columns.Select(c =>
            $"coalesce({(c.Type == "BLOB" ? $"hex(\"{c.Name}\")" : $"CAST(\"{c.Name}\" AS VARCHAR)")}, '∅')"));
        await using var workspace = await Data.Workspaces.OpenAsync(read.InstanceId);
        var rows = await workspace.QueryAsync($"SELECT {texts} AS line FROM \"{dataset.Relation}\" ORDER BY id");
        Assert.Equal(GoldenBack, rows[0]["line"]!.ToString());
        Assert.Equal("2" + string.Concat(Enumerable.Repeat("|∅", dataset.Columns.Count - 1)), rows[1]["line"]!.ToString());
    }

    [Fact]
    public async Task Output_InsertRunTwice_AppendsTwice()
    {
        var flow = Flow(Numbers(3), "\"table\": \"twice\"");

        await Data.RunAsync(flow);
        var again = await Data.RunAsync(flow);

        ResultAssert.Status(WorkflowStatus.Finished, again);
        Assert.Equal(["6"], await RowsAsync("SELECT COUNT(*) FROM twice"));
    }

    [Fact]
    public async Task Output_Upsert_UpdatesExistingKeysAndInsertsNewOnes()
    {
        await ExecuteAsync("CREATE TABLE people (id INT PRIMARY KEY, name VARCHAR(20)); INSERT INTO people VALUES (1, 'old'), (9, 'kept');");

        var result = await Data.RunAsync(Flow(Numbers(3, "'new' || i"), "\"table\": \"people\", \"mode\": \"upsert\", \"keys\": [\"id\"]"));
        var again = await Data.RunAsync(Flow(Numbers(3, "'new' || i"), "\"table\": \"people\", \"mode\": \"upsert\", \"keys\": [\"id\"]"));

        ResultAssert.Status(WorkflowStatus.Finished, result);
        ResultAssert.Status(WorkflowStatus.Finished, again);
        Assert.Equal(["1|new1", "2|new2", "3|new3", "9|kept"], await RowsAsync("SELECT id, name FROM people ORDER BY id"));
    }

    [Fact]
    public async Task Output_Overwrite_LeavesExactlyTheDatasetRows()
    {
        await ExecuteAsync("CREATE TABLE snapshot (id INT PRIMARY KEY, name VARCHAR(20)); INSERT INTO snapshot VALUES (7, 'gone');");

        var result = await Data.RunAsync(Flow(Numbers(2), "\"table\": \"snapshot\", \"mode\": \"overwrite\""));

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Equal(["1|v1", "2|v2"], await RowsAsync("SELECT id, name FROM snapshot ORDER BY id"));
    }

    [Fact]
    public async Task Output_Merge_UpsertsAndDeletesRowsMissingFromTheDataset()
    {
        await ExecuteAsync("CREATE TABLE mirror (id INT PRIMARY KEY, name VARCHAR(20)); INSERT INTO mirror VALUES (1, 'old'), (5, 'stale');");

        var result = await Data.RunAsync(Flow(Numbers(2), "\"table\": \"mirror\", \"mode\": \"merge\", \"keys\": [\"id\"], \"batchSize\": 1"));

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Equal(["1|v1", "2|v2"], await RowsAsync("SELECT id, name FROM mirror ORDER BY id"));
    }

    [Fact]
    public async Task Output_UpsertFailingInItsThirdBatch_RerunLeavesEveryRowOnce()
    {
        await ExecuteAsync("CREATE TABLE sink (id INT PRIMARY KEY, name VARCHAR(20))");
        // Row 2500 repeats key 2499: the third batch cannot be applied, after two batches committed.
        var broken = Flow(Numbers(3000, id: "CASE WHEN i = 2500 THEN 2499 ELSE i END"), "\"table\": \"sink\", \"mode\": \"upsert\", \"keys\": [\"id\"], \"batchSize\": 1000");

        var failed = await Data.RunAsync(broken);
        var committed = await RowsAsync("SELECT COUNT(*) FROM sink");
        var rerun = await Data.RunAsync(Flow(Numbers(3000, "'again' || i"), "\"table\": \"sink\", \"mode\": \"upsert\", \"keys\": [\"id\"], \"batchSize\": 1000"));

        ResultAssert.Status(WorkflowStatus.Faulted, failed);
        Assert.StartsWith("connection: " + OutputType + " could not write table sink of connection 'target'", failed.Error);
        Assert.Equal(["2000"], committed);
        ResultAssert.Status(WorkflowStatus.Finished, rerun);
        Assert.Equal(["3000|3000|3000"], await RowsAsync("SELECT COUNT(*), COUNT(DISTINCT id), SUM(CASE WHEN name = CONCAT('again', id) THEN 1 ELSE 0 END) FROM sink"));
    }

    [Fact]
    public async Task Output_OverwriteFailingMidway_LeavesTheTableAsItWas()
    {
        await ExecuteAsync("CREATE TABLE whole (id INT PRIMARY KEY, name VARCHAR(20)); INSERT INTO whole VALUES (1, 'before');");

        var failed = await Data.RunAsync(Flow(Numbers(3000, id: "CASE WHEN i = 2500 THEN 2499 ELSE i END"), "\"table\": \"whole\", \"mode\": \"overwrite\", \"batchSize\": 1000"));
        var before = await RowsAsync("SELECT id, name FROM whole");
        var rerun = await Data.RunAsync(Flow(Numbers(3000), "\"table\": \"whole\", \"mode\": \"overwrite\", \"batchSize\": 1000"));

        ResultAssert.Status(WorkflowStatus.Faulted, failed);
        Assert.Equal(["1|before"], before);
        ResultAssert.Status(WorkflowStatus.Finished, rerun);
        Assert.Equal(["3000|3000"], await RowsAsync("SELECT COUNT(*), COUNT(DISTINCT id) FROM whole"));
    }

    [Fact]
    public async Task Output_WrongPassword_NamesTheConnectionNotThePassword()
    {
        var result = await Data.RunAsync(Flow(Numbers(1), "\"table\": \"t\"").Replace("\"connection\": \"target\"", "\"connection\": \"badtarget\""));

        ResultAssert.Status(WorkflowStatus.Faulted, result);
        Assert.StartsWith($"connection: {OutputType} could not write table t of connection 'badtarget'", result.Error);
        Assert.DoesNotContain("not-the-password", result.Error);
    }

    [Fact]
    public async Task Output_UpsertWithoutKeys_IsAClearError()
    {
        var result = await Data.RunAsync(Flow(Numbers(1), "\"table\": \"t\", \"mode\": \"upsert\""));

        ResultAssert.Status(WorkflowStatus.Faulted, result);
        Assert.Contains("keys: mode upsert needs the key columns that identify a row", result.Error);
    }
}

[Collection(DatabaseCollection.Name)]
public sealed class MySqlOutputTests(DatabaseServers servers) : DatabaseOutputTests
{
    protected override string OutputType => "MySqlOutput";
    protected override string InputType => "MySqlInput";

    // MySQL has no zoned type: the instant comes back as its UTC time (DATETIME(6)).
    protected override string GoldenBack =>
        "1|-5|250|-300|4000000000|-9000000000|18446744073709551615|true|1234567890.12|2.5|0.5|2024-02-29|2024-02-29 13:45:01.123456|" +
        "2024-03-01 00:00:01.5|23:59:58|李雷|00FF10|a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11|{\"a\":[1,2]}";
    protected override string Kind => "mysql";
    protected override Task<string> NewDatabaseAsync() => servers.NewMySqlDatabaseAsync();
    protected override Task ExecuteAsync(string sql) => DatabaseServers.MySqlAsync(Database, sql);
    protected override Task<List<string>> RowsAsync(string sql) => DatabaseServers.MySqlRowsAsync(Database, sql);
    protected override string WrongPassword(string connectionString) => servers.MariaDb.WrongPassword(connectionString);

    [Fact]
    public async Task MySqlOutput_UpsertIntoATableWithoutUniqueKey_IsRefusedBeforeWriting()
    {
        await ExecuteAsync("CREATE TABLE loose (id INT, name VARCHAR(20))");

        var result = await Data.RunAsync(Flow(Numbers(2), "\"table\": \"loose\", \"mode\": \"upsert\", \"keys\": [\"id\"]"));

        ResultAssert.Status(WorkflowStatus.Faulted, result);
        Assert.Contains("keys: table loose has no primary or unique key on (id)", result.Error);
        Assert.Equal(["0"], await RowsAsync("SELECT COUNT(*) FROM loose"));
    }

    [Fact]
    public async Task DorisOutput_UpsertTwiceOverTheMySqlProtocol_ReplacesRowsByKey()
    {
        // A Doris Unique Key table replaces a loaded row by key; MariaDB's primary key and LOAD DATA ... REPLACE do the same.
        await ExecuteAsync("CREATE TABLE olap (id INT PRIMARY KEY, name VARCHAR(20)); INSERT INTO olap VALUES (1, 'old'), (9999, 'kept');");
        await using var data = new DataHarness(services: s => s.AddSingleton<IConnectionCatalog>(new FixedConnections(FixedConnections.Of("target", "doris", Database))));
        data.WriteFile("seed.csv", "n\n1\n");
        var flow = Flow(Numbers(1500, "'new' || i"), "\"table\": \"olap\", \"mode\": \"upsert\", \"keys\": [\"id\"], \"batchSize\": 1000")
            .Replace("\"MySqlOutput\"", "\"DorisOutput\"");

        ResultAssert.Status(WorkflowStatus.Finished, await data.RunAsync(flow));
        ResultAssert.Status(WorkflowStatus.Finished, await data.RunAsync(flow));

        Assert.Equal(["1501|1501"], await RowsAsync("SELECT COUNT(*), COUNT(DISTINCT id) FROM olap"));
        Assert.Equal(["1|new1", "1500|new1500", "9999|kept"], await RowsAsync("SELECT id, name FROM olap WHERE id IN (1, 1500, 9999) ORDER BY id"));
    }
}

[Collection(DatabaseCollection.Name)]
public sealed class PostgresOutputTests(DatabaseServers servers) : DatabaseOutputTests
{
    protected override string OutputType => "PostgresOutput";
    protected override string InputType => "PostgresInput";

    protected override string GoldenBack =>
        "1|-5|250|-300|4000000000|-9000000000|18446744073709551615|true|1234567890.12|2.5|0.5|2024-02-29|2024-02-29 13:45:01.123456|" +
        "2024-03-01 00:00:01.5+00|23:59:58|李雷|00FF10|a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11|{\"a\": [1, 2]}";
    protected override string Kind => "postgres";
    protected override Task<string> NewDatabaseAsync() => servers.NewPostgresDatabaseAsync();
    protected override Task ExecuteAsync(string sql) => DatabaseServers.PostgresAsync(Database, sql);
    protected override Task<List<string>> RowsAsync(string sql) => DatabaseServers.PostgresRowsAsync(Database, sql);
    // The fixture's server trusts every local login (initdb --auth=trust): bad credentials are a user it does not know.
    protected override string WrongPassword(string connectionString) =>
        new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { Username = "nobody", Password = "not-the-password" }.ConnectionString;
}
