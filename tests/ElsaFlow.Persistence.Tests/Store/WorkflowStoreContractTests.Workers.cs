using ElsaFlow.Engine.Store;

namespace ElsaFlow.Persistence.Tests.Store;

public abstract partial class WorkflowStoreContractTests
{
    private IWorkerRegistry? _workers;

    /// <summary>The worker registry kept beside <see cref="Store"/>, in the same database.</summary>
    protected IWorkerRegistry Workers => _workers ??= CreateWorkerRegistry();

    protected virtual IWorkerRegistry CreateWorkerRegistry() => (IWorkerRegistry)Store;

    protected static WorkerRecord Worker(string nodeId, int lastSeenSecond, params string[] groups) => new()
    {
        NodeId = nodeId,
        Role = "worker",
        Groups = groups,
        Concurrency = 4,
        Running = 1,
        Version = "1.2.3",
        StartedAt = T0,
        LastSeen = T0.AddSeconds(lastSeenSecond),
    };

    [StoreFact]
    public async Task ListWorkers_NoHeartbeat_IsEmpty()
    {
        Assert.Empty(await Workers.ListAsync(T0));
    }

    [StoreFact]
    public async Task Heartbeat_NewNode_ListedWithEveryField()
    {
        var worker = Worker("node-a", 5, "gpu", "big") with { StoppedAt = T0.AddSeconds(6) };

        await Workers.HeartbeatAsync(worker);

        var listed = Assert.Single(await Workers.ListAsync(T0));
        AssertSameWorker(worker, listed);
    }

    [StoreFact]
    public async Task Heartbeat_KnownNode_ReplacesItsRecord()
    {
        await Workers.HeartbeatAsync(Worker("node-a", 5, "gpu"));
        var later = Worker("node-a", 10) with { Running = 3, Role = "all", StoppedAt = null };

        await Workers.HeartbeatAsync(later);
        await Workers.HeartbeatAsync(later);

        var listed = Assert.Single(await Workers.ListAsync(T0));
        AssertSameWorker(later, listed);
    }

    [StoreFact]
    public async Task ListWorkers_SeenSince_OnlyNodesSeenAtOrAfterByNodeId()
    {
        await Workers.HeartbeatAsync(Worker("node-c", 30));
        await Workers.HeartbeatAsync(Worker("node-a", 20));
        await Workers.HeartbeatAsync(Worker("node-b", 10));

        var listed = await Workers.ListAsync(T0.AddSeconds(20));

        Assert.Equal(["node-a", "node-c"], listed.Select(w => w.NodeId));
    }

    private static void AssertSameWorker(WorkerRecord expected, WorkerRecord actual)
    {
        // Groups is a list, which a record compares by reference: compare it by items.
        Assert.Equal(expected.Groups, actual.Groups);
        Assert.Equal(expected with { Groups = [] }, actual with { Groups = [] });
    }
}
