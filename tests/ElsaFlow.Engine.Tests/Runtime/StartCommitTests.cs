using ElsaFlow.Engine.Runtime;
using ElsaFlow.Engine.Runtime.Instances;
using ElsaFlow.Engine.Store;
using ElsaFlow.Engine.Tests.Support;

namespace ElsaFlow.Engine.Tests.Runtime;

/// <summary>A started instance's first commit is its own, carrying its first steps; its id comes only after that commit.</summary>
public sealed class StartCommitTests
{
    private const string Short = """
        {"definitionId": "short", "variables": [{"name": "n", "value": 0}], "root": {"id": "root", "type": "Sequence", "activities": [
          {"id": "hello", "type": "Log", "message": "start"},
          {"id": "set", "type": "SetVariable", "variable": "n", "value": {"expression": {"type": "JavaScript", "value": "variables.n + 5"}}}]}}
        """;

    private const string Loop = """
        {"definitionId": "loop", "variables": [{"name": "i", "value": 0}], "root": {"id": "root", "type": "Flowchart", "activities": [
          {"id": "loop", "type": "While", "condition": "variables.i < 500", "maxIterations": 1000},
          {"id": "step", "type": "SetVariable", "variable": "i", "value": {"expression": {"type": "JavaScript", "value": "variables.i + 1"}}}],
         "connections": [{"source": {"activity": "loop", "port": "Iterate"}, "target": {"activity": "step", "port": "In"}}]}}
        """;

    /// <summary>Records every commit; fails them while <see cref="Failing"/> says so.</summary>
    private sealed class RecordingStore() : DelegatingWorkflowStore(new InMemoryWorkflowStore())
    {
        public readonly List<InstanceCommit> Commits = [];
        public bool Failing;

        public override async Task CommitAsync(InstanceCommit commit, CancellationToken ct = default)
        {
            if (Failing) throw new IOException("the store is gone");
            await base.CommitAsync(commit, ct);
            lock (Commits) Commits.Add(commit);
        }
    }

    private static RuntimeOptions OnSuspend() => new() { CommitPolicy = CommitPolicy.OnSuspend, LeaseDuration = TimeSpan.FromSeconds(2) };

    [Fact]
    public async Task StartAsync_ShortFlowOnSuspend_IsOneCommitThatCreatesAndFinishesIt()
    {
        var store = new RecordingStore();
        await using var engine = new EngineHarness(store, OnSuspend());

        var result = await engine.Runtime.RunAsync(new StartWorkflowRequest { Definition = engine.Parse(Short) });

        ResultAssert.Status(WorkflowStatus.Finished, result);
        var commit = Assert.Single(store.Commits);
        Assert.Equal(0, commit.ExpectedRevision);
        Assert.Equal(WorkflowStatus.Finished, commit.Instance.Status);
        Assert.Equal(JournalKind.WorkflowStarted, commit.Journal[0].Kind);
    }

    [Fact]
    public async Task StartAsync_LongRunOfControlSteps_CommitsItsStartWithinTheFirstSteps()
    {
        var store = new RecordingStore();
        await using var engine = new EngineHarness(store, OnSuspend());

        var result = await engine.Runtime.RunAsync(new StartWorkflowRequest { Definition = engine.Parse(Loop) });

        ResultAssert.Status(WorkflowStatus.Finished, result);
        var first = store.Commits[0];
        Assert.Equal(WorkflowStatus.Running, first.Instance.Status);
        Assert.True(first.Journal.Count(e => e.Kind == JournalKind.ActivityCompleted) < InstanceRunner.FirstCommitSteps,
            $"the first commit carried {first.Journal.Count} journal entries");
        Assert.Equal(2, store.Commits.Count);
    }

    [Fact]
    public async Task StartAsync_FirstCommitFails_ThrowsTheStoreErrorAndNothingRuns()
    {
        var store = new RecordingStore { Failing = true };
        await using var engine = new EngineHarness(store, OnSuspend());

        var error = await Assert.ThrowsAsync<IOException>(() =>
            engine.Runtime.StartAsync(new StartWorkflowRequest { Definition = engine.Parse(Short), InstanceId = "lost" }).WaitAsync(TimeSpan.FromSeconds(20)));

        Assert.Equal("the store is gone", error.Message);
        Assert.Null(await store.GetInstanceAsync("lost"));
        Assert.False(engine.Runtime.RunsHere("lost"));
    }

    [Fact]
    public async Task StartAsync_IdTaken_ThrowsConflictAndLeavesTheInstance()
    {
        var store = new RecordingStore();
        await using var engine = new EngineHarness(store, OnSuspend());
        var definition = engine.Parse(Short);
        await engine.Runtime.RunAsync(new StartWorkflowRequest { Definition = definition, InstanceId = "taken" });

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            engine.Runtime.StartAsync(new StartWorkflowRequest { Definition = definition, InstanceId = "taken" }).WaitAsync(TimeSpan.FromSeconds(20)));

        var record = await store.GetInstanceAsync("taken");
        Assert.Equal(WorkflowStatus.Finished, record!.Status);
        Assert.Single(store.Commits);
    }
}
