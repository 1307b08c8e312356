using ElsaFlow.Activities.Tests.Support;
using ElsaFlow.Engine.Store;

namespace ElsaFlow.Activities.Tests.Inputs;

public sealed class JsonInputTests : IAsyncLifetime
{
    private readonly DataHarness _data = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _data.DisposeAsync();

    private static string Flow(string inputs) => $$$"""
        {"definitionId": "json", "root": {"id": "root", "type": "Flowchart", "activities": [
           {"id": "read", "type": "JsonInput", {{{inputs}}}},
           {"id": "sorted", "type": "Sort", "by": [{"column": "id"}]}],
         "connections": [{"source": {"activity": "read", "port": "Done"}, "target": {"activity": "sorted", "port": "In"}}]}}
        """;

    [Theory]
    [InlineData("auto", """[{"id": 2, "name": "bob"}, {"id": 1, "name": "ann"}]""")]
    [InlineData("array", """[{"id": 2, "name": "bob"}, {"id": 1, "name": "ann"}]""")]
    [InlineData("lines", "{\"id\": 2, \"name\": \"bob\"}\n{\"id\": 1, \"name\": \"ann\"}\n")]
    [InlineData("auto", "{\"id\": 2, \"name\": \"bob\"}\n{\"id\": 1, \"name\": \"ann\"}\n")]
    public async Task JsonInput_ArrayOrLines_ReadsRows(string format, string content)
    {
        _data.WriteFile("people.json", content);

        var result = await _data.RunAsync(Flow($$"""
            "path": "people.json", "format": "{{format}}"
            """));

        ResultAssert.Status(WorkflowStatus.Finished, result);
        var rows = await _data.RowsAsync(result, "sorted");
        Assert.Equal(["1:ann", "2:bob"], rows.Select(r => $"{r["id"]}:{r["name"]}"));
    }

    [Fact]
    public async Task JsonInput_MalformedJson_FaultsNamingThePath()
    {
        _data.WriteFile("people.json", "{\"id\": 1, \"name\": \"ann\"\n");

        var result = await _data.RunAsync(Flow("""
            "path": "people.json"
            """));

        ResultAssert.Status(WorkflowStatus.Faulted, result);
        Assert.Equal("read", result.FaultedActivityId);
        Assert.StartsWith("path: 'people.json' is not readable as JSON (auto): ", result.Error);
    }

    [Fact]
    public void JsonInput_UnknownFormat_IsAValidationProblem()
    {
        var problems = _data.Problems(Flow("""
            "path": "people.json", "format": "xml"
            """));

        Assert.Contains(problems, p => p.Contains("activity 'read', field 'format': 'xml' is not a JSON format"));
    }
}
