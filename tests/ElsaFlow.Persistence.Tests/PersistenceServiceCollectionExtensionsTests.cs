using ElsaFlow.Engine.Store;
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
}
