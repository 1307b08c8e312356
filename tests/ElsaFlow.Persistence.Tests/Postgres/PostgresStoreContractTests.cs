using ElsaFlow.Engine.Store;
using ElsaFlow.Persistence.Postgres;
using ElsaFlow.Persistence.Tests.Servers;
using ElsaFlow.Persistence.Tests.Store;

namespace ElsaFlow.Persistence.Tests.Postgres;

/// <summary>The contract on a real PostgreSQL (Npgsql, plain EF commits); every test gets its own database.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresStoreContractTests(PostgresServer server) : WorkflowStoreContractTests
{
    protected override IWorkflowStore CreateStore() => PostgresWorkflowStore.Create(server.NewDatabase());
}
