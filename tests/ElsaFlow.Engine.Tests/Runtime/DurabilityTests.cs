using System.Text.Json.Nodes;
using ElsaFlow.Engine.Runtime;
using ElsaFlow.Engine.Runtime.State;
using ElsaFlow.Engine.Store;
using ElsaFlow.Engine.Tests.Support;

namespace ElsaFlow.Engine.Tests.Runtime;

public sealed class DurabilityTests
{
    private const string PauseFlow = """
        {"definitionId": "approval", "variables": [{"name": "decision", "value": null}],
         "root": {"id": "root", "type": "Sequence", "activities": [
           {"id": "ask", "type": "Pause", "name": "approve"},
           {"id": "record", "type": "SetVariable", "variable": "decision", "value": {"expression": {"type": "JavaScript", "value": "incoming.answer"}}}]}}
        """;

    [Fact]
    public async Task Pause_ThenResumeFromANewRuntime_FinishesWithThePayload()
    {
        var store = new InMemoryWorkflowStore();
        string instanceId, bookmarkId;
        await using (var first = new EngineHarness(store))
        {
            var waiting = await first.RunAsync(PauseFlow);
            ResultAssert.Status(WorkflowStatus.Suspended, waiting);
            var bookmark = Assert.Single(waiting.Bookmarks);
            Assert.Equal(("Pause", "approve", "ask"), (bookmark.Name, bookmark.MatchKey, bookmark.ActivityId));
            (instanceId, bookmarkId) = (waiting.InstanceId, bookmark.Id);
        }

        await using var second = new EngineHarness(store);
        await second.Runtime.ResumeAsync(bookmarkId, new JsonObject { ["answer"] = "yes" });
        var result = await second.Runtime.WaitAsync(instanceId);

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Equal("yes", result.Variables["decision"]!.GetValue<string>());
        Assert.Equal(["ask", "record", "root"], await second.CompletedAsync(instanceId));
    }

    [Fact]
    public async Task Resume_TwiceConcurrently_ExactlyOneWins()
    {
        await using var engine = new EngineHarness();
        var waiting = await engine.RunAsync(PauseFlow);
        var bookmarkId = waiting.Bookmarks.Single().Id;

        var attempts = Enumerable.Range(0, 2).Select(i => Task.Run(() => engine.Runtime.ResumeAsync(bookmarkId, new JsonObject { ["answer"] = $"r{i}" }))).ToList();
        var outcomes = await Task.WhenAll(attempts.Select(async t => { try { await t; return "won"; } catch (BookmarkConflictException e) { return e.Message; } }));

        Assert.Single(outcomes, "won");
        Assert.Contains(outcomes, o => o.Contains("already resumed"));
        var result = await engine.Runtime.WaitAsync(waiting.InstanceId);
        ResultAssert.Status(WorkflowStatus.Finished, result);
    }

    [Fact]
    public async Task Resume_ByNameAndMatchKey_AndUnknownBookmark_IsNotFound()
    {
        await using var engine = new EngineHarness();
        var waiting = await engine.RunAsync(PauseFlow);

        await Assert.ThrowsAsync<BookmarkNotFoundException>(() => engine.Runtime.ResumeAsync("no-such-bookmark"));
        await engine.Runtime.ResumeAsync(waiting.InstanceId, BookmarkNames.Pause, "approve", new JsonObject { ["answer"] = "ok" });
        var result = await engine.Runtime.WaitAsync(waiting.InstanceId);

        Assert.Equal("ok", result.Variables["decision"]!.GetValue<string>());
    }

