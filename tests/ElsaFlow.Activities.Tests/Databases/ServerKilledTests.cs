using ElsaFlow.Activities.Connections;
using ElsaFlow.Activities.Tests.Support;
using ElsaFlow.Engine.Store;
using ElsaFlow.TestServers;
using Microsoft.Extensions.DependencyInjection;

namespace ElsaFlow.Activities.Tests.Databases;

/// <summary>A database server that dies while an input reads from it: a clear fault, and the retry behaviour reads again once it is back.</summary>
public sealed class ServerKilledTests : IAsyncLifetime
{
    // Its own server: killing the shared one would fail the other tests.
    private readonly MariaDbServer _server = new();
    private string _database = "";
    private DataHarness _data = null!;

    public async Task InitializeAsync()
    {
        await _server.InitializeAsync();
        _database = await new DatabaseServersAccess(_server).NewDatabaseAsync();
        _data = new DataHarness(services: s => s.AddSingleton<IConnectionCatalog>(new FixedConnections(FixedConnections.Of("flaky", "mysql", _database))));
        await DatabaseServers.MySqlAsync(_database, """
            CREATE TABLE slow (id INT PRIMARY KEY);
            INSERT INTO slow SELECT seq FROM seq_1_to_300;
            """);
    }

    public async Task DisposeAsync()
    {
        await _data.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task MySqlInput_ServerKilledMidRead_FaultsClearlyAndTheRetryReadsEveryRow()
    {
        // SLEEP per row makes the read last about three seconds; the server is killed in the middle of it.
        var flow = """
            {"definitionId": "killed", "root": {"id": "root", "type": "Flowchart", "activities": [
               {"id": "read", "type": "MySqlInput", "connection": "flaky", "query": "SELECT id FROM slow WHERE SLEEP(0.01) = 0",
                "retry": {"attempts": 3, "delay": "00:00:03"}}]}}
            """;

        var run = _data.RunAsync(flow);
        await Task.Delay(1000);
        _server.Kill();
        await using (await _server.StartAsync()) { }
        var result = await run;

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Equal(300, (await _data.RowsAsync(result, "read")).Count);
        var journal = await _data.Store.GetJournalAsync(result.InstanceId);
        var fault = Assert.Single(journal, e => e.Kind == JournalKind.ActivityFaulted);
        Assert.StartsWith("connection: MySqlInput could not read from connection 'flaky'", fault.Message);
        Assert.Contains(journal, e => e.Kind == JournalKind.ActivityRetrying);
    }

    [Fact]
    public async Task MySqlInput_ServerDown_FaultsNamingTheConnection()
    {
        _server.Kill();
        try
        {
            var result = await _data.RunAsync("""
                {"definitionId": "down", "root": {"id": "root", "type": "Flowchart", "activities": [
                   {"id": "read", "type": "MySqlInput", "connection": "flaky", "table": "slow"}]}}
                """);

            ResultAssert.Status(WorkflowStatus.Faulted, result);
            Assert.StartsWith("connection: MySqlInput could not read from connection 'flaky': ", result.Error);
            Assert.DoesNotContain("elsaflow-test", result.Error);
        }
        finally
        {
            await using (await _server.StartAsync()) { }
        }
    }

    /// <summary>Creates a database on a server that is not the shared fixture's.</summary>
    private sealed class DatabaseServersAccess(MariaDbServer server)
    {
        public async Task<string> NewDatabaseAsync()
        {
            var connectionString = server.NewDatabase();
            var builder = new MySqlConnector.MySqlConnectionStringBuilder(connectionString);
            var name = builder.Database;
            builder.Database = "";
            await DatabaseServers.MySqlAsync(builder.ConnectionString, $"CREATE DATABASE `{name}` CHARACTER SET utf8mb4");
            return connectionString;
        }
    }
}
