using System.Text.Json.Nodes;
using ElsaFlow.Engine.Store;
using ElsaFlow.Engine.Tests.Support;

namespace ElsaFlow.Engine.Tests.Runtime;

public sealed class ControlFlowTests : IAsyncLifetime
{
    private readonly EngineHarness _engine = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _engine.DisposeAsync();

    [Fact]
    public async Task Sequence_RunsChildrenInOrder_AndSetsVariables()
    {
        var result = await _engine.RunAsync("""
        {"definitionId": "seq", "inputs": [{"name": "who"}], "variables": [{"name": "greeting", "value": ""}],
         "root": {"id": "root", "type": "Sequence", "activities": [
           {"id": "set", "type": "SetVariable", "variable": "greeting", "value": {"expression": {"type": "JavaScript", "value": "'hello ' + inputs.who"}}},
           {"id": "log", "type": "Log", "message": "said ${greeting}"}
         ]}}
        """, new JsonObject { ["who"] = "world" });

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Equal("hello world", result.Variables["greeting"]!.GetValue<string>());
        Assert.Equal(["set", "log", "root"], await _engine.CompletedAsync(result.InstanceId));
        var log = Assert.Single(await _engine.Store.GetLogsAsync(result.InstanceId));
        Assert.Equal("said hello world", log.Message);
        Assert.Equal("log", log.ActivityId);
    }

    [Theory]
    [InlineData(5, "big")]
    [InlineData(1, "small")]
    public async Task If_FollowedByWaitAllJoin_RunsOneBranchAndFinishes(int amount, string expected)
    {
        var result = await _engine.RunAsync("""
        {"definitionId": "if-join", "inputs": [{"name": "amount", "type": "Number"}], "variables": [{"name": "size", "value": null}],
         "root": {"id": "root", "type": "Flowchart", "activities": [
           {"id": "check", "type": "If", "condition": "inputs.amount > 3"},
           {"id": "big", "type": "SetVariable", "variable": "size", "value": "big"},
           {"id": "small", "type": "SetVariable", "variable": "size", "value": "small"},
           {"id": "join", "type": "Join", "mode": "WaitAll"},
           {"id": "after", "type": "Log", "message": "size is ${size}"}
         ],
         "connections": [
           {"source": {"activity": "check", "port": "True"}, "target": {"activity": "big", "port": "In"}},
           {"source": {"activity": "check", "port": "False"}, "target": {"activity": "small", "port": "In"}},
           {"source": {"activity": "big", "port": "Done"}, "target": {"activity": "join", "port": "In"}},
           {"source": {"activity": "small", "port": "Done"}, "target": {"activity": "join", "port": "In"}},
           {"source": {"activity": "join", "port": "Done"}, "target": {"activity": "after", "port": "In"}}
         ]}}
        """, new JsonObject { ["amount"] = amount });

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Equal(expected, result.Variables["size"]!.GetValue<string>());
        Assert.Equal(["check", expected, "join", "after", "root"], await _engine.CompletedAsync(result.InstanceId));
    }

    [Theory]
    [InlineData("MatchFirst", 15, "a")]
    [InlineData("MatchAny", 15, "a,b")]
    [InlineData("MatchFirst", 1, "Default")]
    public async Task Switch_FollowsMatchingCases(string mode, int value, string expectedPorts)
    {
        var result = await _engine.RunAsync("""
        {"definitionId": "switch", "inputs": [{"name": "v", "type": "Number"}], "root": {"id": "root", "type": "Flowchart", "activities": [
           {"id": "route", "type": "Switch", "mode": "MODE", "cases": [
              {"name": "a", "condition": "inputs.v > 10"},
              {"name": "b", "condition": {"expression": {"type": "JavaScript", "value": "inputs.v > 5"}}}]}
         ]}}
        """.Replace("MODE", mode), new JsonObject { ["v"] = value });

        var journal = await _engine.Store.GetJournalAsync(result.InstanceId);
        var completed = journal.Single(e => e.ActivityId == "route" && e.Kind == JournalKind.ActivityCompleted);
        Assert.Equal(expectedPorts, completed.Port);
    }

