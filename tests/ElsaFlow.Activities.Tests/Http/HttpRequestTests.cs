using ElsaFlow.Activities.Tests.Support;
using ElsaFlow.Engine.Store;

namespace ElsaFlow.Activities.Tests.Http;

public sealed class HttpRequestTests : IAsyncLifetime
{
    private readonly DataHarness _data = new();
    private LocalHttpServer _server = null!;

    public async Task InitializeAsync() => _server = await LocalHttpServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _data.DisposeAsync();
    }

    private static string Flow(string call) => $$$"""
        {"definitionId": "http-call", "root": {"id": "root", "type": "Flowchart", "activities": [
           {{{call}}},
           {"id": "end", "type": "Finish", "outputs": {
             "status": {"expression": {"type": "JavaScript", "value": "incoming.status"}},
             "first": {"expression": {"type": "JavaScript", "value": "incoming.body[0].name"} } } }],
         "connections": [{"source": {"activity": "call", "port": "Done"}, "target": {"activity": "end", "port": "In"}}]}}
        """;

    [Fact]
    public async Task HttpRequest_ServiceUnavailableTwiceWithRetry_OutputsTheAnswer()
    {
        _server.FailNext(2, 503);

        var result = await _data.RunAsync(Flow($$$"""
            {"id": "call", "type": "HttpRequest", "url": "{{{_server.BaseUrl}}}/flaky", "retry": {"attempts": 3}}
            """));

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Equal(200, result.Outputs["status"]!.GetValue<int>());
        Assert.Equal("item1", result.Outputs["first"]!.GetValue<string>());
        Assert.Equal(3, _server.Requests.Count);
    }

    [Fact]
    public async Task HttpRequest_ClientError_Faults()
    {
        var result = await _data.RunAsync(Flow($$$"""
            {"id": "call", "type": "HttpRequest", "url": "{{{_server.BaseUrl}}}/reject", "method": "POST", "body": {"amount": -1}}
            """));

        ResultAssert.Status(WorkflowStatus.Faulted, result);
        Assert.Contains("422", result.Error);
    }

    [Fact]
    public async Task HttpResponse_WithoutServer_LogsTheAnswer()
    {
        var result = await _data.RunAsync("""
            {"definitionId": "answer", "root": {"id": "root", "type": "Sequence", "activities": [
               {"id": "answer", "type": "HttpResponse", "statusCode": 204}]}}
            """);

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Contains(await _data.LogsAsync(result, "answer"), l => l.StartsWith("no open request to answer: 204"));
    }
}
