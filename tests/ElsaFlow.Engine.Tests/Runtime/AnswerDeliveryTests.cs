using System.Text.Json.Nodes;
using ElsaFlow.Engine.Runtime;
using ElsaFlow.Engine.Runtime.State;
using ElsaFlow.Engine.Store;
using ElsaFlow.Engine.Tests.Support;

namespace ElsaFlow.Engine.Tests.Runtime;

/// <summary>
/// Answers of activities that ran elsewhere, as a cluster delivers them: at least once, possibly late, possibly to a
/// node that does not run the instance. Each is applied once, for the attempt it answers, whoever receives it.
/// </summary>
public sealed class AnswerDeliveryTests
{
    private const string Flow = """
        {"definitionId": "remote", "root": {"id": "root", "type": "Sequence", "activities": [
          {"id": "work", "type": "Emit", "value": 1, "retry": {"attempts": 3}},
          {"id": "after", "type": "Log", "message": "after work"}]}}
        """;

    private static RuntimeOptions Options(TimeSpan? heartbeatTimeout = null) =>
        new() { LeaseDuration = TimeSpan.FromSeconds(2), ExecutionHeartbeatTimeout = heartbeatTimeout };

    private static async Task<string> StartAsync(EngineHarness engine) =>
        await engine.Runtime.StartAsync(new StartWorkflowRequest { Definition = engine.Parse(Flow) });

    private static async Task<JsonNode?> OutputOfAsync(IWorkflowStore store, string instanceId, string activityId) =>
        WorkflowStateSerializer.Deserialize((await store.GetInstanceAsync(instanceId))!.StateJson).ActivityOutputs[activityId];

    [Fact]
    public async Task DeliverAsync_TheSameAnswerTwice_AppliesItOnce()
    {
        var dispatcher = new ManualDispatcher();
        await using var engine = new EngineHarness(options: Options(), dispatcher: dispatcher);
        var instanceId = await StartAsync(engine);
        var command = await dispatcher.NextAsync();

        await engine.Runtime.DeliverAsync(ManualDispatcher.Completed(command));
        await engine.Runtime.DeliverAsync(ManualDispatcher.Completed(command));

        ResultAssert.Status(WorkflowStatus.Finished, await engine.Runtime.WaitAsync(instanceId));
        var completed = (await engine.Store.GetJournalAsync(instanceId)).Where(e => e.Kind == JournalKind.ActivityCompleted && e.ActivityId == "work").ToList();
        Assert.Equal("worker-1", Assert.Single(completed).NodeId);
    }

    [Fact]
    public async Task DeliverAsync_ALateAnswerOfAnEarlierAttempt_IsIgnored()
    {
        var dispatcher = new ManualDispatcher();
        await using var engine = new EngineHarness(options: Options(), dispatcher: dispatcher);
        var instanceId = await StartAsync(engine);
        var first = await dispatcher.NextAsync();
        await engine.Runtime.DeliverAsync(ManualDispatcher.Faulted(first));
        var second = await dispatcher.NextAsync();
        Assert.Equal((first.Invocation.ExecutionId, 2), (second.Invocation.ExecutionId, second.Invocation.Attempt));

        await engine.Runtime.DeliverAsync(ManualDispatcher.Completed(first));

        Assert.Equal(WorkflowStatus.Running, (await engine.Store.GetInstanceAsync(instanceId))!.Status);
        await engine.Runtime.DeliverAsync(ManualDispatcher.Completed(second));
        ResultAssert.Status(WorkflowStatus.Finished, await engine.Runtime.WaitAsync(instanceId));
        Assert.Equal(2, (await OutputOfAsync(engine.Store, instanceId, "work"))!.GetValue<int>());
    }