    [Fact]
    public async Task For_IsInclusive_AndSeesItemAndIndex()
    {
        var result = await _engine.RunAsync("""
        {"definitionId": "for", "variables": [{"name": "sum", "value": 0}, {"name": "indexes", "value": ""}],
         "root": {"id": "root", "type": "Flowchart", "activities": [
           {"id": "loop", "type": "For", "from": 1, "to": 5},
           {"id": "add", "type": "SetVariable", "variable": "sum", "value": {"expression": {"type": "JavaScript", "value": "variables.sum + item"}}},
           {"id": "idx", "type": "SetVariable", "variable": "indexes", "value": {"expression": {"type": "JavaScript", "value": "variables.indexes + index"}}},
           {"id": "done", "type": "Log", "message": "sum ${sum}"}
         ],
         "connections": [
           {"source": {"activity": "loop", "port": "Iterate"}, "target": {"activity": "add", "port": "In"}},
           {"source": {"activity": "add", "port": "Done"}, "target": {"activity": "idx", "port": "In"}},
           {"source": {"activity": "loop", "port": "Done"}, "target": {"activity": "done", "port": "In"}}
         ]}}
        """);

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Equal(15, result.Variables["sum"]!.GetValue<int>());
        Assert.Equal("01234", result.Variables["indexes"]!.GetValue<string>());
        Assert.Equal("sum 15", _engine.Observer.Logs.Single(l => l.InstanceId == result.InstanceId).Message);
    }

