using System.Net;
using ElsaFlow.Server.Tests.Support;
using Microsoft.AspNetCore.Hosting;

namespace ElsaFlow.Server.Tests.Hosting;

public sealed class RetentionTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task Retention_DeletesEndedInstancesOlderThanMaxAge_WithTheirWorkspace()
    {
        await using var expiring = server.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("ElsaFlow:Retention:MaxAge", "00:00:00");
            builder.UseSetting("ElsaFlow:RetentionInterval", "00:00:00.200");
        });
        var client = expiring.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", ServerFixture.AdminKey);
        server.WriteData("people.csv", Flows.PeopleCsv);
        (await client.PostAsync("/api/workflows", JsonContent(Flows.Csv))).EnsureSuccessStatusCode();
        (await client.PostAsync("/api/workflows/people/publish", null)).EnsureSuccessStatusCode();
        var run = await HttpAssert.Json(await client.PostAsync("/api/workflows/people/execute", null));
        var id = run["instanceId"]!.GetValue<string>();
        var workspace = Path.Combine(server.DataFolder, "workspaces", $"{id}.duckdb");
        Assert.Equal("Finished", run["status"]!.GetValue<string>());

        var status = HttpStatusCode.OK;
        for (var i = 0; i < 100 && status == HttpStatusCode.OK; i++)
        {
            await Task.Delay(200);
            status = (await client.GetAsync($"/api/instances/{id}")).StatusCode;
        }

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.False(File.Exists(workspace));
    }

    private static StringContent JsonContent(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
