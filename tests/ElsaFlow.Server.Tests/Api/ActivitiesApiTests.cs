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

}
