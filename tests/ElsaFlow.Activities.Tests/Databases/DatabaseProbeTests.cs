using ElsaFlow.Activities.Connections;
using ElsaFlow.Data;
using ElsaFlow.Engine;
using Microsoft.Extensions.DependencyInjection;

namespace ElsaFlow.Activities.Tests.Databases;

[Collection(DatabaseCollection.Name)]
public sealed class DatabaseProbeTests(DatabaseServers servers)
{
    private static IConnectionProbe Probe(string kind)
    {
        var services = new ServiceCollection();
        services.AddElsaFlowActivities(new EngineOptions(), data => data.Roots = [Path.GetTempPath()]);
        using var provider = services.BuildServiceProvider();
        return provider.GetServices<IConnectionProbe>().Single(p => p.Kinds.Contains(kind));
    }

    [Fact]
    public async Task Probe_MariaDbAndPostgres_AnswerWithTheirVersion()
    {
        var mysql = await Probe("mysql").ProbeAsync(FixedConnections.Of("m", "mysql", await servers.NewMySqlDatabaseAsync()));
        var postgres = await Probe("postgres").ProbeAsync(FixedConnections.Of("p", "postgres", await servers.NewPostgresDatabaseAsync()));

        Assert.StartsWith("MySQL 10.", mysql);
        Assert.Contains("MariaDB", mysql);
        Assert.StartsWith("PostgreSQL PostgreSQL 1", postgres);
    }

    [Fact]
    public async Task Probe_WrongPassword_FailsNamingTheConnectionNotThePassword()
    {
        var connection = FixedConnections.Of("warehouse", "mysql", servers.MariaDb.WrongPassword(servers.MariaDb.NewDatabase()));

        var error = await Assert.ThrowsAsync<ConnectionFailedException>(() => Probe("mysql").ProbeAsync(connection));

        Assert.StartsWith("connection: Test connection could not open connection 'warehouse': Access denied", error.Message);
        Assert.DoesNotContain("not-the-password", error.Message);
    }
}
