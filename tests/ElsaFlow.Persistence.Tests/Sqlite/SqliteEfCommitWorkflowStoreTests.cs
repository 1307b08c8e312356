using ElsaFlow.Engine.Store;
using ElsaFlow.Persistence.Sqlite;
using ElsaFlow.Persistence.Tests.Store;

namespace ElsaFlow.Persistence.Tests.Sqlite;

/// <summary>The contract on SQLite with plain EF Core commits, the path other providers use.</summary>
public sealed class SqliteEfCommitWorkflowStoreTests(SqliteTempFolder folder) : WorkflowStoreContractTests, IClassFixture<SqliteTempFolder>
{
    protected override IWorkflowStore CreateStore() => SqliteWorkflowStore.Open(folder.NewDatabasePath(), fastCommits: false);
}
