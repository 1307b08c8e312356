using ElsaFlow.Activities.Tests.Support;
using ElsaFlow.Engine.Store;

namespace ElsaFlow.Activities.Tests.Importers;

/// <summary>Elsa 3 definitions (written for these tests in Elsa's JSON) run unchanged, with the lines and status Elsa gives.</summary>
public sealed class Elsa3ImportTests : IAsyncDisposable
{
    private readonly DataHarness _data = new();

    public async ValueTask DisposeAsync() => await _data.DisposeAsync();

    private static string Line(string id, string text, string type = "Literal") =>
        "{\"id\": \"" + id + "\", \"type\": \"Elsa.WriteLine\", \"text\": {\"typeName\": \"String\", \"expression\": {\"type\": \"" + type
        + "\", \"value\": " + System.Text.Json.JsonSerializer.Serialize(text) + "} } }";

    [Fact]
    public async Task Import_ForkIntoJoinWithObjectConnections_WritesEveryLineThenEnd()
    {
        var result = await ImportedFlows.RunAsync(_data, "fork.json", $$$"""
            {"definitionId": "fork-join", "name": "Fork", "root": {"type": "Elsa.Flowchart", "id": "flow-1", "nodeId": "Workflow1:x",
             "metadata": {"designer": {}}, "activities": [
              {"id": "f-1", "type": "Elsa.FlowFork", "branches": {"typeName": "String[]", "expression": {"type": "Object", "value": "[\"A\",\"B\"]"} } },
              {{{Line("a", "Line A")}}}, {{{Line("b", "Line B")}}},
              {"id": "j", "type": "Elsa.FlowJoin", "mode": {"typeName": "Elsa.Workflows.Core.Activities.Flowchart.Models.FlowJoinMode, Elsa.Workflows.Core", "expression": {"type": "Literal", "value": "WaitAll"} } },
              {{{Line("end", "End")}}}],
             "connections": [
              {"source": {"activity": "f-1", "port": "A"}, "target": {"activity": "a", "port": "In"}},
              {"source": {"activity": "f-1", "port": "B"}, "target": {"activity": "b", "port": "In"}},
              {"source": {"activity": "a", "port": "Done"}, "target": {"activity": "j", "port": "In"}},
              {"source": {"activity": "b", "port": "Done"}, "target": {"activity": "j", "port": "In"}},
              {"source": {"activity": "j", "port": "Done"}, "target": {"activity": "end", "port": "In"}}]}}
            """);

        ResultAssert.Status(WorkflowStatus.Finished, result);
        var lines = await ImportedFlows.LinesAsync(_data, result);
        Assert.Equal(["Line A", "Line B"], lines.Take(2).Order());
        Assert.Equal("End", lines.Last());
        Assert.Equal(3, lines.Count);
    }

    [Fact]
    public async Task Import_FlatConnectionsAndImplicitJoin_RunsTheJoinedActivityOnce()
    {
        var result = await ImportedFlows.RunAsync(_data, "flat.json", $$$"""
            {"root": {"type": "Elsa.Flowchart", "id": "fc", "activities": [
              {"id": "start", "type": "Elsa.Start"},
              {{{Line("one", "one")}}}, {{{Line("two", "two")}}}, {{{Line("after", "after")}}}],
             "connections": [
              {"source": "start", "sourcePort": "Done", "target": "one", "targetPort": "In"},
              {"source": "start", "sourcePort": "Done", "target": "two", "targetPort": "In"},
              {"source": "one", "sourcePort": "Done", "target": "after", "targetPort": "In"},
              {"source": "two", "sourcePort": "Done", "target": "after", "targetPort": "In"}]}}
            """);

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Equal(["after"], await _data.LogsAsync(result, "after"));
    }