    [Fact]
    public async Task DeliverAsync_ToANodeThatDoesNotRunTheInstance_TheOwnerAppliesItFromTheInbox()
    {
        var store = new InMemoryWorkflowStore();
        var channel = new LoopbackOwnerChannel();
        var dispatcher = new ManualDispatcher();
        await using var owner = new EngineHarness(store, Options(), dispatcher: dispatcher, owners: channel);
        await using var other = new EngineHarness(store, Options(), dispatcher: new ManualDispatcher(), owners: channel);
        channel.Join(owner.Runtime);
        channel.Join(other.Runtime);
        var instanceId = await StartAsync(owner);
        var command = await dispatcher.NextAsync();

        await other.Runtime.DeliverAsync(ManualDispatcher.Completed(command));

        ResultAssert.Status(WorkflowStatus.Finished, await owner.Runtime.WaitAsync(instanceId).WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.Empty(await store.ListInboxAsync(instanceId));
    }

    [Fact]
    public async Task DeliverAsync_OwnerDiedBeforeTheAnswer_TheNodeTakingOverAppliesItWithoutRunningTheActivityAgain()
    {
        var store = new InMemoryWorkflowStore();
        var channel = new LoopbackOwnerChannel();
        var ownerDispatcher = new ManualDispatcher();
        var owner = new EngineHarness(store, Options(TimeSpan.FromSeconds(30)), dispatcher: ownerDispatcher, owners: channel);
        var instanceId = await StartAsync(owner);
        var command = await ownerDispatcher.NextAsync();
        // It stops renewing its lease at once and never joined the channel: as a killed process. Its disposal waits for its
        // runner, which waits for an answer that never comes to it, so it ends with the test.
        var dying = owner.DisposeAsync();

        var survivorDispatcher = new ManualDispatcher();
        await using var survivor = new EngineHarness(store, Options(TimeSpan.FromSeconds(30)), dispatcher: survivorDispatcher, owners: channel);
        channel.Join(survivor.Runtime);
        await survivor.Runtime.DeliverAsync(ManualDispatcher.Completed(command));
        Assert.Single(await store.ListInboxAsync(instanceId));
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        await survivor.Runtime.SweepAsync(TimeSpan.FromSeconds(1));

        ResultAssert.Status(WorkflowStatus.Finished, await survivor.Runtime.WaitAsync(instanceId).WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.False(survivorDispatcher.TryNext(out _), "the activity was dispatched again though its answer was kept");
        Assert.Single(await survivor.CompletedAsync(instanceId), "work");
        await dying;
    }

    [Fact]
    public async Task Watchdog_NoWordFromTheWorker_DispatchesTheSameAttemptAgain()
    {
        var dispatcher = new ManualDispatcher();
        await using var engine = new EngineHarness(options: Options(TimeSpan.FromSeconds(1)), dispatcher: dispatcher);
        var instanceId = await StartAsync(engine);
        var first = await dispatcher.NextAsync();

        var again = await dispatcher.NextAsync();

        Assert.Equal((first.Invocation.ExecutionId, first.Invocation.Attempt), (again.Invocation.ExecutionId, again.Invocation.Attempt));
        await engine.Runtime.DeliverAsync(ManualDispatcher.Completed(again));
        await engine.Runtime.DeliverAsync(ManualDispatcher.Completed(first)); // the hung worker wakes up: ignored
        ResultAssert.Status(WorkflowStatus.Finished, await engine.Runtime.WaitAsync(instanceId));
        Assert.Contains((await engine.Store.GetLogsAsync(instanceId)), l => l.Message.Contains("dispatched again"));
        Assert.Single(await engine.CompletedAsync(instanceId), "work");
    }

    [Fact]
    public async Task Watchdog_WorkerReportsHeartbeats_LeavesTheActivityRunning()
    {
        var dispatcher = new ManualDispatcher();
        await using var engine = new EngineHarness(options: Options(TimeSpan.FromSeconds(2)), dispatcher: dispatcher);
        var instanceId = await StartAsync(engine);
        var command = await dispatcher.NextAsync();

        for (var i = 0; i < 12; i++)
        {
            engine.Runtime.OnActivityHeartbeat(instanceId, command.Invocation.ExecutionId, command.Invocation.Attempt);
            await Task.Delay(TimeSpan.FromMilliseconds(300));
        }

        Assert.False(dispatcher.TryNext(out _), "an activity whose worker reports heartbeats was dispatched again");
        await engine.Runtime.DeliverAsync(ManualDispatcher.Completed(command));
        ResultAssert.Status(WorkflowStatus.Finished, await engine.Runtime.WaitAsync(instanceId));
    }

    [Fact]
    public async Task CancelAsync_OnANodeThatDoesNotRunTheInstance_TheOwnerCancelsIt()
    {
        var store = new InMemoryWorkflowStore();
        var channel = new LoopbackOwnerChannel();
        await using var owner = new EngineHarness(store, Options(), dispatcher: new ManualDispatcher(), owners: channel);
        await using var other = new EngineHarness(store, Options(), dispatcher: new ManualDispatcher(), owners: channel);
        channel.Join(owner.Runtime);
        channel.Join(other.Runtime);
        var instanceId = await StartAsync(owner);

        await other.Runtime.CancelAsync(instanceId).WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(WorkflowStatus.Cancelled, (await store.GetInstanceAsync(instanceId))!.Status);
    }

    /// <summary>Counts commits, and holds the next one until released (so answers pile up behind it).</summary>
    private sealed class GatedStore() : DelegatingWorkflowStore(new InMemoryWorkflowStore())
    {
        public int Commits;
        public TaskCompletionSource? Gate;
        public readonly TaskCompletionSource Entered = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override async Task CommitAsync(InstanceCommit commit, CancellationToken ct = default)
        {
            if (Gate is { } gate)
            {
                Entered.TrySetResult();
                await gate.Task;
            }
            Interlocked.Increment(ref Commits);
            await base.CommitAsync(commit, ct);
        }
    }

    [Fact]
    public async Task Answers_ThatArriveTogether_AreCommittedTogether_WithTheWorkTheyDispatch()
    {
        const string fanOut = """
            {"definitionId": "fan-out", "root": {"id": "root", "type": "Flowchart", "activities": [
              {"id": "items", "type": "ForEach", "parallelism": 4, "items": [1, 2, 3, 4, 5, 6, 7, 8]},
              {"id": "work", "type": "Emit", "value": 1}],
             "connections": [{"source": {"activity": "items", "port": "Iterate"}, "target": {"activity": "work", "port": "In"}}]}}
            """;
        var store = new GatedStore();
        var dispatcher = new ManualDispatcher();
        await using var engine = new EngineHarness(store, Options(), dispatcher: dispatcher);
        var instanceId = await engine.Runtime.StartAsync(new StartWorkflowRequest { Definition = engine.Parse(fanOut) });
        var first = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => dispatcher.NextAsync()));

        // The first answer's commit is held; the other three arrive meanwhile and wait in the runner's inbox.
        store.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var delivered = new List<Task> { engine.Runtime.DeliverAsync(ManualDispatcher.Completed(first[0])) };
        await store.Entered.Task.WaitAsync(TimeSpan.FromSeconds(20));
        delivered.AddRange(first.Skip(1).Select(c => engine.Runtime.DeliverAsync(ManualDispatcher.Completed(c))));
        var before = store.Commits;
        var gate = store.Gate;
        store.Gate = null;
        gate.SetResult();
        await Task.WhenAll(delivered).WaitAsync(TimeSpan.FromSeconds(20));

        // The held commit, then one for the three answers together with the three iterations they started.
        Assert.Equal(before + 2, store.Commits);
        var next = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => dispatcher.NextAsync()));
        foreach (var command in next) await engine.Runtime.DeliverAsync(ManualDispatcher.Completed(command));
        ResultAssert.Status(WorkflowStatus.Finished, await engine.Runtime.WaitAsync(instanceId));
        Assert.Equal(8, (await store.GetJournalAsync(instanceId)).Count(e => e.Kind == JournalKind.ActivityCompleted && e.ActivityId == "work"));
    }
}
