using ElsaFlow.Engine;
using ElsaFlow.Engine.Store;
using ElsaFlow.Persistence.EntityFramework;
using ElsaFlow.Persistence.Sqlite;
using ElsaFlow.Persistence.Tests.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ElsaFlow.Persistence.Tests;

public sealed class PersistenceServiceCollectionExtensionsTests(SqliteTempFolder folder) : IClassFixture<SqliteTempFolder>
{
    [Fact]
    public async Task AddElsaFlowSqliteStore_Resolved_MigratedStoreThatCommits()
    {
        var connectionString = SqliteWorkflowStore.ConnectionStringFor(folder.NewDatabasePath());
        await using var services = new ServiceCollection().AddElsaFlowSqliteStore(connectionString).BuildServiceProvider();

        var store = services.GetRequiredService<IWorkflowStore>();
        await store.CommitAsync(new InstanceCommit
        {
            Instance = new InstanceRecord { Id = "i1", DefinitionId = "flow", DefinitionVersion = 1, StateJson = "{}" },
            ExpectedRevision = 0,
        });

        Assert.Equal(1, (await store.GetInstanceAsync("i1"))?.Revision);
    }

    [Fact]
    public async Task AddElsaFlowSqliteStore_Resolved_InboxAndWorkerRegistryAreTheStore()
    {
        var connectionString = SqliteWorkflowStore.ConnectionStringFor(folder.NewDatabasePath());
        await using var services = new ServiceCollection().AddElsaFlowSqliteStore(connectionString).BuildServiceProvider();

        var store = services.GetRequiredService<IWorkflowStore>();

        Assert.Same(store, services.GetRequiredService<IInstanceInbox>());
        Assert.Same(store, services.GetRequiredService<IWorkerRegistry>());
    }

    [Fact]
    public async Task AddElsaFlowSqliteStore_ThenEngine_EngineKeepsTheStoresRegistry()
    {
        var connectionString = SqliteWorkflowStore.ConnectionStringFor(folder.NewDatabasePath());
        await using var services = new ServiceCollection().AddElsaFlowSqliteStore(connectionString).AddElsaFlowEngine().BuildServiceProvider();

        Assert.IsType<EfWorkflowStore>(services.GetRequiredService<IWorkerRegistry>());
        Assert.IsType<EfWorkflowStore>(services.GetRequiredService<IInstanceInbox>());
    }
}
