using ElsaFlow.Engine.Store;
using ElsaFlow.Persistence.MySql;
using ElsaFlow.Persistence.Tests.Servers;
using ElsaFlow.Persistence.Tests.Store;

namespace ElsaFlow.Persistence.Tests.MySql;

/// <summary>The contract on a real MariaDB (Pomelo, plain EF commits); every test gets its own database.</summary>
[Collection(MariaDbCollection.Name)]
public sealed class MySqlStoreContractTests(MariaDbServer server) : WorkflowStoreContractTests
{
    protected override IWorkflowStore CreateStore() => MySqlWorkflowStore.Create(server.NewDatabase());
}
