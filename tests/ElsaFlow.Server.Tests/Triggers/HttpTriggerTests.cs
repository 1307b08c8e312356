using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ElsaFlow.Server.Tests.Support;

namespace ElsaFlow.Server.Tests.Triggers;

public sealed class HttpTriggerTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static string Orders(string id, string path, bool isPublic) => $$$"""
        {"definitionId": "{{{id}}}",
         "root": {"id": "root", "type": "Flowchart", "activities": [
           {"id": "hook", "type": "HttpEndpoint", "path": "{{{path}}}", "methods": ["POST"], "public": {{{(isPublic ? "true" : "false")}}}},
           {"id": "answer", "type": "HttpResponse", "statusCode": 201,
            "headers": {"expression": {"type": "JavaScript", "value": "({'X-Order': incoming.routeValues.id})"}},
            "body": {"expression": {"type": "JavaScript", "value": "({id: incoming.routeValues.id, qty: incoming.body.qty, method: incoming.method, q: incoming.query.q})"} } }
         ],
         "connections": [{"source": {"activity": "hook", "port": "Done"}, "target": {"activity": "answer", "port": "In"}}]}}
        """;

    [Fact]
    public async Task PublicTrigger_FlowAnswers_StatusHeadersAndBodyFromHttpResponse()
    {
        await server.PublishAsync(Orders("orders-public", "shop/orders/{id}", isPublic: true));

        var response = await server.Anonymous.PostAsJsonAsync("/workflows/shop/orders/42?q=fast", new JsonObject { ["qty"] = 3 });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("42", response.Headers.GetValues("X-Order").Single());
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("42", body["id"]!.GetValue<string>());
        Assert.Equal(3, body["qty"]!.GetValue<int>());
        Assert.Equal("POST", body["method"]!.GetValue<string>());
        Assert.Equal("fast", body["q"]!.GetValue<string>());
    }

    [Fact]
    public async Task ProtectedTrigger_NoKeyOrViewer_IsRefused_OperatorIsAnswered()
    {
        await server.PublishAsync(Orders("orders-private", "private/orders/{id}", isPublic: false));
        var order = new JsonObject { ["qty"] = 1 };

        var anonymous = await server.Anonymous.PostAsJsonAsync("/workflows/private/orders/7", order);
        var viewer = await server.Viewer.PostAsJsonAsync("/workflows/private/orders/7", order);
        var operatorAnswer = await server.Operator.PostAsJsonAsync("/workflows/private/orders/7", order);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, viewer.StatusCode);
        Assert.Equal(HttpStatusCode.Created, operatorAnswer.StatusCode);
    }

    [Fact]
    public async Task Trigger_WrongMethod_Is405()
    {
        await server.PublishAsync(Orders("orders-method", "method/orders/{id}", isPublic: true));

        var response = await server.Anonymous.GetAsync("/workflows/method/orders/1");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task Trigger_FlowDoesNotAnswerInTime_Is202AndInstanceCanBeFollowed()
    {
        await server.PublishAsync("""
            {"definitionId": "slow-hook",
             "root": {"id": "root", "type": "Flowchart", "activities": [
               {"id": "hook", "type": "HttpEndpoint", "path": "slow", "methods": ["GET"], "public": true},
               {"id": "wait", "type": "Delay", "duration": "00:10:00"},
               {"id": "answer", "type": "HttpResponse", "body": "late"}
             ],
             "connections": [
               {"source": {"activity": "hook", "port": "Done"}, "target": {"activity": "wait", "port": "In"}},
               {"source": {"activity": "wait", "port": "Done"}, "target": {"activity": "answer", "port": "In"}}]}}
            """);

        var response = await server.Anonymous.GetAsync("/workflows/slow");

        var accepted = await HttpAssert.Json(response, HttpStatusCode.Accepted);
        var instanceId = accepted["instanceId"]!.GetValue<string>();
        Assert.Equal($"/api/instances/{instanceId}", response.Headers.Location?.OriginalString);
        var instance = await HttpAssert.Json(await server.Admin.GetAsync($"/api/instances/{instanceId}"));
        Assert.Equal("slow-hook", instance["instance"]!["definitionId"]!.GetValue<string>());
        await server.Admin.PostAsync($"/api/instances/{instanceId}/cancel", null);
    }

    [Fact]
    public async Task Trigger_AfterUnpublish_RouteIsGone()
    {
        await server.PublishAsync(Orders("orders-gone", "gone/orders/{id}", isPublic: true));
        Assert.Equal(HttpStatusCode.Created, (await server.Anonymous.PostAsJsonAsync("/workflows/gone/orders/1", new JsonObject { ["qty"] = 1 })).StatusCode);

        (await server.Admin.PostAsync("/api/workflows/orders-gone/unpublish", null)).EnsureSuccessStatusCode();

        var response = await server.Anonymous.PostAsJsonAsync("/workflows/gone/orders/1", new JsonObject { ["qty"] = 1 });
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
