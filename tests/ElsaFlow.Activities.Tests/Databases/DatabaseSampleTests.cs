using System.Text.Json.Nodes;
using ElsaFlow.Activities.Tests.Samples;
using ElsaFlow.Activities.Tests.Support;
using ElsaFlow.Engine.Store;

namespace ElsaFlow.Activities.Tests.Databases;

/// <summary>The samples of workflows/databases/ run against the fixtures' MariaDB and PostgreSQL, twice, and leave each order once.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class DatabaseSampleTests(DatabaseServers servers) : IAsyncLifetime
{
    private static readonly string Folder = Path.Combine(SampleFolder.Workflows, "databases");
    private readonly DataHarness _data = new();

    public Task InitializeAsync()
    {
        SampleFolder.CopyTo(_data.PathOf("workflows"));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _data.DisposeAsync();

    [Fact]
    public void Samples_AreTheDatabaseSyncs()
    {
        Assert.Equal(["csv-to-mysql.json", "mysql-to-postgres-upsert.json"], SampleFolder.FlowsIn("databases"));
    }

    [Fact]
    public async Task CsvToMySqlThenMySqlToPostgres_RunTwice_LeaveEveryOrderOnceWithItsValues()
    {
        var mysql = await servers.NewMySqlDatabaseAsync();
        var postgres = await servers.NewPostgresDatabaseAsync();
        // orders.csv has 12 rows, order 5007 twice: 11 orders.
        const int orders = 11;

        for (var run = 0; run < 2; run++)
        {
            var load = await _data.RunFileAsync(Path.Combine(Folder, "csv-to-mysql.json"), new JsonObject { ["mysql"] = mysql });
            ResultAssert.Status(WorkflowStatus.Finished, load);
            var sync = await _data.RunFileAsync(Path.Combine(Folder, "mysql-to-postgres-upsert.json"),
                new JsonObject { ["mysql"] = mysql, ["postgres"] = postgres, ["since"] = 5001 });
            ResultAssert.Status(WorkflowStatus.Finished, sync);
            var journal = System.Text.Json.JsonSerializer.Serialize(await _data.Store.GetJournalAsync(sync.InstanceId));
            Assert.DoesNotContain("elsaflow-test", journal);
        }

        Assert.Equal([$"{orders}|{orders}"], await DatabaseServers.MySqlRowsAsync(mysql, "SELECT COUNT(*), COUNT(DISTINCT order_id) FROM orders"));
        var source = await DatabaseServers.MySqlRowsAsync(mysql,
            "SELECT order_id, customer_id, amount, status, DATE_FORMAT(ordered, '%Y-%m-%d') FROM orders WHERE order_id > 5001 ORDER BY order_id");
        var target = await DatabaseServers.PostgresRowsAsync(postgres,
            "SELECT order_id, customer_id, amount, status, to_char(ordered, 'YYYY-MM-DD') FROM orders ORDER BY order_id");
        Assert.Equal(orders - 1, target.Count);
        Assert.Contains("5007|2|95|paid|2024-04-05", target);
        Assert.Equal(source, target);
    }
}
