using System.Text.Json.Nodes;
using ElsaFlow.Activities.Tests.Support;
using ElsaFlow.Engine.Store;

namespace ElsaFlow.Activities.Tests.Outputs;

public sealed class JsonOutputTests : IAsyncLifetime
{
    private readonly DataHarness _data = new();

    public Task InitializeAsync()
    {
        _data.WriteFile("sales.csv", OutputFlow.Sales);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _data.DisposeAsync();

    [Fact]
    public async Task JsonOutput_Array_WritesOneArrayOfObjects()
    {
        var result = await _data.RunAsync(OutputFlow.Chain("""{"id": "out", "type": "JsonOutput", "path": "out/sales.json"}"""));

        ResultAssert.Status(WorkflowStatus.Finished, result);
        var rows = JsonNode.Parse(File.ReadAllText(_data.PathOf("out/sales.json")))!.AsArray().Select(r => r!.AsObject());
        Assert.Equal(OutputFlow.SalesText, OutputFlow.Text(rows));
        Assert.Equal(5, JsonNode.Parse(File.ReadAllText(_data.PathOf("out/sales.json")))![0]!["amount"]!.GetValue<long>());
        Assert.Equal(OutputFlow.SalesText, OutputFlow.Text(await _data.RowsAsync(result, "after")));
    }

    [Fact]
    public async Task JsonOutput_Lines_WritesOneObjectPerLine()
    {
        var result = await _data.RunAsync(OutputFlow.Chain("""{"id": "out", "type": "JsonOutput", "path": "sales.jsonl", "format": "lines"}"""));

        ResultAssert.Status(WorkflowStatus.Finished, result);
        var lines = File.ReadAllLines(_data.PathOf("sales.jsonl"));
        Assert.Equal(3, lines.Length);
        Assert.Equal(OutputFlow.SalesText, OutputFlow.Text(lines.Select(l => JsonNode.Parse(l)!.AsObject())));
    }

    [Fact]
    public async Task JsonOutput_Preview_WritesNothing()
    {
        var result = await _data.PreviewAsync(OutputFlow.Chain("""{"id": "out", "type": "JsonOutput", "path": "sales.json"}"""), "out");

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.False(File.Exists(_data.PathOf("sales.json")));
        Assert.Equal(3, (await _data.RowsAsync(result, "out")).Count);
    }

    [Fact]
    public async Task JsonOutput_UnknownFormat_IsAValidationProblem()
    {
        var problems = _data.Problems(OutputFlow.Chain("""{"id": "out", "type": "JsonOutput", "path": "x.json", "format": "yaml"}"""));

        Assert.Contains(problems, p => p.Contains("out") && p.Contains("format"));
    }

    [Fact]
    public async Task JsonOutput_PathOutsideTheDataRoot_Faults()
    {
        var result = await _data.RunAsync(OutputFlow.Chain("""{"id": "out", "type": "JsonOutput", "path": "/tmp/escape.json"}"""));

        ResultAssert.Status(WorkflowStatus.Faulted, result);
        Assert.Equal("out", result.FaultedActivityId);
        Assert.StartsWith("path: '/tmp/escape.json' is outside the data roots", result.Error);
    }
}
