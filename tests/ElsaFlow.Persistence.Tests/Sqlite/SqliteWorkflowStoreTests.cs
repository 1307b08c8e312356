using ElsaFlow.Engine.Store;
using ElsaFlow.Persistence.Sqlite;
using ElsaFlow.Persistence.Tests.Store;

namespace ElsaFlow.Persistence.Tests.Sqlite;

/// <summary>The contract on SQLite with the prepared-SQL commit path (the default).</summary>
public sealed class SqliteWorkflowStoreTests(SqliteTempFolder folder) : WorkflowStoreContractTests, IClassFixture<SqliteTempFolder>
{
    protected override IWorkflowStore CreateStore() => SqliteWorkflowStore.Open(folder.NewDatabasePath());
}
