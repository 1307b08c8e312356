using System.Net;
using System.Text;
using ElsaFlow.Server.Tests.Support;

namespace ElsaFlow.Server.Tests.Api;

public sealed class InstanceDataApiTests(ServerFixture server) : IClassFixture<ServerFixture>, IAsyncLifetime
{
    private string _instanceId = "";

    public async Task InitializeAsync()
    {
        server.WriteData("people.csv", Flows.PeopleCsv);
        if ((await server.Viewer.GetAsync("/api/workflows/people")).StatusCode == HttpStatusCode.NotFound) await server.PublishAsync(Flows.Csv);
        var run = await HttpAssert.Json(await server.Admin.PostJson("/api/workflows/people/execute", null));
        Assert.Equal("Finished", run["status"]!.GetValue<string>());
        _instanceId = run["instanceId"]!.GetValue<string>();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task PreviewRun_StopsAtTheActivity_ReturnsFirstRows_WritesNothing()
    {
        var before = (await HttpAssert.Json(await server.Viewer.GetAsync("/api/instances?definition=people"))).AsObject()["total"]!.GetValue<int>();
        File.Delete(Path.Combine(server.DataRoot, "out", "sorted.csv"));

        var preview = await HttpAssert.Json(await server.Operator.PostJson("/api/workflows/people/preview/sort?rows=2", null));
        var after = (await HttpAssert.Json(await server.Viewer.GetAsync("/api/instances?definition=people"))).AsObject()["total"]!.GetValue<int>();

        Assert.Equal(["name", "age"], preview["columns"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()));
        Assert.Equal(2, preview["rows"]!.AsArray().Count);
        Assert.False(File.Exists(Path.Combine(server.DataRoot, "out", "sorted.csv")));
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task PreviewRun_UnknownActivityOrFlow_Is404()
    {
        await HttpAssert.Problem(await server.Operator.PostJson("/api/workflows/people/preview/nope", null), HttpStatusCode.NotFound);
        await HttpAssert.Problem(await server.Operator.PostJson("/api/workflows/nope/preview/sort", null), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task PreviewRun_ActivityWithoutDataset_Is400_AndLeavesNoInstance()
    {
        await server.PublishAsync(Flows.Hello("no-data"));

        var problem = await HttpAssert.Problem(await server.Operator.PostJson("/api/workflows/no-data/preview/greet", null), HttpStatusCode.BadRequest);
        var instances = await HttpAssert.Json(await server.Viewer.GetAsync("/api/instances?definition=no-data"));

        Assert.Contains("no dataset", problem["detail"]!.GetValue<string>());
        Assert.Equal(0, instances["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task ActivityPreview_PagesTheOutput()
    {
        var page = await HttpAssert.Json(await server.Viewer.GetAsync($"/api/instances/{_instanceId}/activities/sort/preview?offset=1&limit=2"));

        Assert.Equal(4, page["rowCount"]!.GetValue<int>());
        Assert.Equal(1, page["offset"]!.GetValue<int>());
        Assert.Equal(["ada", "bob"], page["rows"]!.AsArray().Select(r => r!["name"]!.GetValue<string>()));
        await HttpAssert.Problem(await server.Viewer.GetAsync($"/api/instances/{_instanceId}/activities/nope/preview"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Download_Csv_IsTheWholeDataset()
    {
        var response = await server.Viewer.GetAsync($"/api/instances/{_instanceId}/activities/sort/download?format=csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("name,age\ncy,41\nada,36\nbob,25\ndee,19\n", (await response.Content.ReadAsStringAsync()).Replace("\r\n", "\n"));
    }

    [Fact]
    public async Task Download_Parquet_IsAParquetFile()
    {
        var bytes = await server.Viewer.GetByteArrayAsync($"/api/instances/{_instanceId}/activities/read/download?format=parquet");

        Assert.Equal("PAR1", Encoding.ASCII.GetString(bytes, 0, 4));
        await HttpAssert.Problem(await server.Viewer.GetAsync($"/api/instances/{_instanceId}/activities/read/download?format=xlsx"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Files_ListsWhatOutputsWrote_AndServesThem()
    {
        var files = (await HttpAssert.Json(await server.Viewer.GetAsync($"/api/instances/{_instanceId}/files"))).AsArray();
        var file = Assert.Single(files)!;
        var content = await server.Viewer.GetStringAsync($"/api/instances/{_instanceId}/files/sorted.csv");

        Assert.Equal("sorted.csv", file["name"]!.GetValue<string>());
        Assert.Equal("write", file["activityId"]!.GetValue<string>());
        Assert.StartsWith("name,age", content);
        await HttpAssert.Problem(await server.Viewer.GetAsync($"/api/instances/{_instanceId}/files/other.csv"), HttpStatusCode.NotFound);
        await HttpAssert.Problem(await server.Viewer.GetAsync("/api/instances/nope/files"), HttpStatusCode.NotFound);
    }
}
