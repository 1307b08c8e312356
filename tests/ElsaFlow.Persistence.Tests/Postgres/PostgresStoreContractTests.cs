using ElsaFlow.TestServers;
using ElsaFlow.Engine.Store;
using ElsaFlow.Persistence.EntityFramework;
using ElsaFlow.Persistence.Tests.EntityFramework;
using ElsaFlow.Persistence.Postgres;
using ElsaFlow.Persistence.Tests.Servers;
using ElsaFlow.Persistence.Tests.Store;

namespace ElsaFlow.Persistence.Tests.Postgres;

/// <summary>The contract on a real PostgreSQL (Npgsql, plain EF commits); every test gets its own database.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresStoreContractTests(PostgresServer server) : WorkflowStoreContractTests
{
    protected override IWorkflowStore CreateStore() => PostgresWorkflowStore.Create(server.NewDatabase());

    [Fact]
    public async Task Commit_RacingInsertOfSameId_ThrowsConcurrencyConflictAndWritesNothing()
    {
        var error = await RacingInsert.SecondInsertOfSameIdAsync((EfWorkflowStore)Store);

        Assert.IsType<ConcurrencyConflictException>(error);
        Assert.Equal("{}", (await Store.GetInstanceAsync("race"))?.StateJson);
        Assert.Empty(await Store.GetJournalAsync("race"));
    }

    [Fact]
    public async Task Open_ProviderFromOptions_MigratedStore()
    {
        using var store = (IDisposable)WorkflowStores.Open(new StoreOptions { Provider = StoreProvider.Postgres, ConnectionString = server.NewDatabase() });

        Assert.Empty(await ((IWorkflowStore)store).ListDefinitionsAsync());
    }
}
