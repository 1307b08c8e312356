using ElsaFlow.Engine.Store;
using ElsaFlow.Persistence.EntityFramework;
using ElsaFlow.Persistence.Sqlite;
using ElsaFlow.Persistence.Tests.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ElsaFlow.Persistence.Tests;

public sealed class WorkflowStoresTests(SqliteTempFolder folder) : IClassFixture<SqliteTempFolder>
{
    [Fact]
    public async Task Open_Sqlite_MigratedStoreThatCommits()
    {
        var options = new StoreOptions { Provider = StoreProvider.Sqlite, ConnectionString = SqliteWorkflowStore.ConnectionStringFor(folder.NewDatabasePath()) };

        using var store = (EfWorkflowStore)WorkflowStores.Open(options);
        await store.CommitAsync(new InstanceCommit { Instance = NewInstance(), ExpectedRevision = 0 });

        Assert.Equal(1, (await store.GetInstanceAsync("i1"))?.Revision);
    }

    [Fact]
    public void Open_NoConnectionString_ThrowsNamingTheProvider()
    {
        var error = Assert.Throws<ArgumentException>(() => WorkflowStores.Open(new StoreOptions { Provider = StoreProvider.Postgres }));

        Assert.Contains("Postgres", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddElsaFlowStore_Resolved_OpensTheConfiguredStore()
    {
        var options = new StoreOptions { ConnectionString = SqliteWorkflowStore.ConnectionStringFor(folder.NewDatabasePath()) };
        await using var services = new ServiceCollection().AddElsaFlowStore(options).BuildServiceProvider();

        var store = services.GetRequiredService<IWorkflowStore>();
        await store.CommitAsync(new InstanceCommit { Instance = NewInstance(), ExpectedRevision = 0 });

        Assert.IsType<EfWorkflowStore>(store);
        Assert.NotNull(await store.GetInstanceAsync("i1"));
        Assert.Same(store, services.GetRequiredService<IInstanceInbox>());
        Assert.Same(store, services.GetRequiredService<IWorkerRegistry>());
    }

    private static InstanceRecord NewInstance() => new() { Id = "i1", DefinitionId = "flow", DefinitionVersion = 1, StateJson = "{}" };
}
