using ElsaFlow.Engine.Store;
using ElsaFlow.Persistence.MongoDb;
using ElsaFlow.Persistence.Tests.Store;

namespace ElsaFlow.Persistence.Tests.MongoDb;

/// <summary>
/// The contract on the MongoDB server named by ELSAFLOW_TEST_MONGO (there is none on the build machine, so the tests
/// are reported as skipped without it). Every test gets its own database, dropped afterwards.
/// </summary>
[RequiresEnvironmentVariable(ConnectionVariable, SkipReason)]
public sealed class MongoDbStoreContractTests(MongoTestDatabases databases) : WorkflowStoreContractTests, IClassFixture<MongoTestDatabases>
{
    public const string ConnectionVariable = "ELSAFLOW_TEST_MONGO";
    public const string SkipReason = "ELSAFLOW_TEST_MONGO is not set: no MongoDB server here; set it to mongodb://... to run the Mongo store tests";

    protected override IWorkflowStore CreateStore() =>
        MongoDbWorkflowStore.Create(Environment.GetEnvironmentVariable(ConnectionVariable)!, databases.NewName());
}
