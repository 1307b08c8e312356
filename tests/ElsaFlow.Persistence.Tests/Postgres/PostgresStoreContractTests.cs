using ElsaFlow.TestServers;
using ElsaFlow.Engine.Store;
using ElsaFlow.Persistence.EntityFramework;
using ElsaFlow.Persistence.Tests.EntityFramework;
using ElsaFlow.Persistence.Postgres;
using ElsaFlow.Persistence.Tests.Servers;
using ElsaFlow.Persistence.Tests.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

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

    [Fact]
    public async Task Create_DatabaseOfThePreviousVersion_MigratesAndKeepsItsData()
    {
        var connectionString = server.NewDatabase();
        await using (var old = new PostgresElsaFlowDbContext(PostgresWorkflowStore.BuildOptions(connectionString)))
        {
            await old.GetService<IMigrator>().MigrateAsync("20261203185414_AddApiKeysAndJournalOutputs");
            // Braces doubled: raw SQL is a format string.
            await old.Database.ExecuteSqlRawAsync(
                "INSERT INTO instances (\"Id\", \"DefinitionId\", \"DefinitionVersion\", \"Status\", \"CreatedAt\", \"UpdatedAt\", \"Revision\", \"StateJson\") " +
                "VALUES ('i1', 'flow', 1, 'Running', 0, 0, 1, '{{}}');" +
                "INSERT INTO journal (\"InstanceId\", \"Sequence\", \"Kind\", \"Timestamp\") VALUES ('i1', 1, 'WorkflowStarted', 0);");
        }

        using var store = PostgresWorkflowStore.Create(connectionString);

        Assert.Null(Assert.Single(await store.GetJournalAsync("i1")).NodeId);
        await store.AppendInboxAsync(new InboxEntry { InstanceId = "i1", Id = "a", Kind = InboxKinds.ActivityCompleted, Payload = "{}" });
        await store.CommitAsync(new InstanceCommit { Instance = (await store.GetInstanceAsync("i1"))!, ExpectedRevision = 1, ConsumedInbox = ["a"] });
        Assert.Empty(await store.ListInboxAsync("i1"));
        Assert.Equal(2, (await store.GetInstanceAsync("i1"))?.Revision);
        // The connections table came with the newest migration.
        Assert.True(await WorkflowStores.Connections(store).TryAddConnectionAsync(new ConnectionRecord
        {
            Name = "c", Kind = "mysql", ProtectedConnectionString = "x", OptionsJson = "{}", CreatedAt = DateTimeOffset.UnixEpoch, UpdatedAt = DateTimeOffset.UnixEpoch,
        }));
    }
}
