using System.Net;
using ElsaFlow.Server.Tests.Support;
using Microsoft.AspNetCore.Hosting;

namespace ElsaFlow.Server.Tests.Hosting;

public sealed class RequestSizeLimitTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task Request_AboveTheBodyLimit_Is413WithAProblem()
    {
        await using var small = server.WithWebHostBuilder(builder => builder.UseSetting("ElsaFlow:MaxRequestBodySize", "1000"));
        var client = small.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", ServerFixture.AdminKey);

        var tooBig = await client.PostAsync("/api/workflows", new StringContent(new string(' ', 5000) + Flows.Hello(), System.Text.Encoding.UTF8, "application/json"));
        var fine = await client.PostAsync("/api/workflows/validate", new StringContent(Flows.Hello(), System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooBig.StatusCode);
        Assert.Equal("application/problem+json", tooBig.Content.Headers.ContentType!.MediaType);
        Assert.Contains("at most 1,000 bytes", await tooBig.Content.ReadAsStringAsync());
        Assert.NotEqual(HttpStatusCode.RequestEntityTooLarge, fine.StatusCode);
    }
}
