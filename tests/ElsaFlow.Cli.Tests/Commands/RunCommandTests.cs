using System.Text.Json.Nodes;
using ElsaFlow.Cli.Tests.Support;
using ElsaFlow.Engine.Store;

namespace ElsaFlow.Cli.Tests.Commands;

public sealed class RunCommandTests : IDisposable
{
    private readonly CliWorkspace _cli = new();

    [Fact]
    public async Task Run_FinishingFlowWithJson_PrintsOneResultObjectAndExits0()
    {
        var flow = _cli.WriteFlow("greeting.json", Flows.Greeting);

        var result = await _cli.RunAsync("run", flow, "--input", "who=Ann", "--input", "count=41", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var json = JsonNode.Parse(result.StdOut)!.AsObject();
        Assert.Equal("Finished", json["status"]!.GetValue<string>());
        Assert.Equal("hi Ann", json["variables"]!["greeting"]!.GetValue<string>());
        Assert.Equal(42, json["variables"]!["next"]!.GetValue<int>());
        Assert.Empty(json["bookmarks"]!.AsArray());
        Assert.Contains("hello Ann", result.StdErr);

        var instance = await _cli.OpenStore().GetInstanceAsync(json["instanceId"]!.GetValue<string>());
        Assert.Equal(WorkflowStatus.Finished, instance!.Status);
    }

    [Fact]
    public async Task Run_FinishingFlow_PrintsInstanceIdProgressAndLogs()
    {
        var flow = _cli.WriteFlow("greeting.json", Flows.Greeting);

        var result = await _cli.RunAsync("run", flow, "--input", "count=1");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("(flow greeting v2)", result.StdOut);
        Assert.Contains("completed greet (SetVariable)", result.StdOut);
        Assert.Contains("hello world", result.StdOut);
        Assert.Contains($"instance {CliWorkspace.InstanceId(result.StdOut)} finished", result.StdOut);
    }

    [Fact]
    public async Task Run_FaultingFlow_Exits1NamingTheActivity()
    {
        var flow = _cli.WriteFlow("faulting.json", Flows.Faulting);

        var result = await _cli.RunAsync("run", flow);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("faulted in activity 'explode'", result.StdOut);
        Assert.Contains("the data is bad", result.StdOut);
    }

    [Fact]
    public async Task Run_InvalidFlow_Exits2ListingEveryProblemWithActivityAndField()
    {
        var flow = _cli.WriteFlow("broken.json", Flows.Invalid);

        var result = await _cli.RunAsync("run", flow);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("activity 'speak', field 'message'", result.StdErr);
        Assert.Contains("activity 'decide', field 'condition'", result.StdErr);
        Assert.DoesNotContain("   at ", result.All);
    }

    [Theory]
    [InlineData("--no-such-option")]
    [InlineData("--input", "novalue")]
    public async Task Run_BadArguments_Exits2(params string[] extra)
    {
        var flow = _cli.WriteFlow("greeting.json", Flows.Greeting);

        var result = await _cli.RunAsync(["run", flow, .. extra]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("error:", result.StdErr);
    }

    [Fact]
    [Trait("Suite", "Security")]
    public async Task Run_NumberInputGivenText_Exits2NamingFlowAndInput()
    {
        var flow = _cli.WriteFlow("typed.json", """
            {"definitionId": "typed", "inputs": [{"name": "amount", "type": "Number"}],
             "root": {"id": "root", "type": "Sequence", "activities": [{"id": "say", "type": "Log", "message": "amount ${amount}"}]}}
            """);

        var refused = await _cli.RunAsync("run", flow, "--input", "amount=1 OR 1=1");
        var coerced = await _cli.RunAsync("run", flow, "--input", "amount=\"42\"");

        Assert.True(refused.ExitCode == 2, refused.ToString());
        Assert.Contains("flow 'typed', field 'amount': this workflow input is a Number, but \"1 OR 1=1\" was given", refused.StdErr);
        Assert.True(coerced.ExitCode == 0, coerced.ToString());
        Assert.Contains("amount 42", coerced.StdOut);
    }

    [Fact]
    public async Task Run_FlowThatFinishesWithOutputs_PrintsThemAfterTheVariables()
    {
        var flow = _cli.WriteFlow("outputs.json", """
            {"definitionId": "outputs", "variables": [{"name": "total", "value": 0}],
             "root": {"id": "root", "type": "Sequence", "activities": [
               {"id": "sum", "type": "SetVariable", "variable": "total", "value": 50},
               {"id": "end", "type": "Finish", "outputs": {"total": {"expression": {"type": "JavaScript", "value": "variables.total"}}, "summary": "total ${total}"}}]}}
            """);

        var result = await _cli.RunAsync("run", flow);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("  total = 50\noutputs:\n  total = 50\n  summary = \"total 50\"", result.StdOut.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Run_InputTheFlowDoesNotDeclare_Exits2ListingTheFlowsInputs()
    {
        var flow = _cli.WriteFlow("greeting.json", Flows.Greeting);

        var result = await _cli.RunAsync("run", flow, "--input", "name=Ada");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("flow 'greeting', field 'name': this flow has no input 'name'; its inputs are who (String), count (Number)", result.StdErr);
        Assert.DoesNotContain("started", result.StdOut);
    }

    [Theory]
    [InlineData("missing.json", "does not exist")]
    [InlineData("notes.txt", "is not a flow file")]
    public async Task Run_MissingOrNotAFlowFile_Exits2WithOneClearLine(string name, string message)
    {
        if (name.EndsWith(".txt")) _cli.WriteFlow(name, "just some notes");

        var result = await _cli.RunAsync("run", _cli.PathOf(name));

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(message, result.StdErr);
        Assert.DoesNotContain("   at ", result.All);
    }

    [Fact]
    public async Task Run_ShortDelay_StaysAliveAndExits0()
    {
        var flow = _cli.WriteFlow("nap.json", Flows.ShortDelay);

        var result = await _cli.RunAsync("run", flow, "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(JsonNode.Parse(result.StdOut)!["variables"]!["done"]!.GetValue<bool>());
    }

    public void Dispose() => _cli.Dispose();
}
