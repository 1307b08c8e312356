using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ElsaFlow.Engine.Expressions;
using ElsaFlow.Server.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace ElsaFlow.Server.Tests.Hosting;

public sealed class ExpressionLimitsTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private const string Looping = """
        {"definitionId": "looping",
         "root": {"id": "root", "type": "Sequence", "activities": [
           {"id": "say", "type": "Log", "message": {"expression": {"type": "Liquid", "value": "{% for i in (1..100) %}{{ i }}{% endfor %}"}}}
         ]}}
        """;

    [Fact]
    public async Task Execute_LiquidPastTheConfiguredStepLimit_FaultsNamingFlowActivityFieldAndLimit()
    {
        await using var limited = server.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("ElsaFlow:DataFolder", server.DataFolder + "-limits");
            builder.UseSetting("ElsaFlow:Expressions:LiquidMaxSteps", "50");
            builder.UseSetting("ElsaFlow:Expressions:Timeout", "00:00:05");
        });
        var client = limited.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", ServerFixture.AdminKey);
        (await client.PostAsJsonAsync("/api/workflows", JsonNode.Parse(Looping))).EnsureSuccessStatusCode();

        var run = JsonNode.Parse(await (await client.PostAsJsonAsync("/api/workflows/looping/execute", new JsonObject())).Content.ReadAsStringAsync())!;

        var options = limited.Services.GetRequiredService<ExpressionOptions>();
        Assert.Equal(50, options.LiquidMaxSteps);
        Assert.Equal(TimeSpan.FromSeconds(5), options.Timeout);
        Assert.Equal("Faulted", run["status"]!.GetValue<string>());
        Assert.Equal("say", run["faultedActivityId"]!.GetValue<string>());
        Assert.Contains("message: Liquid range of 100 numbers is longer than 50, the step limit (flow 'looping', activity 'say')", run["error"]!.GetValue<string>());
    }
}