    [Fact]
    public async Task Import_ForEachWithCurrentValueVariable_WritesEachItemWithGetVariable()
    {
        var result = await ImportedFlows.RunAsync(_data, "each.json", """
            {"definitionId": "each", "variables": [{"id": "v1", "name": "Current", "typeName": "String", "value": ""}],
             "root": {"id": "s", "type": "Elsa.Sequence", "activities": [
              {"id": "loop", "type": "Elsa.ForEach",
               "items": {"typeName": "Object[]", "expression": {"type": "JavaScript", "value": "['x', 'y']"}},
               "currentValue": {"typeName": "Object", "memoryReference": {"id": "v1"}},
               "body": {"id": "w", "type": "Elsa.WriteLine", "text": {"typeName": "String", "expression": {"type": "JavaScript", "value": "'item ' + getVariable('Current') + '/' + getCurrent()"} } }}]}}
            """);

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Equal(["item x/x", "item y/y"], await _data.LogsAsync(result, "w"));
        Assert.Equal("y", result.Variables["Current"]!.GetValue<string>());
    }

    [Fact]
    public async Task Import_SetVariableWhileAndDecisionWithReturn_CountsAndBranches()
    {
        var result = await ImportedFlows.RunAsync(_data, "while.json", """
            {"definitionId": "count", "variables": [{"id": "c", "name": "Counter", "typeName": "Int32", "value": "0"}],
             "root": {"id": "s", "type": "Elsa.Sequence", "activities": [
              {"id": "loop", "type": "Elsa.While", "condition": {"typeName": "Boolean", "expression": {"type": "JavaScript", "value": "getCounter() < 3"}},
               "body": {"id": "inc", "type": "Elsa.SetVariable", "variable": {"id": "c", "name": "Counter"},
                        "value": {"typeName": "Object", "expression": {"type": "JavaScript", "value": "getVariable('Counter') + 1"} } }},
              {"id": "fc", "type": "Elsa.Flowchart", "activities": [
                {"id": "d", "type": "Elsa.FlowDecision", "condition": {"typeName": "Boolean", "expression": {"type": "JavaScript", "value": "if (getCounter() == 3) { return true; } return false;"} } },
                {"id": "yes", "type": "Elsa.WriteLine", "text": {"typeName": "String", "expression": {"type": "Liquid", "value": "three: {{ Variables.Counter }}"} } },
                {"id": "no", "type": "Elsa.WriteLine", "text": {"typeName": "String", "expression": {"type": "Literal", "value": "not three"} } }],
               "connections": [
                {"source": {"activity": "d", "port": "True"}, "target": {"activity": "yes", "port": "In"}},
                {"source": {"activity": "d", "port": "False"}, "target": {"activity": "no", "port": "In"}}]}]}}
            """);

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Equal(3, result.Variables["Counter"]!.GetValue<double>());
        Assert.Empty(await _data.LogsAsync(result, "no"));
        Assert.Single(await _data.LogsAsync(result, "yes"));
    }

    [Fact]
    public async Task Import_IfWithThenElseAndFlowSwitch_TakesTheMatchingBranches()
    {
        var result = await ImportedFlows.RunAsync(_data, "branches.json", """
            {"definitionId": "branches", "variables": [{"id": "x", "name": "X", "typeName": "Int32", "value": "7"}],
             "root": {"id": "s", "type": "Elsa.Sequence", "activities": [
              {"id": "if1", "type": "Elsa.If", "condition": {"typeName": "Boolean", "expression": {"type": "JavaScript", "value": "getX() > 5"}},
               "then": {"id": "big", "type": "Elsa.WriteLine", "text": {"typeName": "String", "expression": {"type": "Literal", "value": "big"}}},
               "else": {"id": "small", "type": "Elsa.WriteLine", "text": {"typeName": "String", "expression": {"type": "Literal", "value": "small"}}}},
              {"id": "fc", "type": "Elsa.Flowchart", "activities": [
                {"id": "sw", "type": "Elsa.FlowSwitch", "cases": [
                  {"label": "Seven", "condition": {"type": "JavaScript", "value": "getVariable('X') === 7"}},
                  {"label": "Eight", "condition": {"type": "JavaScript", "value": "getVariable('X') === 8"}}]},
                {"id": "seven", "type": "Elsa.WriteLine", "text": {"typeName": "String", "expression": {"type": "Literal", "value": "seven"}}},
                {"id": "eight", "type": "Elsa.WriteLine", "text": {"typeName": "String", "expression": {"type": "Literal", "value": "eight"}}}],
               "connections": [
                {"source": "sw", "sourcePort": "Seven", "target": "seven", "targetPort": "In"},
                {"source": "sw", "sourcePort": "Eight", "target": "eight", "targetPort": "In"}]}]}}
            """);

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Equal(["big", "seven"], (await ImportedFlows.LinesAsync(_data, result)).Where(l => l is "big" or "small" or "seven" or "eight"));
    }

