using ElsaFlow.TestServers;
using ElsaFlow.Engine.Store;
using ElsaFlow.Persistence.EntityFramework;
using ElsaFlow.Persistence.Tests.EntityFramework;
using ElsaFlow.Persistence.MySql;
using ElsaFlow.Persistence.Tests.Servers;
using ElsaFlow.Persistence.Tests.Store;

namespace ElsaFlow.Persistence.Tests.MySql;

/// <summary>The contract on a real MariaDB (Pomelo, plain EF commits); every test gets its own database.</summary>
[Collection(MariaDbCollection.Name)]
public sealed class MySqlStoreContractTests(MariaDbServer server) : WorkflowStoreContractTests
{
    protected override IWorkflowStore CreateStore() => MySqlWorkflowStore.Create(server.NewDatabase());

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
        using var store = (IDisposable)WorkflowStores.Open(new StoreOptions { Provider = StoreProvider.MySql, ConnectionString = server.NewDatabase() });

        Assert.Empty(await ((IWorkflowStore)store).ListDefinitionsAsync());
    }
}
