using System.Net;
using System.Text.Json.Nodes;
using ElsaFlow.Server.Tests.Support;

namespace ElsaFlow.Server.Tests.Api;

public sealed class WorkflowRunsApiTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task Execute_PublishedFlow_ReturnsStatusAndOutputs()
    {
        await server.PublishAsync(Flows.Hello("run-hello"));

        var run = await HttpAssert.Json(await server.Admin.PostJson("/api/workflows/run-hello/execute", new JsonObject { ["who"] = "Ada" }));

        Assert.Equal("Finished", run["status"]!.GetValue<string>());
        Assert.Equal("hello Ada", run["outputs"]!["greeting"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(run["instanceId"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Execute_NotSettledInTime_Is202WithInstanceId()
    {
        await server.PublishAsync(Flows.LongDelay);

        var response = await server.Admin.PostJson("/api/workflows/slow/execute?timeout=00:00:01", null);

        var run = await HttpAssert.Json(response, HttpStatusCode.Accepted);
        var instanceId = run["instanceId"]!.GetValue<string>();
        Assert.Equal($"/api/instances/{instanceId}", response.Headers.Location?.OriginalString);
        await server.Admin.PostAsync($"/api/instances/{instanceId}/cancel", null);
    }

    [Fact]
    public async Task Execute_BadTimeout_Is400()
    {
        await server.PublishAsync(Flows.Hello("timeout-check"));

        await HttpAssert.Problem(await server.Admin.PostJson("/api/workflows/timeout-check/execute?timeout=90", null), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Execute_Unknown_Is404()
    {
        await HttpAssert.Problem(await server.Admin.PostJson("/api/workflows/nope/execute", null), HttpStatusCode.NotFound);
        await HttpAssert.Problem(await server.Admin.PostJson("/api/workflows/nope/dispatch", null), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Execute_InvalidDraft_Is400WithProblemList()
    {
        await server.Admin.PostJson("/api/workflows", JsonNode.Parse(Flows.Invalid.Replace("\"broken\"", "\"broken-run\"")));

        var problem = await HttpAssert.Problem(await server.Admin.PostJson("/api/workflows/broken-run/execute", null), HttpStatusCode.BadRequest);

        Assert.Contains(problem["problems"]!.AsArray(), p => p!["activityId"]?.GetValue<string>() == "b");
    }

    [Fact]
    public async Task Execute_MissingRequiredInput_Is400NamingTheInput()
    {
        await server.PublishAsync(Flows.RequiredInput);

        var problem = await HttpAssert.Problem(await server.Admin.PostJson("/api/workflows/needs-input/execute", null), HttpStatusCode.BadRequest);

        Assert.Equal("who", problem["problems"]![0]!["field"]!.GetValue<string>());
    }

    [Fact]
    [Trait("Suite", "Security")]
    public async Task Execute_NumberInputGivenText_Is400NamingTheInput()
    {
        await server.PublishAsync("""
            {"definitionId": "typed-input", "inputs": [{"name": "amount", "type": "Number"}],
             "root": {"id": "root", "type": "Sequence", "activities": [{"id": "say", "type": "Log", "message": "${amount}"}]}}
            """);

        var problem = await HttpAssert.Problem(
            await server.Admin.PostJson("/api/workflows/typed-input/execute", new JsonObject { ["amount"] = "1 OR 1=1" }), HttpStatusCode.BadRequest);

        Assert.Equal("amount", problem["problems"]![0]!["field"]!.GetValue<string>());
        Assert.Equal("this workflow input is a Number, but \"1 OR 1=1\" was given", problem["problems"]![0]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Execute_InputTheFlowDoesNotDeclare_Is400ListingTheFlowsInputs()
    {
        await server.PublishAsync("""
            {"definitionId": "one-input", "inputs": [{"name": "who", "type": "String"}],
             "root": {"id": "root", "type": "Sequence", "activities": [{"id": "say", "type": "Log", "message": "${who}"}]}}
            """);

        var problem = await HttpAssert.Problem(
            await server.Admin.PostJson("/api/workflows/one-input/execute", new JsonObject { ["name"] = "Ada" }), HttpStatusCode.BadRequest);

        Assert.Equal("name", problem["problems"]![0]!["field"]!.GetValue<string>());
        Assert.Equal("this flow has no input 'name'; its inputs are who (String)", problem["problems"]![0]!["message"]!.GetValue<string>());
        var instances = await HttpAssert.Json(await server.Admin.GetAsync("/api/instances?definition=one-input"), HttpStatusCode.OK);
        Assert.Empty(instances["items"]!.AsArray());
    }

    [Fact]
    public async Task Dispatch_ReturnsInstanceIdAtOnce()
    {
        await server.PublishAsync(Flows.Hello("dispatched"));

        var response = await server.Admin.PostJson("/api/workflows/dispatched/dispatch?correlationId=order-7", new JsonObject { ["who"] = "Bob" });

        var body = await HttpAssert.Json(response, HttpStatusCode.Accepted);
        var instanceId = body["instanceId"]!.GetValue<string>();
        var page = await WaitForAsync($"/api/instances?correlationId=order-7&status=Finished");
        Assert.Equal(instanceId, page["items"]![0]!["id"]!.GetValue<string>());
    }

    private async Task<JsonNode> WaitForAsync(string url)
    {
        for (var attempt = 0; ; attempt++)
        {
            var page = await HttpAssert.Json(await server.Viewer.GetAsync(url));
            if (page["total"]!.GetValue<int>() > 0 || attempt == 100) return page;
            await Task.Delay(100);
        }
    }
}
