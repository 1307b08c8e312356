using ElsaFlow.Engine.Store;

namespace ElsaFlow.Persistence.Tests.Store;

public sealed class InMemoryWorkflowStoreTests : WorkflowStoreContractTests
{
    protected override IWorkflowStore CreateStore() => new InMemoryWorkflowStore();

    protected override IApiKeyRecordStore CreateApiKeyStore() => new InMemoryApiKeyRecordStore();

    protected override IConnectionRecordStore CreateConnectionStore() => new InMemoryConnectionRecordStore();

    protected override IWorkerRegistry CreateWorkerRegistry() => new InMemoryWorkerRegistry();
}
