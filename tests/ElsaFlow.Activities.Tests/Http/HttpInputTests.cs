using ElsaFlow.Activities.Tests.Support;
using ElsaFlow.Engine.Store;

namespace ElsaFlow.Activities.Tests.Http;

public sealed class HttpInputTests : IAsyncLifetime
{
    private readonly DataHarness _data = new();
    private LocalHttpServer _server = null!;

    public async Task InitializeAsync() => _server = await LocalHttpServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _data.DisposeAsync();
    }

    private static string Flow(string input) => $$$"""
        {"definitionId": "http-in", "root": {"id": "root", "type": "Flowchart", "activities": [
           {{{input}}},
           {"id": "after", "type": "Sort", "by": [{"column": "id"}]}],
         "connections": [{"source": {"activity": "read", "port": "Done"}, "target": {"activity": "after", "port": "In"}}]}}
        """;

    private static readonly List<string> AllItems = Enumerable.Range(1, 7).Select(i => $"{i}:item{i}").ToList();

    private async Task<List<string>> RowsAsync(Engine.Runtime.WorkflowRunResult result) =>
        (await _data.RowsAsync(result, "after")).Select(r => $"{r["id"]}:{r["name"]}").ToList();

    [Fact]
    public async Task HttpInput_PagePagination_ReadsUntilAnEmptyPage()
    {
        var result = await _data.RunAsync(Flow($$$"""
            {"id": "read", "type": "HttpInput", "url": "{{{_server.BaseUrl}}}/paged", "recordsPath": "data.items", "pagination": "page"}
            """));

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Equal(AllItems, await RowsAsync(result));
        Assert.Equal(["GET /paged?page=1", "GET /paged?page=2", "GET /paged?page=3", "GET /paged?page=4"], _server.Requests);
    }

    [Fact]
    public async Task HttpInput_OffsetPagination_ReadsUntilAShortPage()
    {
        var result = await _data.RunAsync(Flow($$$"""
            {"id": "read", "type": "HttpInput", "url": "{{{_server.BaseUrl}}}/offset?keep=1", "recordsPath": "rows", "pagination": "offset", "pageSize": 4}
            """));

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Equal(AllItems, await RowsAsync(result));
        Assert.Equal(["GET /offset?keep=1&offset=0&limit=4", "GET /offset?keep=1&offset=4&limit=4"], _server.Requests);
    }

    [Fact]
    public async Task HttpInput_CursorPagination_FollowsTheCursorToTheEnd()
    {
        var result = await _data.RunAsync(Flow($$$"""
            {"id": "read", "type": "HttpInput", "url": "{{{_server.BaseUrl}}}/cursor", "recordsPath": "items", "pagination": "cursor", "cursorPath": "meta.next"}
            """));

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Equal(AllItems, await RowsAsync(result));
        Assert.Equal(["GET /cursor", "GET /cursor?cursor=3", "GET /cursor?cursor=6"], _server.Requests);
    }

    [Fact]
    public async Task HttpInput_MaxPages_StopsWithAWarning()
    {
        var result = await _data.RunAsync(Flow($$$"""
            {"id": "read", "type": "HttpInput", "url": "{{{_server.BaseUrl}}}/paged", "recordsPath": "data.items", "pagination": "page", "maxPages": 2}
            """));

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Equal(6, (await RowsAsync(result)).Count);
        Assert.Contains(await _data.LogsAsync(result, "read"), l => l.StartsWith("stopped after maxPages (2)"));
    }

    [Fact]
    public async Task HttpInput_PostWithHeadersAndBody_ReadsTheAnswer()
    {
        var result = await _data.RunAsync(Flow($$$"""
            {"id": "read", "type": "HttpInput", "url": "{{{_server.BaseUrl}}}/search", "method": "POST",
             "headers": {"Authorization": "Bearer secret"}, "body": {"prefix": "3"}}
            """));

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Equal(["3:item3"], await RowsAsync(result));
    }

    [Fact]
    public async Task HttpInput_ClientError_FaultsWithTheAnswer()
    {
        var result = await _data.RunAsync(Flow($$$"""
            {"id": "read", "type": "HttpInput", "url": "{{{_server.BaseUrl}}}/search", "method": "POST", "body": {"prefix": "3"}}
            """));

        ResultAssert.Status(WorkflowStatus.Faulted, result);
        Assert.Equal("read", result.FaultedActivityId);
        Assert.Equal($"page 1: POST {_server.BaseUrl}/search answered 401 Unauthorized: {{\"error\":\"no token\"}}", result.Error);
    }

    [Fact]
    public async Task HttpInput_ServiceUnavailableTwiceWithRetry_Succeeds()
    {
        _server.FailNext(2, 503);

        var result = await _data.RunAsync(Flow($$$"""
            {"id": "read", "type": "HttpInput", "url": "{{{_server.BaseUrl}}}/flaky", "retry": {"attempts": 3}}
            """));

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Equal(["1:item1", "2:item2"], await RowsAsync(result));
        Assert.Equal(3, _server.Requests.Count);
    }

    [Fact]
    public async Task HttpInput_UnreachableUrl_Faults()
    {
        var url = LocalHttpServer.UnusedUrl();

        var result = await _data.RunAsync(Flow($$$"""{"id": "read", "type": "HttpInput", "url": "{{{url}}}"}"""));

        ResultAssert.Status(WorkflowStatus.Faulted, result);
        Assert.Equal("read", result.FaultedActivityId);
        Assert.StartsWith($"page 1: GET {url} failed: Connection refused", result.Error);
    }

    [Fact]
    public async Task HttpInput_NotAnHttpUrl_Faults()
    {
        var result = await _data.RunAsync(Flow("""{"id": "read", "type": "HttpInput", "url": "file:///etc/passwd"}"""));

        ResultAssert.Status(WorkflowStatus.Faulted, result);
        Assert.Equal("read", result.FaultedActivityId);
        Assert.Equal("url: 'file:///etc/passwd' is not an absolute http(s) URL", result.Error);
    }
}