    [Fact]
    public async Task Event_RaisedByName_ContinuesWithThePayload()
    {
        await using var engine = new EngineHarness();
        var waiting = await engine.RunAsync("""
        {"definitionId": "event", "variables": [{"name": "got", "value": null}],
         "root": {"id": "root", "type": "Sequence", "activities": [
           {"id": "wait", "type": "Event", "name": "order-paid"},
           {"id": "keep", "type": "SetVariable", "variable": "got", "value": {"expression": {"type": "JavaScript", "value": "outputs.wait.amount"}}}]}}
        """);
        Assert.Equal(("Event", "order-paid"), (waiting.Bookmarks.Single().Name, waiting.Bookmarks.Single().MatchKey));

        var resumed = await engine.Runtime.RaiseEventAsync("order-paid", new JsonObject { ["amount"] = 12.5 });
        var result = await engine.Runtime.WaitAsync(waiting.InstanceId);

        Assert.Equal(1, resumed);
        Assert.Equal(12.5, result.Variables["got"]!.GetValue<double>());
    }

    [Fact]
    public async Task Delay_SurvivesARestart()
    {
        // The nap is long enough that the first engine is gone before it ends, even on a loaded CI machine.
        var store = new InMemoryWorkflowStore();
        string instanceId;
        await using (var first = new EngineHarness(store))
        {
            instanceId = await first.Runtime.StartAsync(new StartWorkflowRequest { Definition = first.Parse("""
            {"definitionId": "nap", "root": {"id": "root", "type": "Sequence", "activities": [
               {"id": "nap", "type": "Delay", "duration": "00:00:04"},
               {"id": "woke", "type": "Log", "message": "awake"}]}}
            """) });
            await WaitForStatusAsync(store, instanceId, WorkflowStatus.Suspended);
        }
        Assert.Equal(WorkflowStatus.Suspended, (await store.GetInstanceAsync(instanceId))!.Status);

        await using var second = new EngineHarness(store);
        await second.Runtime.RecoverAsync();
        var result = await second.Runtime.WaitAsync(instanceId).WaitAsync(TimeSpan.FromSeconds(30));

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Equal(["nap", "woke", "root"], await second.CompletedAsync(instanceId));
    }

