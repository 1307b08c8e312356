using System.Text.Json.Nodes;
using ElsaFlow.Activities.Tests.Support;
using ElsaFlow.Engine.Loading.Exporters;
using ElsaFlow.Engine.Store;

namespace ElsaFlow.Activities.Tests.Importers;

/// <summary>A native flow exported as Elsa 3 and imported again runs as the original does.</summary>
public sealed class Elsa3RoundTripTests : IAsyncDisposable
{
    private readonly DataHarness _data = new();

    public async ValueTask DisposeAsync() => await _data.DisposeAsync();

    private const string Native = """
        {"definitionId": "round", "name": "Round trip", "variables": [{"name": "greeting", "value": ""}],
         "root": {"id": "root", "type": "Flowchart", "activities": [
           {"id": "set", "type": "SetVariable", "variable": "greeting", "value": {"expression": {"type": "JavaScript", "value": "'Hello, ' + 'you'"}}},
           {"id": "check", "type": "If", "condition": {"expression": {"type": "JavaScript", "value": "variables.greeting.length > 3"}}},
           {"id": "yes", "type": "Log", "message": "${greeting}!"},
           {"id": "no", "type": "Log", "message": "short"},
           {"id": "fork", "type": "Fork", "branches": ["a", "b"]},
           {"id": "la", "type": "Log", "message": "branch a"},
           {"id": "lb", "type": "Log", "message": "branch b"},
           {"id": "join", "type": "Join", "mode": "WaitAll"},
           {"id": "end", "type": "Log", "message": "end"}],
          "connections": [
           {"source": {"activity": "set", "port": "Done"}, "target": {"activity": "check", "port": "In"}},
           {"source": {"activity": "check", "port": "True"}, "target": {"activity": "yes", "port": "In"}},
           {"source": {"activity": "check", "port": "False"}, "target": {"activity": "no", "port": "In"}},
           {"source": {"activity": "yes", "port": "Done"}, "target": {"activity": "fork", "port": "In"}},
           {"source": {"activity": "fork", "port": "a"}, "target": {"activity": "la", "port": "In"}},
           {"source": {"activity": "fork", "port": "b"}, "target": {"activity": "lb", "port": "In"}},
           {"source": {"activity": "la", "port": "Done"}, "target": {"activity": "join", "port": "In"}},
           {"source": {"activity": "lb", "port": "Done"}, "target": {"activity": "join", "port": "In"}},
           {"source": {"activity": "join", "port": "Done"}, "target": {"activity": "end", "port": "In"}}]}}
        """;

    [Fact]
    public async Task Export_ThenImport_RunsWithTheSameLines()
    {
        var elsa = Elsa3Exporter.Export(JsonNode.Parse(Native)!.AsObject(), out var problems);
        Assert.Empty(problems);
        Assert.Equal("Elsa.FlowDecision", elsa!["root"]!["activities"]![1]!["type"]!.GetValue<string>());

        var native = await _data.RunAsync(Native);
        var roundTrip = await ImportedFlows.RunAsync(_data, "round-elsa.json", elsa.ToJsonString());

        ResultAssert.Status(WorkflowStatus.Finished, roundTrip);
        var expected = await ImportedFlows.LinesAsync(_data, native);
        Assert.Equal(["Hello, you!", "end"], expected.Where(l => l is "Hello, you!" or "end"));
        Assert.Equal(expected.Where(l => !l.Contains("branch")), (await ImportedFlows.LinesAsync(_data, roundTrip)).Where(l => !l.Contains("branch")));
        Assert.Equal(["branch a", "branch b"], (await ImportedFlows.LinesAsync(_data, roundTrip)).Where(l => l.Contains("branch")).Order());
    }

    [Fact]
    public void Export_DataActivity_IsAProblemNamingIt()
    {
        var elsa = Elsa3Exporter.Export(JsonNode.Parse("""
            {"definitionId": "data", "root": {"id": "root", "type": "Sequence", "activities": [{"id": "read", "type": "CsvInput", "path": "x.csv"}]}}
            """)!.AsObject(), out var problems);

        Assert.Null(elsa);
        var problem = Assert.Single(problems);
        Assert.Equal(("read", "type"), (problem.ActivityId, problem.Field));
        Assert.Contains("CsvInput", problem.Message);
    }
}
