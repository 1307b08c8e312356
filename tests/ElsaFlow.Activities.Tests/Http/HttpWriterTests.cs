using ElsaFlow.Activities.Tests.Support;
using ElsaFlow.Engine.Store;

namespace ElsaFlow.Activities.Tests.Http;

public sealed class HttpWriterTests : IAsyncLifetime
{
    private readonly DataHarness _data = new();
    private LocalHttpServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await LocalHttpServer.StartAsync();
        _data.WriteFile("sales.csv", "id,name,amount\n1,ann,5\n2,bob,9\n3,cid,1\n4,dan,2\n5,eve,3\n");
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _data.DisposeAsync();
    }

    private static string Flow(string writer) => $$$"""
        {"definitionId": "http-out", "root": {"id": "root", "type": "Flowchart", "activities": [
           {"id": "read", "type": "CsvInput", "path": "sales.csv"},
           {{{writer}}},
           {"id": "after", "type": "Sort", "by": [{"column": "id"}]}],
         "connections": [
           {"source": {"activity": "read", "port": "Done"}, "target": {"activity": "out", "port": "In"}},
           {"source": {"activity": "out", "port": "Done"}, "target": {"activity": "after", "port": "In"}}]}}
        """;

    private List<string> Received() =>
        _server.Batches.SelectMany(b => b.Select(r => $"{r!["id"]}:{r["name"]}:{r["amount"]}")).ToList();

    private static readonly List<string> Sales = ["1:ann:5", "2:bob:9", "3:cid:1", "4:dan:2", "5:eve:3"];

    [Fact]
    public async Task HttpWriter_BatchSize_PostsJsonArraysWithHeadersAndPassesRowsOn()
    {
        var result = await _data.RunAsync(Flow($$$"""
            {"id": "out", "type": "HttpWriter", "url": "{{{_server.BaseUrl}}}/batches", "batchSize": 2, "headers": {"X-Api-Key": "k1"}}
            """));

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Equal([2, 2, 1], _server.Batches.Select(b => b.Count));
        Assert.Equal(Sales, Received());
        Assert.All(_server.BatchHeaders, h => Assert.Equal("k1", h["X-Api-Key"]));
        Assert.Equal(3, _server.BatchHeaders.Select(h => h["Idempotency-Key"]).Distinct().Count());
        Assert.Equal(5, (await _data.RowsAsync(result, "after")).Count);
        Assert.Contains(await _data.LogsAsync(result, "out"), l => l.StartsWith("sent 5 rows in 3 batches to POST "));
    }

    [Fact]
    public async Task HttpWriter_ServiceUnavailableTwiceWithRetry_DeliversEveryBatchExactlyOnce()
    {
        _server.FailAfter = 1;
        _server.FailNext(2, 503);

        var result = await _data.RunAsync(Flow($$$"""
            {"id": "out", "type": "HttpWriter", "url": "{{{_server.BaseUrl}}}/batches", "batchSize": 2, "retry": {"attempts": 3}}
            """));

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Equal(Sales, Received());
        Assert.Equal(5, _server.Requests.Count);
        Assert.Contains(await _data.LogsAsync(result, "out"), l => l.Contains("(1 delivered by an earlier attempt not sent again)"));
    }

    [Fact]
    public async Task HttpWriter_ServiceUnavailableWithoutRetry_FaultsNamingStatusAndBatch()
    {
        _server.FailAfter = 1;
        _server.FailNext(1, 503);

        var result = await _data.RunAsync(Flow($$$"""
            {"id": "out", "type": "HttpWriter", "url": "{{{_server.BaseUrl}}}/batches", "batchSize": 2}
            """));

        ResultAssert.Status(WorkflowStatus.Faulted, result);
        Assert.Equal("out", result.FaultedActivityId);
        Assert.Equal($"batch 2: POST {_server.BaseUrl}/batches answered 503 Service Unavailable", result.Error);
    }

    [Fact]
    public async Task HttpWriter_ClientError_FaultsWithTheAnswerExcerpt()
    {
        var result = await _data.RunAsync(Flow($$$"""
            {"id": "out", "type": "HttpWriter", "url": "{{{_server.BaseUrl}}}/reject"}
            """));

        ResultAssert.Status(WorkflowStatus.Faulted, result);
        Assert.Equal("out", result.FaultedActivityId);
        Assert.Equal($"batch 1: POST {_server.BaseUrl}/reject answered 422 Unprocessable Entity: {{\"error\": \"field 'amount' must be positive\"}}", result.Error);
    }

    [Fact]
    public async Task HttpWriter_Preview_SendsNothing()
    {
        var result = await _data.PreviewAsync(Flow($$$"""
            {"id": "out", "type": "HttpWriter", "url": "{{{_server.BaseUrl}}}/batches"}
            """), "out");

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Empty(_server.Requests);
        Assert.Equal(5, (await _data.RowsAsync(result, "out")).Count);
    }

    [Fact]
    public async Task HttpWriter_UnreachableUrl_Faults()
    {
        var url = LocalHttpServer.UnusedUrl();

        var result = await _data.RunAsync(Flow($$$"""{"id": "out", "type": "HttpWriter", "url": "{{{url}}}"}"""));

        ResultAssert.Status(WorkflowStatus.Faulted, result);
        Assert.Equal("out", result.FaultedActivityId);
        Assert.StartsWith($"batch 1: POST {url} failed: Connection refused", result.Error);
    }
}
