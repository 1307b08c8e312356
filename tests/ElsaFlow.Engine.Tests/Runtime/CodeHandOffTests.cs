using ElsaFlow.Engine.Store;
using ElsaFlow.Engine.Tests.Support;

namespace ElsaFlow.Engine.Tests.Runtime;

public sealed class CodeHandOffTests : IAsyncLifetime
{
    private readonly EngineHarness _engine = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _engine.DisposeAsync();

    [Fact]
    public async Task PortTokens_EachPortCarriesItsOwnToken()
    {
        var result = await _engine.RunAsync("""
        {"definitionId": "parity", "variables": [{"name": "even", "value": null}, {"name": "odd", "value": null}],
         "root": {"id": "root", "type": "Flowchart", "activities": [
           {"id": "split", "type": "SplitParity", "numbers": [1, 2, 3, 4, 5]},
           {"id": "keepEven", "type": "SetVariable", "variable": "even", "value": {"expression": {"type": "JavaScript", "value": "incoming"}}},
           {"id": "keepOdd", "type": "SetVariable", "variable": "odd", "value": {"expression": {"type": "JavaScript", "value": "incoming"}}}
         ],
         "connections": [
           {"source": {"activity": "split", "port": "Even"}, "target": {"activity": "keepEven", "port": "In"}},
           {"source": {"activity": "split", "port": "Odd"}, "target": {"activity": "keepOdd", "port": "In"}}
         ]}}
        """);

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Equal("[2,4]", result.Variables["even"]!.ToJsonString());
        Assert.Equal("[1,3,5]", result.Variables["odd"]!.ToJsonString());
    }

    [Fact]
    public async Task RunCode_ControlActivityHearsTheCodeActivitysAnswer()
    {
        var result = await _engine.RunAsync("""
        {"definitionId": "ask", "variables": [{"name": "answer", "value": 0}],
         "root": {"id": "root", "type": "Sequence", "activities": [{"id": "ask", "type": "AskEmit", "variable": "answer"}]}}
        """);

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Equal(42, result.Variables["answer"]!.GetValue<int>());
    }
}