    [Fact]
    public async Task ForEach_WithParallelism4_RunsIterationsConcurrently()
    {
        var result = await _engine.RunAsync("""
        {"definitionId": "foreach", "variables": [{"name": "seen", "value": []}],
         "root": {"id": "root", "type": "Flowchart", "activities": [
           {"id": "loop", "type": "ForEach", "items": [1, 2, 3, 4, 5, 6, 7, 8], "parallelism": 4},
           {"id": "meet", "type": "Barrier", "parties": 4, "key": "foreach-4"},
           {"id": "note", "type": "SetVariable", "variable": "seen", "value": {"expression": {"type": "JavaScript", "value": "variables.seen.concat([item])"}}}
         ],
         "connections": [
           {"source": {"activity": "loop", "port": "Iterate"}, "target": {"activity": "meet", "port": "In"}},
           {"source": {"activity": "meet", "port": "Done"}, "target": {"activity": "note", "port": "In"}}
         ]}}
        """);

        ResultAssert.Status(WorkflowStatus.Finished, result);
        var seen = result.Variables["seen"]!.AsArray().Select(n => n!.GetValue<int>()).Order().ToList();
        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8], seen);
    }

    [Fact]
    public async Task Fork_BranchesOverlap_AndWaitAllJoinContinuesOnce()
    {
        var result = await _engine.RunAsync("""
        {"definitionId": "fork", "root": {"id": "root", "type": "Flowchart", "activities": [
           {"id": "fork", "type": "Fork", "branches": ["a", "b", "c"]},
           {"id": "a", "type": "Barrier", "parties": 3, "key": "fork-3"},
           {"id": "b", "type": "Barrier", "parties": 3, "key": "fork-3"},
           {"id": "c", "type": "Barrier", "parties": 3, "key": "fork-3"},
           {"id": "join", "type": "Join"},
           {"id": "end", "type": "Log", "message": "joined"}
         ],
         "connections": [
           {"source": {"activity": "fork", "port": "a"}, "target": {"activity": "a", "port": "In"}},
           {"source": {"activity": "fork", "port": "b"}, "target": {"activity": "b", "port": "In"}},
           {"source": {"activity": "fork", "port": "c"}, "target": {"activity": "c", "port": "In"}},
           {"source": {"activity": "a", "port": "Done"}, "target": {"activity": "join", "port": "In"}},
           {"source": {"activity": "b", "port": "Done"}, "target": {"activity": "join", "port": "In"}},
           {"source": {"activity": "c", "port": "Done"}, "target": {"activity": "join", "port": "In"}},
           {"source": {"activity": "join", "port": "Done"}, "target": {"activity": "end", "port": "In"}}
         ]}}
        """);

        ResultAssert.Status(WorkflowStatus.Finished, result);
        var completed = await _engine.CompletedAsync(result.InstanceId);
        Assert.Single(completed, "join");
        Assert.Single(completed, "end");
        Assert.Equal(["a", "b", "c"], completed.Where(c => c.Length == 1).Order());
    }

    [Fact]
    public async Task BackEdgeLoop_Runs1000Iterations()
    {
        var result = await _engine.RunAsync("""
        {"definitionId": "cycle", "variables": [{"name": "i", "value": 0}],
         "root": {"id": "root", "type": "Flowchart", "activities": [
           {"id": "check", "type": "If", "condition": "variables.i < 1000"},
           {"id": "inc", "type": "SetVariable", "variable": "i", "value": {"expression": {"type": "JavaScript", "value": "variables.i + 1"}}},
           {"id": "done", "type": "Log", "message": "i=${i}"}
         ],
         "connections": [
           {"source": {"activity": "check", "port": "True"}, "target": {"activity": "inc", "port": "In"}},
           {"source": {"activity": "inc", "port": "Done"}, "target": {"activity": "check", "port": "In"}},
           {"source": {"activity": "check", "port": "False"}, "target": {"activity": "done", "port": "In"}}
         ]}}
        """);

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Equal(1000, result.Variables["i"]!.GetValue<int>());
        var completed = await _engine.CompletedAsync(result.InstanceId);
        Assert.Equal(1001, completed.Count(c => c == "check"));
        Assert.Equal(1000, completed.Count(c => c == "inc"));
        Assert.Equal("done", completed[^2]);
    }

    [Fact]
    public async Task BackEdgeLoop_WithoutExit_FaultsOnMaxVisits()
    {
        var result = await _engine.RunAsync("""
        {"definitionId": "endless", "variables": [{"name": "i", "value": 0}],
         "root": {"id": "root", "type": "Flowchart", "maxVisits": 50, "activities": [
           {"id": "a", "type": "SetVariable", "variable": "i", "value": {"expression": {"type": "JavaScript", "value": "variables.i + 1"}}},
           {"id": "b", "type": "Log", "message": "again"}
         ],
         "connections": [
           {"source": {"activity": "a", "port": "Done"}, "target": {"activity": "b", "port": "In"}},
           {"source": {"activity": "b", "port": "Done"}, "target": {"activity": "a", "port": "In"}}
         ]}}
        """);

        ResultAssert.Status(WorkflowStatus.Faulted, result);
        Assert.Equal("a", result.FaultedActivityId);
        Assert.Contains("more than 50 times (maxVisits)", result.Error);
        Assert.Equal(51, result.Variables["i"]!.GetValue<int>());
    }

    [Fact]
    public async Task While_LoopsUntilConditionFails_AndBreakEndsIt()
    {
        var result = await _engine.RunAsync("""
        {"definitionId": "while", "variables": [{"name": "i", "value": 0}],
         "root": {"id": "root", "type": "Flowchart", "activities": [
           {"id": "loop", "type": "While", "condition": "true"},
           {"id": "inc", "type": "SetVariable", "variable": "i", "value": {"expression": {"type": "JavaScript", "value": "variables.i + 1"}}},
           {"id": "enough", "type": "If", "condition": "variables.i >= 7"},
           {"id": "stop", "type": "Break"},
           {"id": "after", "type": "Log", "message": "stopped at ${i}"}
         ],
         "connections": [
           {"source": {"activity": "loop", "port": "Iterate"}, "target": {"activity": "inc", "port": "In"}},
           {"source": {"activity": "inc", "port": "Done"}, "target": {"activity": "enough", "port": "In"}},
           {"source": {"activity": "enough", "port": "True"}, "target": {"activity": "stop", "port": "In"}},
           {"source": {"activity": "loop", "port": "Done"}, "target": {"activity": "after", "port": "In"}}
         ]}}
        """);

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Equal(7, result.Variables["i"]!.GetValue<int>());
        Assert.Contains(_engine.Observer.Logs, l => l.InstanceId == result.InstanceId && l.Message == "stopped at 7");
    }

    [Fact]
    public async Task While_PastMaxIterations_FaultsNamingTheGuard()
    {
        var result = await _engine.RunAsync("""
        {"definitionId": "while-guard", "root": {"id": "root", "type": "Flowchart", "activities": [
           {"id": "loop", "type": "While", "condition": "true", "maxIterations": 20}]}}
        """);

        ResultAssert.Status(WorkflowStatus.Faulted, result);
        Assert.Equal("loop", result.FaultedActivityId);
        Assert.Contains("maxIterations", result.Error);
        Assert.Contains("20 iterations", result.Error);
    }

    [Fact]
    public async Task Finish_EndsInstanceWithOutputs()
    {
        var result = await _engine.RunAsync("""
        {"definitionId": "finish", "root": {"id": "root", "type": "Sequence", "activities": [
           {"id": "end", "type": "Finish", "outputs": {"answer": {"expression": {"type": "JavaScript", "value": "6 * 7"}}, "word": "fine"}},
           {"id": "never", "type": "Log", "message": "unreachable"}]}}
        """);

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Equal(42, result.Outputs["answer"]!.GetValue<int>());
        Assert.Equal("fine", result.Outputs["word"]!.GetValue<string>());
        Assert.DoesNotContain("never", await _engine.CompletedAsync(result.InstanceId));
    }

    [Fact]
    public async Task Sequence_FinishAfterTheFirstChild_StopsTheChildrenAfterIt()
    {
        var result = await _engine.RunAsync("""
        {"definitionId": "finish-later", "root": {"id": "root", "type": "Sequence", "activities": [
           {"id": "first", "type": "Log", "message": "one"},
           {"id": "end", "type": "Finish"},
           {"id": "never", "type": "Log", "message": "unreachable"}]}}
        """);

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Equal(["first", "end"], await _engine.CompletedAsync(result.InstanceId));
    }

    [Fact]
    public async Task Sequence_SwitchCaseMatched_ContinuesWithTheNextChild()
    {
        var result = await _engine.RunAsync("""
        {"definitionId": "switch-in-sequence", "root": {"id": "root", "type": "Sequence", "activities": [
           {"id": "route", "type": "Switch", "cases": [{"name": "always", "condition": "true"}]},
           {"id": "next", "type": "Log", "message": "after the switch"}]}}
        """);

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Equal(["route", "next", "root"], await _engine.CompletedAsync(result.InstanceId));
    }

    [Fact]
    public async Task Fault_FaultsInstanceWithItsMessage()
    {
        var result = await _engine.RunAsync("""
        {"definitionId": "fault", "inputs": [{"name": "code", "type": "Number"}], "root": {"id": "root", "type": "Sequence", "activities": [
           {"id": "boom", "type": "Fault", "message": "bad input ${code}"}]}}
        """, new JsonObject { ["code"] = 17 });

        ResultAssert.Status(WorkflowStatus.Faulted, result);
        Assert.Equal("boom", result.FaultedActivityId);
        Assert.Equal("bad input 17", result.Error);
    }

    [Fact]
    public async Task ExpressionError_FaultsNamingActivityAndField()
    {
        var result = await _engine.RunAsync("""
        {"definitionId": "bad-expr", "root": {"id": "root", "type": "Sequence", "activities": [
           {"id": "check", "type": "If", "condition": "nosuchthing.x > 1"}]}}
        """);

        ResultAssert.Status(WorkflowStatus.Faulted, result);
        Assert.Equal("check", result.FaultedActivityId);
        Assert.Contains("condition", result.Error);
        Assert.Contains("nosuchthing", result.Error);
    }
}
