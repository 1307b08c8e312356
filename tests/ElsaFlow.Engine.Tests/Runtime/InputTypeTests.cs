using System.Text.Json.Nodes;
using ElsaFlow.Engine.Runtime;
using ElsaFlow.Engine.Store;
using ElsaFlow.Engine.Tests.Support;

namespace ElsaFlow.Engine.Tests.Runtime;

/// <summary>Values a caller starts a flow with are checked against the declared input types before anything uses them.</summary>
[Trait("Suite", "Security")]
public sealed class InputTypeTests : IAsyncDisposable
{
    private readonly EngineHarness _engine = new();

    private const string Flow = """
        {"definitionId": "typed",
         "inputs": [{"name": "amount", "type": "Number"}, {"name": "count", "type": "Integer"}, {"name": "urgent", "type": "Boolean"},
                    {"name": "note", "type": "String"}],
         "variables": [{"name": "seen", "value": null}],
         "root": {"id": "root", "type": "Sequence", "activities": [
           {"id": "keep", "type": "SetVariable", "variable": "seen",
            "value": {"expression": {"type": "JavaScript", "value": "[typeof inputs.amount, typeof inputs.count, typeof inputs.urgent, inputs.amount + 1]"}}}]}}
        """;

    public ValueTask DisposeAsync() => _engine.DisposeAsync();

    private Task<string> StartAsync(string inputs) =>
        _engine.Runtime.StartAsync(new StartWorkflowRequest { Definition = _engine.Parse(Flow), Inputs = JsonNode.Parse(inputs)!.AsObject() });

    [Theory]
    [InlineData("""{"amount": "abc"}""", "amount", "this workflow input is a Number, but \"abc\" was given")]
    [InlineData("""{"amount": {"a": 1}}""", "amount", "this workflow input is a Number, but {\"a\":1} was given")]
    [InlineData("""{"amount": "NaN"}""", "amount", "this workflow input is a Number, but \"NaN\" was given")]
    [InlineData("""{"count": 2.5}""", "count", "this workflow input is an Integer, but 2.5 was given")]
    [InlineData("""{"count": "1 OR 1=1"}""", "count", "this workflow input is an Integer, but \"1 OR 1=1\" was given")]
    [InlineData("""{"urgent": "yes"}""", "urgent", "this workflow input is a Boolean, but \"yes\" was given")]
    [InlineData("""{"urgent": 1}""", "urgent", "this workflow input is a Boolean, but 1 was given")]
    public async Task Start_ValueNotOfTheDeclaredType_IsRefusedNamingFlowAndInput(string inputs, string input, string message)
    {
        var error = await Assert.ThrowsAsync<WorkflowValidationException>(() => StartAsync(inputs));

        var problem = Assert.Single(error.Problems);
        Assert.Equal($"flow 'typed', field '{input}': {message}", problem.ToString());
    }

    [Fact]
    public async Task Start_SeveralWrongValues_ReportsEveryOne()
    {
        var error = await Assert.ThrowsAsync<WorkflowValidationException>(() => StartAsync("""{"amount": "x", "urgent": "y"}"""));

        Assert.Equal(["amount", "urgent"], error.Problems.Select(p => p.Field));
    }

    [Fact]
    public async Task Start_InputTheFlowDoesNotDeclare_IsRefusedListingTheFlowsInputs()
    {
        var error = await Assert.ThrowsAsync<WorkflowValidationException>(() => StartAsync("""{"amout": 5}"""));

        var problem = Assert.Single(error.Problems);
        Assert.Equal("flow 'typed', field 'amout': this flow has no input 'amout'; its inputs are amount (Number), count (Integer), urgent (Boolean), note (String)",
            problem.ToString());
    }

    [Fact]
    public async Task Start_InputGivenToAFlowWithoutInputs_SaysItTakesNone()
    {
        var flow = _engine.Parse("""{"definitionId": "bare", "root": {"id": "root", "type": "Sequence", "activities": []}}""");

        var error = await Assert.ThrowsAsync<WorkflowValidationException>(() =>
            _engine.Runtime.StartAsync(new StartWorkflowRequest { Definition = flow, Inputs = new JsonObject { ["who"] = "Ada" } }));

        Assert.Equal("flow 'bare', field 'who': this flow has no input 'who'; it takes no inputs", Assert.Single(error.Problems).ToString());
    }

    [Fact]
    public async Task Start_TextThatReadsAsTheType_IsCoerced()
    {
        var id = await StartAsync("""{"amount": " 42.5 ", "count": "7", "urgent": "True", "note": "12"}""");
        var result = await _engine.Runtime.WaitAsync(id).WaitAsync(TimeSpan.FromSeconds(30));

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Equal("""["number","number","boolean",43.5]""", result.Variables["seen"]!.ToJsonString());
        var state = WorkflowStateSerializer.Deserialize((await _engine.Store.GetInstanceAsync(id))!.StateJson);
        Assert.Equal("""{"amount":42.5,"count":7,"urgent":true,"note":"12"}""", state.Inputs.ToJsonString());
    }

    [Fact]
    public async Task Start_NullOrMissingOptionalInputs_AreLeftAlone()
    {
        var id = await StartAsync("""{"amount": null}""");

        ResultAssert.Status(WorkflowStatus.Finished, await _engine.Runtime.WaitAsync(id).WaitAsync(TimeSpan.FromSeconds(30)));
    }
}