    [Fact]
    public async Task SubFlow_MapsItsOutputsBack()
    {
        var folder = Directory.CreateTempSubdirectory("elsaflow-subflow").FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "child.json"), """
            {"definitionId": "child", "inputs": [{"name": "x"}], "root": {"id": "root", "type": "Sequence", "activities": [
               {"id": "done", "type": "Finish", "outputs": {"doubled": {"expression": {"type": "JavaScript", "value": "inputs.x * 2"}}}}]}}
            """);
        await File.WriteAllTextAsync(Path.Combine(folder, "parent.json"), """
            {"definitionId": "parent", "variables": [{"name": "result", "value": 0}],
             "root": {"id": "root", "type": "Sequence", "activities": [
               {"id": "call", "type": "SubFlow", "definition": "child.json", "inputs": {"x": 21}},
               {"id": "keep", "type": "SetVariable", "variable": "result", "value": {"expression": {"type": "JavaScript", "value": "outputs.call.doubled"}}}]}}
            """);
        await using var engine = new EngineHarness();

        var definition = engine.Reader.LoadFile(Path.Combine(folder, "parent.json"));
        var result = await engine.Runtime.RunAsync(new StartWorkflowRequest { Definition = definition });

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Equal(42, result.Variables["result"]!.GetValue<int>());
        var children = await engine.Store.ListInstancesAsync(new InstanceQuery { ParentInstanceId = result.InstanceId });
        Assert.Equal(WorkflowStatus.Finished, Assert.Single(children.Items).Status);
    }

    [Fact]
    public async Task Cancel_CascadesToTheSubFlowItWaitsOn()
    {
        var folder = Directory.CreateTempSubdirectory("elsaflow-cancel").FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "child.json"), """
            {"definitionId": "waiting-child", "root": {"id": "root", "type": "Sequence", "activities": [{"id": "hold", "type": "Pause"}]}}
            """);
        await File.WriteAllTextAsync(Path.Combine(folder, "parent.json"), """
            {"definitionId": "cancel-parent", "root": {"id": "root", "type": "Sequence", "activities": [
               {"id": "call", "type": "SubFlow", "definition": "child.json"}]}}
            """);
        await using var engine = new EngineHarness();
        var waiting = await engine.Runtime.RunAsync(new StartWorkflowRequest { Definition = engine.Reader.LoadFile(Path.Combine(folder, "parent.json")) });
        ResultAssert.Status(WorkflowStatus.Suspended, waiting);
        Assert.Equal("hold", waiting.Bookmarks.Single().ActivityId); // the child's wait is reported through the parent
        var childId = (await engine.Store.ListInstancesAsync(new InstanceQuery { ParentInstanceId = waiting.InstanceId })).Items.Single().Id;

        await engine.Runtime.CancelAsync(waiting.InstanceId);
        await WaitForStatusAsync(engine.Store, childId, WorkflowStatus.Cancelled);

        Assert.Equal(WorkflowStatus.Cancelled, (await engine.Store.GetInstanceAsync(waiting.InstanceId))!.Status);
        Assert.Empty(await engine.Store.ListBookmarksAsync(childId));
    }

    [Fact]
    public async Task Retry_AFaultedInstance_ContinuesFromTheFailedActivity()
    {
        await using var engine = new EngineHarness();
        var key = Guid.NewGuid().ToString();
        var faulted = await engine.RunAsync($$$"""
        {"definitionId": "retry-instance", "root": {"id": "root", "type": "Sequence", "activities": [
           {"id": "first", "type": "Log", "message": "once"},
           {"id": "flaky", "type": "Flaky", "failTimes": 1, "key": "{{{key}}}"},
           {"id": "last", "type": "Log", "message": "end"}]}}
        """);
        ResultAssert.Status(WorkflowStatus.Faulted, faulted);

        await engine.Runtime.RetryAsync(faulted.InstanceId);
        var result = await engine.Runtime.WaitAsync(faulted.InstanceId);

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Equal(["first", "flaky", "last", "root"], await engine.CompletedAsync(faulted.InstanceId));
        Assert.Equal(2, Flaky.Calls[key]);
        await Assert.ThrowsAsync<InvalidInstanceStateException>(() => engine.Runtime.RetryAsync(faulted.InstanceId));
    }

    [Fact]
    public async Task LongLoop_KeepsTheStateDocumentSmall()
    {
        await using var engine = new EngineHarness();
        var result = await engine.RunAsync("""
        {"definitionId": "long", "variables": [{"name": "i", "value": 0}],
         "root": {"id": "root", "type": "Flowchart", "activities": [
           {"id": "loop", "type": "While", "condition": "variables.i < 10000", "maxIterations": 10000},
           {"id": "even", "type": "If", "condition": "variables.i % 2 == 0"},
           {"id": "inc", "type": "SetVariable", "variable": "i", "value": {"expression": {"type": "JavaScript", "value": "variables.i + 1"}}},
           {"id": "inc2", "type": "SetVariable", "variable": "i", "value": {"expression": {"type": "JavaScript", "value": "variables.i + 1"}}}
         ],
         "connections": [
           {"source": {"activity": "loop", "port": "Iterate"}, "target": {"activity": "even", "port": "In"}},
           {"source": {"activity": "even", "port": "True"}, "target": {"activity": "inc", "port": "In"}},
           {"source": {"activity": "even", "port": "False"}, "target": {"activity": "inc2", "port": "In"}}
         ]}}
        """);

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Equal(10000, result.Variables["i"]!.GetValue<int>());
        var record = await engine.Store.GetInstanceAsync(result.InstanceId);
        Assert.True(record!.StateJson.Length < 64 * 1024, $"state is {record.StateJson.Length} bytes");
    }

    private static async Task WaitForStatusAsync(IWorkflowStore store, string instanceId, WorkflowStatus status)
    {
        for (var i = 0; i < 200; i++)
        {
            if ((await store.GetInstanceAsync(instanceId))?.Status == status) return;
            await Task.Delay(50);
        }
        Assert.Fail($"instance {instanceId} never reached {status}");
    }
}
