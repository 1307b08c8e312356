using System.Text.Json.Nodes;
using ElsaFlow.Engine.Runtime;
using ElsaFlow.Engine.Store;
using ElsaFlow.Engine.Tests.Support;

namespace ElsaFlow.Engine.Tests.Runtime;

public sealed class VersionTests
{
    private static string Flow(string message) => $$$"""
        {"definitionId": "versioned", "variables": [{"name": "said", "value": ""}],
         "root": {"id": "root", "type": "Sequence", "activities": [
           {"id": "wait", "type": "Pause"},
           {"id": "say", "type": "SetVariable", "variable": "said", "value": "{{{message}}}"}]}}
        """;

    [Fact]
    public async Task RunningInstance_KeepsTheVersionItStartedWith()
    {
        await using var engine = new EngineHarness();
        var first = await engine.RunAsync(Flow("version one"));
        var second = await engine.RunAsync(Flow("version two"));

        await engine.Runtime.ResumeAsync(first.Bookmarks.Single().Id);
        var result = await engine.Runtime.WaitAsync(first.InstanceId);

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Equal((1, 2), (first.DefinitionVersion, second.DefinitionVersion));
        Assert.Equal("version one", result.Variables["said"]!.GetValue<string>());
        Assert.Equal([1, 2], (await engine.Store.ListDefinitionVersionsAsync("versioned")).Select(v => v.Version));
    }

    [Fact]
    public async Task SameContent_ReusesItsVersion()
    {
        await using var engine = new EngineHarness();

        var first = await engine.RunAsync(Flow("same"));
        var again = await engine.RunAsync(Flow("same"));

        Assert.Equal(first.DefinitionVersion, again.DefinitionVersion);
        Assert.Single(await engine.Store.ListDefinitionVersionsAsync("versioned"));
    }
}
