using ElsaFlow.Server.Tests.Support;

namespace ElsaFlow.Server.Tests.Api;

public sealed class ActivitiesApiTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task List_HasControlAndDataActivities_WithSensitiveFlags()
    {
        var activities = (await HttpAssert.Json(await server.Viewer.GetAsync("/api/activities"))).AsArray();

        var types = activities.Select(a => a!["type"]!.GetValue<string>()).ToList();
        Assert.Contains("If", types);
        Assert.Contains("CsvInput", types);
        var http = activities.Single(a => a!["type"]!.GetValue<string>() == "HttpInput")!;
        Assert.True(http["inputs"]!.AsArray().Single(i => i!["name"]!.GetValue<string>() == "headers")!["sensitive"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Workers_ListThisNodeAsTheOneWorker()
    {
        var workers = (await HttpAssert.Json(await server.Viewer.GetAsync("/api/workers"))).AsArray();

        var node = Assert.Single(workers)!;
        Assert.Contains(Environment.MachineName, node["nodeId"]!.GetValue<string>());
        Assert.Equal("all", node["roles"]![0]!.GetValue<string>());
        Assert.Equal(16, node["maxParallelActivities"]!.GetValue<int>());
    }
}