    [Fact]
    public async Task Import_FinishInASequence_EndsTheWorkflowBeforeTheNextLine()
    {
        var result = await ImportedFlows.RunAsync(_data, "finish.json", $$$"""
            {"definitionId": "finish", "root": {"id": "s", "type": "Elsa.Sequence", "activities": [
              {{{Line("l1", "Line 1")}}}, {"id": "f", "type": "Elsa.Finish"}, {{{Line("l2", "Line 2")}}}]}}
            """);

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Equal(["Line 1"], (await ImportedFlows.LinesAsync(_data, result)).Where(l => l.StartsWith("Line")));
    }

    [Fact]
    public async Task Import_Fault_FaultsTheInstanceWithItsMessage()
    {
        var result = await ImportedFlows.RunAsync(_data, "fault.json", """
            {"definitionId": "fault", "root": {"id": "s", "type": "Elsa.Sequence", "activities": [
              {"id": "bad", "type": "Elsa.Fault", "message": {"typeName": "String", "expression": {"type": "Literal", "value": "boom"} } }]}}
            """);

        ResultAssert.Status(WorkflowStatus.Faulted, result);
        Assert.Contains("boom", result.Error);
    }

    [Fact]
    public void Import_UnknownElsaType_IsRefusedNamingTheActivity()
    {
        var loaded = _data.LoadFile(_data.PathOf(_data.WriteFile("unknown.json", """
            {"definitionId": "u", "root": {"id": "s", "type": "Elsa.Sequence", "activities": [{"id": "m", "type": "Elsa.SendEmail"}]}}
            """)));

        Assert.Null(loaded.Definition);
        var problem = Assert.Single(loaded.Problems);
        Assert.Equal(("u", "m", "type"), (problem.DefinitionId, problem.ActivityId, problem.Field));
        Assert.Contains("Elsa.SendEmail", problem.Message);
    }
    [Fact]
    public void Import_FlowSendHttpRequestStatusPorts_BecomeASwitchOnTheStatus()
    {
        var loaded = _data.LoadFile(_data.PathOf(_data.WriteFile("http.json", """
            {"definitionId": "call", "root": {"id": "fc", "type": "Elsa.Flowchart", "activities": [
              {"id": "req", "type": "Elsa.FlowSendHttpRequest", "url": {"typeName": "Uri", "expression": {"type": "Literal", "value": "http://127.0.0.1:1/x"}},
               "method": {"typeName": "String", "expression": {"type": "Literal", "value": "GET"}}},
              {"id": "missing", "type": "Elsa.WriteLine", "text": {"typeName": "String", "expression": {"type": "Literal", "value": "404"}}},
              {"id": "always", "type": "Elsa.WriteLine", "text": {"typeName": "String", "expression": {"type": "Literal", "value": "done"}}}],
             "connections": [
              {"source": {"activity": "req", "port": "404"}, "target": {"activity": "missing", "port": "In"}},
              {"source": {"activity": "req", "port": "Done"}, "target": {"activity": "always", "port": "In"}}]}}
            """)));

        Assert.True(loaded.IsValid, string.Join("\n", loaded.Problems));
        var root = loaded.Definition!.Root;
        var status = Assert.Single(root.Activities, a => a.Id == "req_status");
        Assert.Equal("Switch", status.Type);
        Assert.Contains(root.Connections, c => c.Source.Activity == "req_status" && c.Source.Port == "404" && c.Target.Activity == "missing");
        Assert.Contains(root.Connections, c => c.Source.Activity == "req" && c.Source.Port == "Done" && c.Target.Activity == "always");
    }
}
