using ElsaFlow.Engine.Runtime;
using ElsaFlow.Engine.Store;
using ElsaFlow.Engine.Tests.Support;

namespace ElsaFlow.Engine.Tests.Runtime;

/// <summary>Instances outlive the process that runs them: ids are handed out only once committed, and orphans are swept up.</summary>
public sealed class RecoveryTests
{
    [Fact]
    public async Task StartAsync_SlowStore_ReturnsTheIdOnlyOnceTheInstanceIsCommitted()
    {
        var store = new SlowCommitStore(TimeSpan.FromMilliseconds(300));
        await using var engine = new EngineHarness(store);

        var instanceId = await engine.Runtime.StartAsync(new StartWorkflowRequest { Definition = engine.Parse(Flows.Gated("start-commit")) });

        var stored = await store.GetInstanceAsync(instanceId);
        Assert.NotNull(stored);
        Assert.Equal(WorkflowStatus.Running, stored.Status);
        Gate.Gates.GetOrAdd("start-commit", _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        ResultAssert.Status(WorkflowStatus.Finished, await engine.Runtime.WaitAsync(instanceId).WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task SweepAsync_OwnerDiedWithALeaseStillValid_TakesTheInstanceOverOnceTheLeaseExpires()
    {
        var store = new InMemoryWorkflowStore();
        var gate = $"sweep-{Guid.NewGuid():n}";
        var dead = new EngineHarness(store);
        var instanceId = await dead.Runtime.StartAsync(new StartWorkflowRequest { Definition = dead.Parse(Flows.Gated(gate)) });
        await WaitForAsync(async () => (await store.GetJournalAsync(instanceId)).Any(e => e.Kind == JournalKind.ActivityStarted && e.ActivityId == "wait"));
        // The owner stops renewing its lease at once (as a killed process does); its activity is still blocked, so its
        // disposal only ends once the gate opens.
        var dying = dead.DisposeAsync();

        await using var survivor = new EngineHarness(store);
        await survivor.Runtime.SweepAsync(TimeSpan.FromSeconds(5));
        Assert.NotEqual(survivor.Runtime.Options.NodeId, (await store.GetInstanceAsync(instanceId))!.LeaseOwner);

        await Task.Delay(survivor.Runtime.Options.LeaseDuration + TimeSpan.FromMilliseconds(500));
        await survivor.Runtime.SweepAsync(TimeSpan.FromSeconds(5));
        await WaitForAsync(async () => (await store.GetInstanceAsync(instanceId))!.LeaseOwner == survivor.Runtime.Options.NodeId);
        Gate.Gates.GetOrAdd(gate, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

        var result = await survivor.Runtime.WaitAsync(instanceId).WaitAsync(TimeSpan.FromSeconds(30));
        await dying;
        ResultAssert.Status(WorkflowStatus.Finished, result);
        var journal = await store.GetJournalAsync(instanceId);
        Assert.Contains(journal, e => e.Kind == JournalKind.WorkflowResumed && e.Message!.Contains("recovered"));
        Assert.Single(journal, e => e.Kind == JournalKind.WorkflowFinished);
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition never held");
            await Task.Delay(20);
        }
    }

    private static class Flows
    {
        public static string Gated(string gate) => $$$"""
            {"definitionId": "gated", "root": {"id": "root", "type": "Sequence", "activities": [
              {"id": "wait", "type": "Gate", "key": "{{{gate}}}"},
              {"id": "after", "type": "Log", "message": "through"}]}}
            """;
    }

    /// <summary>A store whose commits take a while, so anything that does not wait for them shows.</summary>
    private sealed class SlowCommitStore(TimeSpan delay) : DelegatingWorkflowStore(new InMemoryWorkflowStore())
    {
        public override async Task CommitAsync(InstanceCommit commit, CancellationToken ct = default)
        {
            await Task.Delay(delay, ct);
            await base.CommitAsync(commit, ct);
        }
    }
}
